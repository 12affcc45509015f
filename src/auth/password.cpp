// libsodium wrappers for password hashing and generation.
#include "auth/password.hpp"

#include "core/error.hpp"

#include <sodium.h>

namespace sala::auth {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;

void ensure_sodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready) {
        throw Failure("libsodium could not be initialised");
    }
}

}  // namespace

std::string hash_password(std::string_view password)
{
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Failure("password hashing ran out of memory");
    }
    return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password)
{
    ensure_sodium();
    if (!stored_hash.starts_with("$argon2id$")) {
        return false;
    }
    std::string hash(stored_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string generate_password(std::size_t length)
{
    ensure_sodium();
    static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
    }
    return out;
}

}  // namespace sala::auth

namespace sala::auth {

namespace {

std::size_t utf8_length(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s) {
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::string lowercase_ascii(std::string_view s)
{
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

}  // namespace

void check_password_policy(std::string_view password, std::string_view username, const std::string& field,
                           FieldErrors& errors)
{
    auto length = utf8_length(password);
    if (length < kMinPasswordLength) {
        errors.add(field, "TOO_SHORT", {{"min", std::to_string(kMinPasswordLength)}});
    } else if (length > kMaxPasswordLength) {
        errors.add(field, "TOO_LONG", {{"max", std::to_string(kMaxPasswordLength)}});
    }
    if (!username.empty() && lowercase_ascii(password).find(lowercase_ascii(username)) != std::string::npos) {
        errors.add(field, "CONTAINS_USERNAME");
    }
}

}  // namespace sala::auth
