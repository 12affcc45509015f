// The three stages every routed request passes before its handler: who is calling (access token,
// cookie or API key), whether they are over their rate limit, and whether they may call this
// route (its declared permission, and the CSRF rule for cookie-authenticated writes).
#pragma once

#include "auth/api_key.hpp"
#include "auth/auth_service.hpp"
#include "auth/rate_limit.hpp"
#include "http/pipeline.hpp"

#include <string>
#include <vector>

namespace sala::auth {

inline constexpr std::string_view kAccessCookie = "sala_access";
inline constexpr std::string_view kRefreshCookie = "sala_refresh";

class Authenticate final : public http::Middleware {
public:
    Authenticate(AuthService& auth, ApiKeyService& keys) : auth_(auth), keys_(keys) {}
    boost::asio::awaitable<std::optional<http::Response>> before(http::RequestContext& ctx) override;

private:
    AuthService& auth_;
    ApiKeyService& keys_;
};

// Failed sign-ins per client address. Only failures count, so many people behind one address can
// sign in at once. The budget is checked when a request arrives and again just before its
// password is hashed: attempts queued in a burst stop as soon as the failures ahead of them have
// used the budget up, instead of all being tried.
class SignInLimiter {
public:
    SignInLimiter(RateLimiter& limiter, const RateLimits& limits) : limiter_(limiter), limits_(limits) {}
    [[nodiscard]] RateDecision check(std::string_view client_ip);
    [[nodiscard]] RateDecision failed(std::string_view client_ip);

private:
    RateLimiter& limiter_;
    const RateLimits& limits_;
};

class Throttle final : public http::Middleware {
public:
    Throttle(RateLimiter& limiter, SignInLimiter& sign_in, const RateLimits& limits)
        : limiter_(limiter), sign_in_(sign_in), limits_(limits)
    {
    }
    boost::asio::awaitable<std::optional<http::Response>> before(http::RequestContext& ctx) override;

private:
    RateLimiter& limiter_;
    SignInLimiter& sign_in_;
    const RateLimits& limits_;
};

class Authorize final : public http::Middleware {
public:
    explicit Authorize(std::vector<std::string> cors_origins) : cors_origins_(std::move(cors_origins)) {}
    boost::asio::awaitable<std::optional<http::Response>> before(http::RequestContext& ctx) override;

private:
    std::vector<std::string> cors_origins_;
};

// The X-RateLimit-* headers for a decision (nothing when the policy is unlimited).
void add_rate_headers(http::RequestContext& ctx, const RateDecision& decision);

// The CSRF rule for a request authenticated by a cookie: an unsafe method must carry
// X-Requested-With or an Origin that is this server or an allowed CORS origin.
[[nodiscard]] bool passes_csrf_check(const http::Request& request, const std::vector<std::string>& cors_origins);

}  // namespace sala::auth
