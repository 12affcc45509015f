// Password storage: argon2id through libsodium at the OWASP minimum (19 MiB, t=2, p=1), and strong
// generated passwords for accounts created from the command line.
#pragma once

#include <string>
#include <string_view>

namespace sala::auth {

// Blocking (~15 ms, 19 MiB): call on the worker pool.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

// A random password of `length` characters from an unambiguous alphabet (≈ 5.8 bits each).
std::string generate_password(std::size_t length = 20);

}  // namespace sala::auth

namespace sala {
class FieldErrors;
}

namespace sala::auth {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 128;

// The password rules (length in characters, not the username); adds a field error per broken rule.
void check_password_policy(std::string_view password, std::string_view username, const std::string& field,
                           FieldErrors& errors);

}  // namespace sala::auth
