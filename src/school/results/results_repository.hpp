// SQL access for results: a course's roster and grades, a year's grades for every course, and
// attendance counted per day, each in one query whatever the class or school size. No rules,
// no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"
#include "school/grading/period_results.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::results::repo {

struct RosterEntry {
    std::int64_t course_id = 0;
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
};

// Students with an active or completed enrollment in the course, by name.
[[nodiscard]] std::vector<RosterEntry> roster(db::Connection& c, std::int64_t course_id);
// The same for every course of a school year (or one course of it), by course and name.
[[nodiscard]] std::vector<RosterEntry> year_roster(db::Connection& c, std::int64_t school_year_id,
                                                   std::optional<std::int64_t> course_id);

// The subjects each course of a year takes, with their coefficients.
struct CourseSubjectWeight {
    std::int64_t course_id = 0;
    grading::SubjectWeight subject;
};
[[nodiscard]] std::vector<CourseSubjectWeight> year_subjects(db::Connection& c, std::int64_t school_year_id);

// A grade with its course, for school-wide figures.
struct CourseGrade {
    std::int64_t course_id = 0;
    grading::GradeFact fact;
};
[[nodiscard]] std::vector<grading::GradeFact> course_grades(db::Connection& c, std::int64_t course_id);
[[nodiscard]] std::vector<CourseGrade> year_grades(db::Connection& c, std::int64_t school_year_id,
                                                   std::optional<std::int64_t> course_id);

// Attendance marks counted per course, student (0 when counted for the whole course), day,
// session and status.
struct AttendanceCount {
    std::int64_t course_id = 0;
    std::int64_t student_id = 0;
    Date date;
    std::string session;
    std::string status;
    std::int64_t count = 0;
};
// A course's marks per student (or one student's).
[[nodiscard]] std::vector<AttendanceCount> course_attendance(db::Connection& c, std::int64_t course_id,
                                                             std::optional<std::int64_t> student_id);
// Every course of the year (or one), counted per course rather than per student.
[[nodiscard]] std::vector<AttendanceCount> year_attendance(db::Connection& c, std::int64_t school_year_id,
                                                           std::optional<std::int64_t> course_id);

}  // namespace sala::results::repo
