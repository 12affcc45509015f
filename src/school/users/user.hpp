// Staff accounts as stored and as shown. (The account features — sign-in, management API — build
// on these types.)
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sala::users {

struct User {
    std::int64_t user_id = 0;
    std::string username;
    std::string password_hash;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
    std::optional<std::string> avatar;
    std::optional<std::string> photo;
    std::string status;
    std::int64_t failed_login_attempts = 0;
    std::optional<TimePoint> account_locked_until;
    std::optional<TimePoint> last_login;
    TimePoint created_at;
    TimePoint updated_at;
};

// What creating an account needs (the password already checked against the policy).
struct NewUser {
    std::string username;
    std::string password;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
};

inline constexpr std::string_view kRoleAdmin = "admin";
inline constexpr std::string_view kRoleTeacher = "teacher";

}  // namespace sala::users
