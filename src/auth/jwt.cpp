// JWT encoding and the strict verification order: shape, header (alg pinned to HS256), signature
// (constant time), then claims.
#include "auth/jwt.hpp"

#include "auth/crypto.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace bj = boost::json;

namespace sala::auth {
namespace {

// Tokens issued a little in the future are accepted (clock skew between instances); no more.
constexpr std::int64_t kSkewSeconds = 60;

std::int64_t seconds(TimePoint t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Error invalid_token()
{
    return make_error(ErrorCode::unauthorized, "error.invalid_token");
}

}  // namespace

TokenSigner::TokenSigner(std::string key, std::string issuer, std::string audience)
    : key_(std::move(key)), issuer_(std::move(issuer)), audience_(std::move(audience))
{
    if (key_.size() < 32) {
        throw Failure("the token signing key must be at least 32 bytes");
    }
}

std::string TokenSigner::sign(const AccessClaims& claims) const
{
    static const std::string header = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
    bj::object payload{{"iss", issuer_},
                       {"aud", audience_},
                       {"sub", claims.subject},
                       {"role", claims.role},
                       {"sid", claims.session_id},
                       {"iat", seconds(claims.issued_at)},
                       {"exp", seconds(claims.expires_at)},
                       {"jti", claims.token_id}};
    std::string signing_input = header + "." + base64url_encode(bj::serialize(payload));
    return signing_input + "." + base64url_encode(hmac_sha256(key_, signing_input));
}

Result<AccessClaims> TokenSigner::verify(std::string_view token, TimePoint now) const
{
    auto first = token.find('.');
    auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos ||
        token.size() > 4096) {
        return invalid_token();
    }
    auto header_text = base64url_decode(token.substr(0, first));
    auto payload_text = base64url_decode(token.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(token.substr(second + 1));
    if (!header_text || !payload_text || !signature) {
        return invalid_token();
    }

    // The algorithm is pinned: only {"alg":"HS256"} (typ optional) is accepted — never "none",
    // never another algorithm, never extra instructions such as "crit" or "jku".
    boost::system::error_code ec;
    auto header = bj::parse(*header_text, ec);
    if (ec || !header.is_object()) {
        return invalid_token();
    }
    for (const auto& [k, v] : header.as_object()) {
        bool allowed = (k == "alg" && v.is_string() && v.as_string() == "HS256") ||
                       (k == "typ" && v.is_string() && v.as_string() == "JWT");
        if (!allowed) {
            return invalid_token();
        }
    }
    if (!header.as_object().contains("alg")) {
        return invalid_token();
    }

    auto expected = hmac_sha256(key_, token.substr(0, second));
    if (!constant_time_equal(expected, *signature)) {
        return invalid_token();
    }

    auto payload_value = bj::parse(*payload_text, ec);
    if (ec || !payload_value.is_object()) {
        return invalid_token();
    }
    const auto& payload = payload_value.as_object();
    auto text = [&](std::string_view name) -> std::optional<std::string> {
        const auto* v = payload.if_contains(name);
        if (v == nullptr || !v->is_string()) {
            return std::nullopt;
        }
        return std::string(v->as_string());
    };
    auto number = [&](std::string_view name) -> std::optional<std::int64_t> {
        const auto* v = payload.if_contains(name);
        if (v == nullptr || !v->is_int64()) {
            return std::nullopt;
        }
        return v->as_int64();
    };
    auto iss = text("iss");
    auto aud = text("aud");
    auto sub = text("sub");
    auto role = text("role");
    auto sid = text("sid");
    auto jti = text("jti");
    auto iat = number("iat");
    auto exp = number("exp");
    if (!iss || *iss != issuer_ || !aud || *aud != audience_ || !sub || !role || !sid || !jti || !iat || !exp) {
        return invalid_token();
    }
    auto now_s = seconds(now);
    if (*exp <= now_s || *iat > now_s + kSkewSeconds) {
        return make_error(ErrorCode::unauthorized, "error.token_expired");
    }
    return AccessClaims{*sub, *role, *sid, *jti, TimePoint(std::chrono::seconds(*iat)),
                        TimePoint(std::chrono::seconds(*exp))};
}

std::string load_signing_key(const std::string& configured, const std::string& data_dir)
{
    if (!configured.empty()) {
        if (configured.size() < 32) {
            throw Failure("SALA_JWT_SECRET must be at least 32 characters");
        }
        return configured;
    }
    auto path = std::filesystem::path(data_dir) / "jwt-secret";
    if (std::filesystem::exists(path)) {
        std::ifstream in(path);
        std::string key;
        std::getline(in, key);
        if (key.size() >= 32) {
            return key;
        }
        throw Failure("the signing key in " + path.string() + " is too short; delete it to generate a new one");
    }
    std::string key = random_token(48);
    {
        // Created with mode 0600 before the secret is written into it.
        auto old = ::umask(077);
        std::ofstream out(path, std::ios::trunc);
        ::umask(old);
        out << key << '\n';
        if (!out) {
            throw Failure("cannot write the signing key to " + path.string());
        }
    }
    ::chmod(path.c_str(), 0600);
    return key;
}

}  // namespace sala::auth
