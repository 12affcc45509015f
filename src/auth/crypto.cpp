// See crypto.hpp.
#include "auth/crypto.hpp"

#include "core/error.hpp"

#include <sodium.h>

#include <vector>

namespace sala::auth {
namespace {

void ensure_sodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready) {
        throw Failure("libsodium could not be initialised");
    }
}

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

}  // namespace

std::string random_token(std::size_t bytes)
{
    ensure_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return base64url_encode(raw);
}

std::string sha256_hex(std::string_view data)
{
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string hmac_sha256(std::string_view key, std::string_view data)
{
    ensure_sodium();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    std::string out(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

namespace {

std::string encode_base64(std::string_view data, int variant)
{
    ensure_sodium();
    std::string out(sodium_base64_encoded_len(data.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

}  // namespace

std::string base64url_encode(std::string_view data)
{
    return encode_base64(data, kVariant);
}

std::string base64_encode(std::string_view data)
{
    return encode_base64(data, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> base64url_decode(std::string_view text)
{
    ensure_sodium();
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          nullptr, &length, &end, kVariant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(length);
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b)
{
    ensure_sodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sala::auth
