// The one table of permissions and which role holds which (the seed's permission matrix). Routes
// name the permission they need; API-key scopes are names from this table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sala::auth {

// Not a permission: marks routes any signed-in user may call about themselves (/users/me,
// /auth/heartbeat …). API keys never pass it: a key has scopes, not a self.
inline constexpr std::string_view kSignedIn = "signed-in";

namespace permission {
inline constexpr std::string_view users_read = "users:read";
inline constexpr std::string_view users_write = "users:write";
inline constexpr std::string_view students_read = "students:read";
inline constexpr std::string_view students_write = "students:write";
inline constexpr std::string_view students_bulk = "students:bulk";
inline constexpr std::string_view school_manage = "school:manage";
inline constexpr std::string_view courses_read = "courses:read";
inline constexpr std::string_view courses_write = "courses:write";
inline constexpr std::string_view grades_read = "grades:read";
inline constexpr std::string_view grades_write = "grades:write";
inline constexpr std::string_view attendance_read = "attendance:read";
inline constexpr std::string_view attendance_write = "attendance:write";
inline constexpr std::string_view reports_generate = "reports:generate";
inline constexpr std::string_view settings_read = "settings:read";
inline constexpr std::string_view settings_write = "settings:write";
inline constexpr std::string_view activity_logs_read = "activity-logs:read";
inline constexpr std::string_view api_keys_manage = "api-keys:manage";
}  // namespace permission

struct PermissionInfo {
    std::string_view name;
    std::string_view description;
    bool teacher = false;    // the admin role holds every permission
    bool grantable = true;   // may be an API key's scope (managing keys is for people only)
};

const std::vector<PermissionInfo>& all_permissions();
bool is_known_permission(std::string_view name);
bool is_grantable_scope(std::string_view name);
std::vector<std::string> role_permissions(std::string_view role);

}  // namespace sala::auth
