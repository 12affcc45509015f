// Every SQL statement about sessions and refresh tokens.
#pragma once

#include <string_view>

namespace sala::auth::sql {

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (session_id, user_id, remember_me, created_at, last_activity, expires_at, "
    "absolute_expires_at, ip_address, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8)";

inline constexpr std::string_view kSelectSessionState =
    "SELECT s.session_id, s.user_id, s.remember_me, s.created_at, s.last_activity, s.expires_at, "
    "s.absolute_expires_at, s.revoked_at, u.username, u.role, u.status, u.deleted_at "
    "FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE s.session_id = $1";

inline constexpr std::string_view kTouchSession =
    "UPDATE sessions SET last_activity = $2, expires_at = $3 WHERE session_id = $1 AND revoked_at IS NULL";

inline constexpr std::string_view kRevokeSession =
    "UPDATE sessions SET revoked_at = $2, revoke_reason = $3 WHERE session_id = $1 AND revoked_at IS NULL";

inline constexpr std::string_view kRevokeUserSessions =
    "UPDATE sessions SET revoked_at = $2, revoke_reason = $3 "
    "WHERE user_id = $1 AND revoked_at IS NULL AND session_id <> $4";

inline constexpr std::string_view kInsertRefreshToken =
    "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";

inline constexpr std::string_view kSelectRefreshToken =
    "SELECT token_hash, session_id, created_at, expires_at, rotated_at FROM refresh_tokens WHERE token_hash = $1";

// Marks a token used; the rotated_at IS NULL guard makes two concurrent refreshes with the same
// token see exactly one success.
inline constexpr std::string_view kRotateRefreshToken =
    "UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1 AND rotated_at IS NULL";

}  // namespace sala::auth::sql
