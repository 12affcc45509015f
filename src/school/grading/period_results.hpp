// A course's results for one period (a month, a semester or the school year) from its grades,
// through the rules of calculations.hpp: every student's subject results, average and rank, and
// the class statistics. Plain data in, plain data out, no SQL: the gradebook, the report card and
// the learning-quality figures all call this one function.
#pragma once

#include "core/time.hpp"
#include "school/grading/calculations.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::grading {

// One grade, reduced to what results need.
struct GradeFact {
    std::int64_t student_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    int month = 0;     // 202611 for November 2026
    int category = 0;  // index into kGradeTypes
    double score = 0;
    double max_score = 0;
};

struct RosterStudent {
    std::int64_t student_id = 0;
    std::string gender;  // "M" or "F"
};

struct SubjectWeight {
    std::int64_t subject_id = 0;
    double coefficient = 1;
};

struct SemesterOrder {
    std::int64_t semester_id = 0;
    std::int64_t order = 0;
};

struct CourseFacts {
    std::vector<RosterStudent> students;
    std::vector<SubjectWeight> subjects;
    std::vector<SemesterOrder> semesters;  // of the course's school year
    std::vector<GradeFact> grades;         // grades of other students or subjects are ignored
};

struct Period {
    enum class Kind { month, semester, year };
    Kind kind = Kind::year;
    int month = 0;                 // for Kind::month: 202611
    std::int64_t semester_id = 0;  // for Kind::semester
};

struct StudentResult {
    std::vector<std::optional<double>> subjects;  // in the order of CourseFacts::subjects
    std::optional<double> average;
    std::int64_t rank = 0;  // 0: no average, unranked
};

struct PeriodResult {
    std::vector<StudentResult> students;  // in the order of CourseFacts::students
    std::int64_t ranked = 0;              // students with an average
    ClassStats statistics;
};

// Month and semester: subject results from the period's grades, averages with the subjects'
// coefficients. Year: each subject's and the average's semester values weighted by the semester
// weights. Ranks are competition ranks of the averages within the course.
PeriodResult compute_period(const GradingSettings& settings, const CourseFacts& facts, const Period& period);

// "2026-11" → 202611; 0 for anything else.
int month_number(std::string_view key);
// The month of a day, numbered the same way.
int month_number(Date day);

}  // namespace sala::grading
