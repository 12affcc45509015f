// Every SQL statement about users, in one greppable place.
#pragma once

#include "db/portable_sql.hpp"

#include <string_view>

namespace sala::users::sql {

inline constexpr std::string_view kSelectByUsername =
    "SELECT user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar, "
    "photo, status, failed_login_attempts, account_locked_until, last_login, last_failed_login, row_version, created_at, updated_at "
    "FROM users WHERE lower(username) = lower($1) AND deleted_at IS NULL";

inline constexpr std::string_view kSelectById =
    "SELECT user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar, "
    "photo, status, failed_login_attempts, account_locked_until, last_login, last_failed_login, row_version, created_at, updated_at "
    "FROM users WHERE user_id = $1 AND deleted_at IS NULL";

// The same, locking the row until the transaction ends (a change checked against If-Match).
inline const db::PortableSql kLockById{
    "SELECT user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar, "
    "photo, status, failed_login_attempts, account_locked_until, last_login, last_failed_login, row_version, "
    "created_at, updated_at FROM users WHERE user_id = $1 AND deleted_at IS NULL{{for_update}}"};

// $1 role, $2 status, $3 search pattern (lower-case, with % around); NULL when unused.
inline constexpr std::string_view kListWhere =
    " FROM users WHERE deleted_at IS NULL"
    " AND (CAST($1 AS TEXT) IS NULL OR role = CAST($1 AS TEXT))"
    " AND (CAST($2 AS TEXT) IS NULL OR status = CAST($2 AS TEXT))"
    " AND (CAST($3 AS TEXT) IS NULL OR lower(username) LIKE CAST($3 AS TEXT) OR lower(firstname) LIKE CAST($3 AS TEXT)"
    " OR lower(lastname) LIKE CAST($3 AS TEXT) OR lower(firstname || ' ' || lastname) LIKE CAST($3 AS TEXT))";

// A list query is kListSelect + kListWhere + " ORDER BY <whitelisted columns> LIMIT $4 OFFSET $5".
inline constexpr std::string_view kListSelect =
    "SELECT user_id, username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar, "
    "photo, status, failed_login_attempts, account_locked_until, last_login, last_failed_login, row_version, created_at, updated_at";
inline constexpr std::string_view kCountSelect = "SELECT count(*)";

inline constexpr std::string_view kSelectPickerUsers =
    "SELECT user_id, username, firstname, lastname, avatar FROM users "
    "WHERE status = 'active' AND deleted_at IS NULL ORDER BY firstname, lastname, username";

inline constexpr std::string_view kInsert =
    "INSERT INTO users (username, password_hash, firstname, lastname, role, position, phonenumber1, phonenumber2, "
    "status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9) RETURNING user_id";

inline constexpr std::string_view kUpdate =
    "UPDATE users SET username = $2, firstname = $3, lastname = $4, role = $5, position = $6, phonenumber1 = $7, "
    "phonenumber2 = $8, row_version = row_version + 1, updated_at = $9 WHERE user_id = $1 AND deleted_at IS NULL";

// An avatar address other than the stored one replaces an uploaded avatar: the file is no longer
// the account's (and goes with the unused uploads).
inline constexpr std::string_view kUpdateProfile =
    "UPDATE users SET firstname = $2, lastname = $3, phonenumber1 = $4, phonenumber2 = $5, "
    "avatar_file_id = CASE WHEN avatar IS NOT DISTINCT FROM $6 THEN avatar_file_id ELSE NULL END, avatar = $6, "
    "row_version = row_version + 1, updated_at = $7 WHERE user_id = $1 AND deleted_at IS NULL";

// An uploaded avatar: the file, and the address the API shows for it.
inline constexpr std::string_view kSetAvatar =
    "UPDATE users SET avatar_file_id = $2, avatar = $3, row_version = row_version + 1, updated_at = $4 WHERE user_id = $1 AND deleted_at IS NULL";
inline constexpr std::string_view kAvatarFile =
    "SELECT avatar_file_id FROM users WHERE user_id = $1 AND deleted_at IS NULL";

inline constexpr std::string_view kUpdatePasswordHash =
    "UPDATE users SET password_hash = $2, row_version = row_version + 1, updated_at = $3 WHERE user_id = $1";

inline constexpr std::string_view kUpdateStatus =
    "UPDATE users SET status = $2, row_version = row_version + 1, updated_at = $3 WHERE user_id = $1 AND deleted_at IS NULL";

inline constexpr std::string_view kSoftDelete =
    "UPDATE users SET deleted_at = $2, status = 'inactive', row_version = row_version + 1, updated_at = $2 "
    "WHERE user_id = $1 AND deleted_at IS NULL";

inline constexpr std::string_view kCountOtherActiveAdmins =
    "SELECT count(*) FROM users WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL AND user_id <> $1";

// One more failure; a lock that has run out starts the count again. Returns the new state.
inline constexpr std::string_view kRecordFailedSignIn =
    "UPDATE users SET "
    "failed_login_attempts = CASE WHEN account_locked_until IS NOT NULL AND account_locked_until <= $2 "
    "THEN 1 ELSE failed_login_attempts + 1 END, "
    "account_locked_until = CASE WHEN account_locked_until IS NOT NULL AND account_locked_until <= $2 "
    "THEN NULL ELSE account_locked_until END, "
    "last_failed_login = $2, row_version = row_version + 1 WHERE user_id = $1 RETURNING failed_login_attempts";

inline constexpr std::string_view kLock =
    "UPDATE users SET account_locked_until = $2, row_version = row_version + 1 WHERE user_id = $1";

inline constexpr std::string_view kRecordSignIn =
    "UPDATE users SET failed_login_attempts = 0, account_locked_until = NULL, last_login = $2, "
    "row_version = row_version + 1 WHERE user_id = $1";

inline constexpr std::string_view kResetLoginAttempts =
    "UPDATE users SET failed_login_attempts = 0, row_version = row_version + 1, updated_at = $2 "
    "WHERE user_id = $1 AND deleted_at IS NULL";

inline constexpr std::string_view kClearLockout =
    "UPDATE users SET failed_login_attempts = 0, account_locked_until = NULL, row_version = row_version + 1, "
    "updated_at = $2 WHERE user_id = $1 AND deleted_at IS NULL";

}  // namespace sala::users::sql
