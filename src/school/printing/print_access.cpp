// See print_access.hpp.
#include "school/printing/print_access.hpp"

#include "auth/permissions.hpp"
#include "school/courses/course_access.hpp"
#include "school/settings/school_settings.hpp"

#include <algorithm>
#include <set>

namespace sala::printing {
namespace {

Error not_allowed()
{
    return make_error(ErrorCode::forbidden, "error.printing_not_allowed");
}

// A teacher signed in (not an API key) at a school that lets teachers print.
bool teacher_may_print(db::Connection& c, const Principal& who)
{
    return who.role == "teacher" && !who.api_key_id && settings::load_school(c).settings.teachers_may_print;
}

}  // namespace

Result<void> may_print(db::Connection& c, const Principal& who, std::span<const std::int64_t> course_ids)
{
    if (who.can(auth::permission::reports_generate)) {
        return {};
    }
    if (course_ids.empty() || !teacher_may_print(c, who)) {
        return not_allowed();
    }
    bool teaches_all = std::all_of(course_ids.begin(), course_ids.end(),
                                   [&](std::int64_t id) { return courses::teaches_course(c, who.user_id, id); });
    if (!teaches_all) {
        return not_allowed();
    }
    return {};
}

Result<void> may_print_students(db::Connection& c, const Principal& who, std::span<const std::int64_t> student_ids)
{
    if (who.can(auth::permission::reports_generate)) {
        return {};
    }
    if (student_ids.empty() || !teacher_may_print(c, who)) {
        return not_allowed();
    }
    if (courses::students_taught(c, who.user_id, student_ids).size() !=
        std::set<std::int64_t>(student_ids.begin(), student_ids.end()).size()) {
        return not_allowed();
    }
    return {};
}

}  // namespace sala::printing
