// SQL for year-end promotion: the year's active students with their courses, the year's courses,
// and closing what the old year leaves behind.
#pragma once

#include "db/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sala::promotion::repo {

struct ActiveStudent {
    std::int64_t enrollment_id = 0;
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::int64_t course_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::string course_name;
};

struct YearCourse {
    std::int64_t course_id = 0;
    std::int64_t grade_level = 0;
    std::string section;
    std::string name;
    std::int64_t capacity = 0;
    std::optional<std::string> track;
    std::optional<std::int64_t> homeroom_teacher_id;
};

// Active students with an active enrollment in the year, by grade, section and name.
[[nodiscard]] std::vector<ActiveStudent> active_students(db::Connection& c, std::int64_t school_year_id);
// Was the student enrolled in the year at all (a repeater named again by a second run)?
[[nodiscard]] bool enrolled_in(db::Connection& c, std::int64_t student_id, std::int64_t school_year_id);
[[nodiscard]] std::vector<YearCourse> courses_of(db::Connection& c, std::int64_t school_year_id);
// The enrollment is over (its place in the course is given back by the caller).
void complete_enrollment(db::Connection& c, std::int64_t enrollment_id, TimePoint now);
void graduate(db::Connection& c, std::int64_t student_id, Date graduation_date, TimePoint now);

}  // namespace sala::promotion::repo
