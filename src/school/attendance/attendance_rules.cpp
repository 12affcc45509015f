// See attendance_rules.hpp.
#include "school/attendance/attendance_rules.hpp"

#include "school/attendance/attendance_repository.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"

#include <algorithm>

namespace sala::attendance {

bool is_session(std::string_view text)
{
    return std::find(std::begin(kSessions), std::end(kSessions), text) != std::end(kSessions);
}

std::optional<std::int64_t> course_limit(db::Connection& c, const Principal& p)
{
    if (p.role == "admin" && !p.api_key_id) {
        return std::nullopt;
    }
    if (p.api_key_id && repo::active_role(c, p.user_id) == std::optional<std::string>("admin")) {
        return std::nullopt;
    }
    return p.user_id;
}

bool may_use_course(db::Connection& c, const Principal& p, std::int64_t course_id)
{
    auto teacher = course_limit(c, p);
    return !teacher || courses::teaches_course(c, *teacher, course_id);
}

Result<courses::Course> course_for(db::Connection& c, const Principal& p, std::int64_t course_id)
{
    auto course = courses::repo::find_by_id(c, course_id);
    if (!course) {
        return make_error(ErrorCode::not_found);
    }
    if (!may_use_course(c, p, course_id)) {
        return forbidden_course();
    }
    return std::move(*course);
}

Error forbidden_course()
{
    return make_error(ErrorCode::forbidden, "error.not_your_course");
}

Error attendance_exists()
{
    return make_error(ErrorCode::conflict, "error.attendance_exists");
}

Error session_conflict(const std::string& existing_session)
{
    return make_error(ErrorCode::conflict, "error.attendance_session_conflict", {{"session", existing_session}});
}

bool check_date(FieldErrors& errors, const std::string& field, Date date, Date today, const courses::Course& course)
{
    if (date > today) {
        errors.add(field, "IN_FUTURE", {{"today", format_date(today)}});
        return false;
    }
    const auto& year = course.school_year;
    if (date < year.start_date || date > year.end_date) {
        errors.add(field, "OUT_OF_RANGE", {{"min", format_date(year.start_date)}, {"max", format_date(year.end_date)}});
        return false;
    }
    return true;
}

FieldError not_enrolled(const std::string& field, const courses::Course& course, Date date)
{
    return FieldError{
        field, "NOT_ENROLLED", "field.not_enrolled_in_course", {{"course", course.name}, {"date", format_date(date)}}};
}

}  // namespace sala::attendance
