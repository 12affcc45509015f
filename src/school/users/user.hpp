// Staff accounts: the stored record and the shapes the account features read and write.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::users {

inline constexpr std::string_view kRoleAdmin = "admin";
inline constexpr std::string_view kRoleTeacher = "teacher";
inline constexpr std::string_view kStatusActive = "active";
inline constexpr std::string_view kStatusInactive = "inactive";

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
    std::optional<TimePoint> last_failed_login;
    std::int64_t row_version = 1;  // the ETag
    TimePoint created_at;
    TimePoint updated_at;

    [[nodiscard]] bool locked(TimePoint now) const { return account_locked_until && *account_locked_until > now; }
};

// Creating an account (POST /users, `sala user add`, the demo).
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

// Replacing an account's details (PUT /users/{id}); a password here resets it.
struct UserUpdate {
    std::string username;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
    std::optional<std::string> password;
};

// The fields a user may change about themselves (PATCH /users/me), already merged.
struct Profile {
    std::string firstname;
    std::string lastname;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
    std::optional<std::string> avatar;
};

struct UserFilter {
    std::optional<std::string> role;
    std::optional<std::string> status;
    std::optional<std::string> q;  // matches username, first or last name
    std::string order_by;          // a whitelisted ORDER BY clause body
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct UserPage {
    std::vector<User> users;
    std::int64_t total = 0;
};

}  // namespace sala::users
