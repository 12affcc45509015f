// The rules the attendance service applies in more than one place: whose courses a caller may
// read and write, the errors they give, and when a date may carry a mark.
#pragma once

#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/courses/course.hpp"

#include <optional>
#include <string>

namespace sala::attendance {

// The teacher whose courses bound what `p` may read and write; nullopt: every course. Admins see
// every course; an API key acts within its creator's courses (every course when the creator is
// an active admin); everyone else within the courses they teach.
[[nodiscard]] std::optional<std::int64_t> course_limit(db::Connection& c, const Principal& p);
[[nodiscard]] bool may_use_course(db::Connection& c, const Principal& p, std::int64_t course_id);
// The course for `p` to read or write the register of: not found without one, forbidden when
// `p` may not use it.
[[nodiscard]] Result<courses::Course> course_for(db::Connection& c, const Principal& p, std::int64_t course_id);

Error forbidden_course();
Error attendance_exists();
Error session_conflict(const std::string& existing_session);

// A mark's date: not after today and within the course's school year. Adds to `errors` under
// `field`; true when the date is acceptable.
bool check_date(FieldErrors& errors, const std::string& field, Date date, Date today, const courses::Course& course);

// "The student was not in this course on that date."
FieldError not_enrolled(const std::string& field, const courses::Course& course, Date date);

}  // namespace sala::attendance
