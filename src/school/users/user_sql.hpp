// Every SQL statement about users, in one greppable place.
#pragma once

#include <string_view>

namespace sala::users::sql {

inline constexpr std::string_view kColumns =
    "user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar, "
    "photo, status, failed_login_attempts, account_locked_until, last_login, created_at, updated_at";

inline constexpr std::string_view kSelectByUsername =
    "SELECT user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, "
    "avatar, photo, status, failed_login_attempts, account_locked_until, last_login, created_at, updated_at "
    "FROM users WHERE lower(username) = lower($1) AND deleted_at IS NULL";

inline constexpr std::string_view kInsert =
    "INSERT INTO users (username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, "
    "status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9) RETURNING user_id";

inline constexpr std::string_view kUpdatePasswordHash =
    "UPDATE users SET password_hash = $2, updated_at = $3 WHERE user_id = $1";

}  // namespace sala::users::sql
