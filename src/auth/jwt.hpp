// Access tokens: JWTs signed with HS256 (RFC 7519), with the algorithm pinned and issuer,
// audience and expiry checked on every use (RFC 8725 §3.1). A token proves who signed in and in
// which session; whether that session is still alive is the session store's question.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <string>

namespace sala::auth {

struct AccessClaims {
    std::string subject;     // sub: the user id
    std::string role;
    std::string session_id;  // sid
    std::string token_id;    // jti
    TimePoint issued_at;     // iat
    TimePoint expires_at;    // exp
};

class TokenSigner {
public:
    // `key` must be at least 32 bytes.
    TokenSigner(std::string key, std::string issuer, std::string audience);

    [[nodiscard]] std::string sign(const AccessClaims& claims) const;
    // 401 UNAUTHORIZED for anything but a well-formed, correctly signed, current token for us.
    [[nodiscard]] Result<AccessClaims> verify(std::string_view token, TimePoint now) const;

    [[nodiscard]] const std::string& issuer() const { return issuer_; }
    [[nodiscard]] const std::string& audience() const { return audience_; }

private:
    std::string key_;
    std::string issuer_;
    std::string audience_;
};

// The signing key: SALA_JWT_SECRET when set (at least 32 characters), otherwise a random key
// generated once into <data-dir>/jwt-secret with mode 0600.
std::string load_signing_key(const std::string& configured, const std::string& data_dir);

}  // namespace sala::auth
