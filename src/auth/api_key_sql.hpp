// Every SQL statement about API keys.
#pragma once

#include <string_view>

namespace sala::auth::sql {

inline constexpr std::string_view kInsertApiKey =
    "INSERT INTO api_keys (name, prefix, secret_hash, scopes, created_by, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING key_id";

inline constexpr std::string_view kSelectApiKeys =
    "SELECT key_id, name, prefix, scopes, created_by, created_at, last_used_at, expires_at, rotated_at, revoked_at, "
    "previous_valid_until FROM api_keys ORDER BY created_at DESC, key_id DESC";

inline constexpr std::string_view kSelectApiKeyById =
    "SELECT key_id, name, prefix, scopes, created_by, created_at, last_used_at, expires_at, rotated_at, revoked_at, "
    "previous_valid_until FROM api_keys WHERE key_id = $1";

// The current secret, or the previous one while its grace period lasts ($2: now), of a key whose
// creator is still an active account: a key stops with the person who made it.
inline constexpr std::string_view kSelectApiKeyBySecret =
    "SELECT k.key_id, k.name, k.prefix, k.scopes, k.created_by, k.created_at, k.last_used_at, k.expires_at, "
    "k.rotated_at, k.revoked_at, k.previous_valid_until, k.secret_hash = $1 AS current_secret "
    "FROM api_keys k JOIN users u ON u.user_id = k.created_by AND u.status = 'active' AND u.deleted_at IS NULL "
    "WHERE k.secret_hash = $1 OR (k.previous_secret_hash = $1 AND k.previous_valid_until > $2)";

inline constexpr std::string_view kRotateApiKey =
    "UPDATE api_keys SET previous_secret_hash = secret_hash, previous_valid_until = $2, secret_hash = $3, "
    "prefix = $4, rotated_at = $5 WHERE key_id = $1 AND revoked_at IS NULL";

inline constexpr std::string_view kRevokeApiKey =
    "UPDATE api_keys SET revoked_at = $2, previous_secret_hash = NULL, previous_valid_until = NULL "
    "WHERE key_id = $1 AND revoked_at IS NULL";

inline constexpr std::string_view kTouchApiKey = "UPDATE api_keys SET last_used_at = $2 WHERE key_id = $1";

}  // namespace sala::auth::sql
