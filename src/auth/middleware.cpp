// See middleware.hpp.
#include "auth/middleware.hpp"

#include "auth/permissions.hpp"
#include "http/cookies.hpp"

namespace asio = boost::asio;

namespace sala::auth {
namespace {

using http::RequestContext;
using http::Response;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

bool is_unsafe(http::Method m)
{
    return m == http::Method::post || m == http::Method::put || m == http::Method::patch || m == http::Method::delete_;
}

}  // namespace

void add_rate_headers(RequestContext& ctx, const RateDecision& d)
{
    if (d.limit <= 0) {
        return;
    }
    ctx.extra_headers.set("X-RateLimit-Limit", std::to_string(d.limit));
    ctx.extra_headers.set("X-RateLimit-Remaining", std::to_string(d.remaining));
    ctx.extra_headers.set(
        "X-RateLimit-Reset",
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d.reset.time_since_epoch()).count()));
}

namespace {

Response too_many(const RateDecision& d)
{
    Error e = make_error(ErrorCode::rate_limited);
    e.retry_after = d.retry_after;
    return Response::from_error(std::move(e));
}

}  // namespace

asio::awaitable<std::optional<Response>> Authenticate::before(RequestContext& ctx)
{
    const auto& request = ctx.request();
    std::string credential;
    auto authorization = request.headers.get("Authorization");
    if (authorization && authorization->size() > 7 && http::iequals(authorization->substr(0, 7), "Bearer ")) {
        credential = std::string(trim(authorization->substr(7)));
        ctx.credential = credential.starts_with(kApiKeyPrefix) ? RequestContext::Credential::api_key
                                                               : RequestContext::Credential::bearer;
    } else if (auto key = request.headers.get("X-API-Key")) {
        credential = std::string(trim(*key));
        ctx.credential = RequestContext::Credential::api_key;
    } else if (auto cookie = http::cookie(request, kAccessCookie)) {
        credential = *cookie;
        ctx.credential = RequestContext::Credential::cookie;
    }
    if (credential.empty()) {
        ctx.credential = RequestContext::Credential::none;
        co_return std::nullopt;
    }

    if (ctx.credential == RequestContext::Credential::api_key) {
        auto found = keys_.cached(credential);
        if (!found) {
            found = co_await ctx.offload([&] { return keys_.load(credential); });
        }
        if (!*found) {
            ctx.credential_error = found->error();
            co_return std::nullopt;
        }
        ctx.principal = found->value();
        auto key_id = *ctx.principal->api_key_id;
        if (keys_.touch_due(key_id)) {
            co_await ctx.offload_write([&] { keys_.touch(key_id); });
        }
        co_return std::nullopt;
    }

    auto claims = auth_.check_token(credential);
    if (!claims) {
        ctx.credential_error = claims.error();
        co_return std::nullopt;
    }
    auto state = auth_.cached_session(claims->session_id);
    if (!state) {
        state = co_await ctx.offload([&] { return auth_.load_session(claims->session_id); });
    }
    auto principal = auth_.principal_for(state, *claims);
    if (!principal) {
        ctx.credential_error = principal.error();
        co_return std::nullopt;
    }
    ctx.principal = std::move(*principal);
    co_return std::nullopt;
}

namespace {

RatePolicy sign_in_hourly(const RateLimits& limits)
{
    return RatePolicy{"sign-in-failures-hour", limits.sign_in_failures_per_hour, std::chrono::hours(1)};
}

RatePolicy sign_in_per_minute(const RateLimits& limits)
{
    return RatePolicy{"sign-in-failures-minute", limits.sign_in_failures_per_minute, std::chrono::minutes(1)};
}

// The binding one of two decisions: refused if either refuses, else the one with less left.
RateDecision tighter(const RateDecision& a, const RateDecision& b)
{
    if (!a.allowed || !b.allowed) {
        return !a.allowed ? a : b;
    }
    if (a.limit <= 0) {
        return b;
    }
    if (b.limit <= 0) {
        return a;
    }
    return a.remaining <= b.remaining ? a : b;
}

}  // namespace

RateDecision SignInLimiter::check(std::string_view client_ip)
{
    return tighter(limiter_.peek(sign_in_hourly(limits_), client_ip),
                   limiter_.peek(sign_in_per_minute(limits_), client_ip));
}

RateDecision SignInLimiter::failed(std::string_view client_ip)
{
    auto hourly = limiter_.hit(sign_in_hourly(limits_), client_ip);
    auto minute = limiter_.hit(sign_in_per_minute(limits_), client_ip);
    // The budget left for the next attempt (a hit says whether this one was within it).
    auto next = tighter(hourly, minute);
    next.allowed = next.remaining > 0;
    return next;
}

asio::awaitable<std::optional<Response>> Throttle::before(RequestContext& ctx)
{
    RateDecision decision;
    switch (ctx.route()->spec.rate_limit) {
    case http::RateLimit::none: co_return std::nullopt;
    case http::RateLimit::sign_in: decision = sign_in_.check(ctx.client_ip()); break;
    case http::RateLimit::standard:
        if (ctx.principal && ctx.principal->api_key_id) {
            decision = limiter_.hit(RatePolicy{"api-key", limits_.api_key_per_minute, std::chrono::minutes(1)},
                                    std::to_string(*ctx.principal->api_key_id));
        } else if (ctx.principal) {
            decision = limiter_.hit(RatePolicy{"user", limits_.authenticated_per_minute, std::chrono::minutes(1)},
                                    std::to_string(ctx.principal->user_id));
        } else {
            decision = limiter_.hit(RatePolicy{"anonymous", limits_.anonymous_per_minute, std::chrono::minutes(1)},
                                    ctx.client_ip());
        }
        break;
    }
    add_rate_headers(ctx, decision);
    if (!decision.allowed) {
        co_return too_many(decision);
    }
    co_return std::nullopt;
}

bool passes_csrf_check(const http::Request& request, const std::vector<std::string>& cors_origins)
{
    if (!is_unsafe(request.method) || request.headers.has("X-Requested-With")) {
        return true;
    }
    auto origin = request.headers.get("Origin");
    if (!origin) {
        return false;
    }
    for (const auto& allowed : cors_origins) {
        if (allowed == *origin) {
            return true;
        }
    }
    // Same origin: "scheme://host[:port]" whose host part is this request's Host header.
    auto host = request.headers.get("Host");
    auto scheme_end = origin->find("://");
    return host && scheme_end != std::string_view::npos && origin->substr(scheme_end + 3) == *host;
}

asio::awaitable<std::optional<Response>> Authorize::before(RequestContext& ctx)
{
    const auto& permission = ctx.route()->spec.permission;
    if (permission.empty()) {
        co_return std::nullopt;
    }
    if (!ctx.principal) {
        co_return Response::from_error(ctx.credential_error.value_or(make_error(ErrorCode::unauthorized)));
    }
    bool allowed = permission == kSignedIn ? !ctx.principal->api_key_id : ctx.principal->can(permission);
    if (!allowed) {
        co_return Response::from_error(make_error(ErrorCode::forbidden));
    }
    if (ctx.credential == RequestContext::Credential::cookie && !passes_csrf_check(ctx.request(), cors_origins_)) {
        co_return Response::from_error(make_error(ErrorCode::forbidden, "error.csrf"));
    }
    co_return std::nullopt;
}

}  // namespace sala::auth
