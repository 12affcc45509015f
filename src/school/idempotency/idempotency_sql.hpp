// Every SQL statement about stored idempotent responses.
#pragma once

#include <string_view>

namespace sala::idempotency::sql {

// Claims a key for a request (status 0: running). Nothing happens when the key is taken.
inline constexpr std::string_view kClaim =
    "INSERT INTO idempotency_keys (owner, idempotency_key, fingerprint, status, response, created_at) "
    "VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (owner, idempotency_key) DO NOTHING";

inline constexpr std::string_view kSelect =
    "SELECT fingerprint, status, response, created_at FROM idempotency_keys "
    "WHERE owner = $1 AND idempotency_key = $2";

// Takes over a key whose earlier claim has expired (or whose request died while running).
inline constexpr std::string_view kReclaim =
    "UPDATE idempotency_keys SET fingerprint = $3, status = 0, response = '', created_at = $4 "
    "WHERE owner = $1 AND idempotency_key = $2 AND created_at = $5";

inline constexpr std::string_view kComplete =
    "UPDATE idempotency_keys SET status = $3, response = $4 WHERE owner = $1 AND idempotency_key = $2";

inline constexpr std::string_view kRelease = "DELETE FROM idempotency_keys WHERE owner = $1 AND idempotency_key = $2";

inline constexpr std::string_view kPurge = "DELETE FROM idempotency_keys WHERE created_at < $1";

}  // namespace sala::idempotency::sql
