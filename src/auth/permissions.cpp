// The permission matrix. Teachers: students, courses, grades, attendance (and reading settings);
// user management, report generation and system administration are the admin's.
#include "auth/permissions.hpp"

namespace sala::auth {

const std::vector<PermissionInfo>& all_permissions()
{
    using namespace permission;
    static const std::vector<PermissionInfo> table{
        {users_read, "Read staff accounts", false},
        {users_write, "Create, change and remove staff accounts", false},
        {students_read, "Read students, guardians and families", true},
        {students_write, "Register and change students", true},
        {students_bulk, "Import and export student records as CSV", false},
        {school_manage,
         "Set up the school: years, semesters, subjects, class sections, who teaches what, year-end promotion",
         false},
        {courses_read, "Read school years, semesters, classes, subjects and enrollments", true},
        {courses_write, "Change the details and enrollments of the classes one teaches (admins: all)", true},
        {grades_read, "Read grades and gradebooks", true},
        {grades_write, "Record grades", true},
        {attendance_read, "Read attendance", true},
        {attendance_write, "Record attendance", true},
        {reports_generate, "Print report cards, registers, ID cards and exports", false},
        {settings_read, "Read school and grading settings", true},
        {settings_write, "Change school and grading settings", false},
        {activity_logs_read, "Read the activity log", false},
        {api_keys_manage, "Create, rotate and revoke API keys", false, false},
    };
    return table;
}

bool is_known_permission(std::string_view name)
{
    for (const auto& p : all_permissions()) {
        if (p.name == name) {
            return true;
        }
    }
    return false;
}

bool is_grantable_scope(std::string_view name)
{
    for (const auto& p : all_permissions()) {
        if (p.name == name) {
            return p.grantable;
        }
    }
    return false;
}

std::vector<std::string> role_permissions(std::string_view role)
{
    std::vector<std::string> out;
    for (const auto& p : all_permissions()) {
        if (role == "admin" || (role == "teacher" && p.teacher)) {
            out.emplace_back(p.name);
        }
    }
    return out;
}

}  // namespace sala::auth
