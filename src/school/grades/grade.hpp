// Grades: one assessment (assignment, quiz, exam, participation) of one student in one subject
// of a course, in a semester, on a date whose month the monthly results key on. The percentage
// and letter are not stored: the service computes them when it reads a grade, from the grading
// settings in force. The subject and semester short forms are shown as they are (described).
#pragma once

#include "core/time.hpp"
#include "school/enrollments/enrollment.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::grades {

struct SubjectSummary {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 1;
};
BOOST_DESCRIBE_STRUCT(SubjectSummary, (), (subject_id, code, name, name_kh, max_score, coefficient))

struct SemesterSummary {
    std::int64_t semester_id = 0;
    std::int64_t school_year_id = 0;
    std::string name;
    std::int64_t order = 0;
    Date start_date;
    Date end_date;
};
BOOST_DESCRIBE_STRUCT(SemesterSummary, (), (semester_id, school_year_id, name, order, start_date, end_date))

struct Grade {
    std::int64_t grade_id = 0;
    std::int64_t student_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t course_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    double max_score = 0;
    Date grade_date;
    std::string month;  // "2026-11", from grade_date
    std::optional<std::string> comments;
    std::optional<std::string> recorded_by;  // the username, while the account exists
    std::string letter;                      // under the grading settings in force when read
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
    enrollments::StudentSummary student;
    SubjectSummary subject;
    enrollments::CourseSummary course;
    SemesterSummary semester;
};

// POST and PUT /grades. `max_score` absent: the subject's; `grade_date` absent: today.
struct GradeInput {
    std::int64_t student_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t course_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    std::optional<double> max_score;
    std::optional<Date> grade_date;
    std::optional<std::string> comments;
};

// POST /grades/bulk: one assessment for a class.
struct BulkScore {
    std::int64_t student_id = 0;
    double score = 0;
    std::optional<std::string> comments;
};

struct BulkGrades {
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    std::optional<Date> grade_date;
    std::optional<double> max_score;
    std::vector<BulkScore> scores;
};

struct GradeFilter {
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> subject_id;
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> grade_type;
    std::optional<std::string> month;        // "2026-11"
    std::optional<std::int64_t> teacher_id;  // only courses this teacher teaches
    std::string order_by;
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct GradePage {
    std::vector<Grade> grades;
    std::int64_t total = 0;
};

}  // namespace sala::grades
