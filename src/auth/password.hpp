// Password storage and rules: argon2id through libsodium at the OWASP minimum (19 MiB, t=2, p=1);
// bcrypt hashes imported from the original system are verified (libxcrypt) so they can be
// replaced by argon2id at the next sign-in; passwords are 12–128 characters, do not contain the
// username and are not a common password or a dictionary word dressed up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sala {
class FieldErrors;
}

namespace sala::auth {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 128;

// Blocking (~15 ms, 19 MiB each): call on the hashing pool.
std::string hash_password(std::string_view password);
// argon2id or bcrypt ($2a$/$2b$/$2y$); false for anything else.
bool verify_password(std::string_view stored_hash, std::string_view password);
// Costs as much as a real verification; for unknown usernames, so they take as long as known ones.
void verify_against_dummy(std::string_view password);
// True when the stored hash is not argon2id at our parameters (an imported bcrypt hash).
bool needs_rehash(std::string_view stored_hash);
// How many verifications ran (real and dummy), for metrics.
std::uint64_t verification_count();

// A random password of `length` characters from an unambiguous alphabet (≈ 5.8 bits each).
std::string generate_password(std::size_t length = 20);

// The password rules; adds one field error per broken rule.
void check_password_policy(std::string_view password, std::string_view username, const std::string& field,
                           FieldErrors& errors);

// Where the common-password and dictionary lists come from (one word per line). Set once at
// start-up; the defaults are Debian's john-data and cracklib-runtime lists.
void set_password_dictionaries(std::vector<std::string> files);

}  // namespace sala::auth
