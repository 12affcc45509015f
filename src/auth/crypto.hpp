// The small set of cryptographic primitives accounts need, all from libsodium: random tokens,
// SHA-256 for storing tokens and keys, HMAC-SHA256 for JWTs, base64url and base64, constant-time
// equality.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sala::auth {

// `bytes` random bytes, base64url without padding (32 bytes → 43 characters).
std::string random_token(std::size_t bytes = 32);

std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes

std::string base64url_encode(std::string_view data);
std::optional<std::string> base64url_decode(std::string_view text);
// Standard base64 with padding (RFC 4648 §4), for binary in JSON (a PDF's `buffer`).
std::string base64_encode(std::string_view data);

bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace sala::auth
