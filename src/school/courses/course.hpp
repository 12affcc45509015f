// Courses: a class section of a school year ("7A"), its homeroom teacher and capacity, and which
// subjects it takes with who teaches each. The stored record (with the school year and teacher
// it points to, read in the same query) and the shapes the course feature reads and writes.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::courses {

// A class bigger than this is a typing mistake.
inline constexpr std::int64_t kMaxCapacity = 500;

struct YearSummary {
    std::int64_t school_year_id = 0;
    std::string name;
    Date start_date;
    Date end_date;
    bool is_current = false;
};

struct TeacherSummary {
    std::int64_t user_id = 0;
    std::string firstname;
    std::string lastname;
};

struct Course {
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::string name;
    std::optional<std::int64_t> homeroom_teacher_id;
    std::int64_t capacity = 0;
    std::optional<std::string> track;
    std::int64_t active_enrollments = 0;
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
    YearSummary school_year;
    std::optional<TeacherSummary> homeroom_teacher;
};

// Creating or replacing a course. `name` absent: derived from grade level and section ("7A").
struct CourseInput {
    std::int64_t school_year_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::optional<std::string> name;
    std::optional<std::int64_t> homeroom_teacher_id;
    std::int64_t capacity = 0;
    std::optional<std::string> track;
};

struct CourseFilter {
    std::optional<std::int64_t> school_year_id;
    std::optional<std::int64_t> grade_level;
    std::optional<std::int64_t> teacher_id;  // homeroom teacher or teacher of one of its subjects
    std::optional<std::string> q;            // matches name, section and track
    std::string order_by;                    // a whitelisted ORDER BY clause body
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct CoursePage {
    std::vector<Course> courses;
    std::int64_t total = 0;
};

// A subject a course takes, and its teacher there.
struct CourseSubject {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 1;
    std::vector<std::int64_t> grade_levels;
    std::optional<std::int64_t> teacher_id;
    std::optional<TeacherSummary> teacher;
};

// The subjects of a course, and the course's row_version (their ETag: replacing them bumps it).
struct CourseSubjects {
    std::int64_t row_version = 1;
    std::vector<CourseSubject> subjects;
};

struct SubjectAssignment {
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> teacher_id;
};

// A staff account as far as teaching goes.
struct StaffMember {
    std::int64_t user_id = 0;
    std::string role;
    std::string status;
};

}  // namespace sala::courses
