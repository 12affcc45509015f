// SQL access for enrollments: no rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "db/database.hpp"
#include "school/enrollments/enrollment.hpp"

#include <optional>
#include <set>

namespace sala::enrollments::repo {

[[nodiscard]] std::optional<Enrollment> find(db::Connection& c, std::int64_t enrollment_id);
[[nodiscard]] EnrollmentPage list(db::Connection& c, const EnrollmentFilter& filter);

struct Row {
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    Date enrollment_date;
    std::string status;
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
};
[[nodiscard]] std::int64_t insert(db::Connection& c, const Row& row, TimePoint now);
// False when If-Match's version (if any) does not match.
[[nodiscard]] bool update(db::Connection& c, std::int64_t enrollment_id, const Row& row,
                          std::optional<std::int64_t> required_version, TimePoint now);
[[nodiscard]] bool remove(db::Connection& c, std::int64_t enrollment_id, std::optional<std::int64_t> required_version);

// The student's other active enrollment in the year, if any.
[[nodiscard]] std::optional<std::int64_t> active_in_year(db::Connection& c, std::int64_t student_id,
                                                         std::int64_t school_year_id, std::int64_t except_enrollment_id);
// The students enrolled in the course on `date`: enrolled on or before it, and the enrollment
// active or completed, or dropped or transferred in a semester that ends on or after it. Grades
// and attendance may be recorded for them. One query.
[[nodiscard]] std::set<std::int64_t> enrolled_on(db::Connection& c, std::int64_t course_id, Date date);
// False when the course is full.
[[nodiscard]] bool take_seat(db::Connection& c, std::int64_t course_id);
void release_seat(db::Connection& c, std::int64_t course_id);
// The student's record shows their enrollments: its version moves with them.
void touch_student(db::Connection& c, std::int64_t student_id, TimePoint now);

}  // namespace sala::enrollments::repo
