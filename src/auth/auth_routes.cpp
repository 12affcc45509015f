// The sign-in routes. Tokens go back both in the body (for Bearer clients) and as HttpOnly,
// SameSite=Strict cookies (for browsers), Secure whenever the client reached us over TLS.
#include "auth/auth_routes.hpp"

#include "auth/permissions.hpp"
#include "http/cookies.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "core/validation.hpp"
#include "school/users/user_repository.hpp"

namespace asio = boost::asio;

namespace sala::auth {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;

struct LoginRequest {
    std::string username;
    std::string password;
    std::optional<bool> remember_me;
};
BOOST_DESCRIBE_STRUCT(LoginRequest, (), (username, password, remember_me))

struct SessionUser {
    std::int64_t user_id = 0;
    std::string username;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> avatar;
    TimePoint session_start;
    TimePoint expires_at;
    TimePoint last_activity;
};
BOOST_DESCRIBE_STRUCT(SessionUser, (),
                      (user_id, username, firstname, lastname, role, position, avatar, session_start, expires_at,
                       last_activity))

struct TokenResponse {
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_in = 0;
    std::string token_type;
    SessionUser user;
};
BOOST_DESCRIBE_STRUCT(TokenResponse, (), (access_token, refresh_token, expires_in, token_type, user))

struct RefreshRequest {
    std::optional<std::string> refresh_token;
};
BOOST_DESCRIBE_STRUCT(RefreshRequest, (), (refresh_token))

struct HeartbeatResponse {
    TimePoint expires_at;
    TimePoint last_activity;
};
BOOST_DESCRIBE_STRUCT(HeartbeatResponse, (), (expires_at, last_activity))

struct PickerUser {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::optional<std::string> avatar;
};
BOOST_DESCRIBE_STRUCT(PickerUser, (), (user_id, username, display_name, avatar))

void set_token_cookies(RequestContext& ctx, const SignedIn& s)
{
    http::CookieOptions access;
    access.max_age = std::chrono::seconds(s.expires_in);
    access.secure = ctx.secure();
    ctx.extra_headers.add("Set-Cookie", http::set_cookie(kAccessCookie, s.access_token, access));
    http::CookieOptions refresh;
    refresh.path = "/api";  // sent only to the API, where /auth/refresh lives
    refresh.max_age = std::chrono::ceil<std::chrono::seconds>(s.session.absolute_expires_at - ctx.now());
    refresh.secure = ctx.secure();
    ctx.extra_headers.add("Set-Cookie", http::set_cookie(kRefreshCookie, s.refresh_token, refresh));
}

void clear_token_cookies(RequestContext& ctx)
{
    http::CookieOptions gone;
    gone.secure = ctx.secure();
    ctx.extra_headers.add("Set-Cookie", http::set_cookie(kAccessCookie, "", gone));
    gone.path = "/api";
    ctx.extra_headers.add("Set-Cookie", http::set_cookie(kRefreshCookie, "", gone));
}

TokenResponse token_response(const SignedIn& s)
{
    const auto& u = s.user;
    return TokenResponse{s.access_token,
                         s.refresh_token,
                         s.expires_in,
                         "Bearer",
                         SessionUser{u.user_id, u.username, u.firstname, u.lastname, u.role, u.position, u.avatar,
                                     s.session.created_at, s.session.expires_at, s.session.last_activity}};
}

}  // namespace

ClientInfo client_of(const RequestContext& ctx)
{
    return ClientInfo{ctx.client_ip(), std::string(ctx.request().headers.get("User-Agent").value_or("")),
                      ctx.request_id()};
}

void register_auth_routes(http::Router& router, AuthService& auth, SignInLimiter& limiter, WorkerPool& hashing,
                          db::Database& db, AuthRouteOptions options)
{
    router.add(RouteSpec{.method = Method::post,
                         .path = "/auth/login",
                         .summary = "Sign in: access and refresh tokens in the body and as cookies",
                         .tag = "auth",
                         .request = &http::schema<LoginRequest>,
                         .response = &http::schema<TokenResponse>,
                         .rate_limit = http::RateLimit::sign_in,
                         .audit = false,
                         .replayable = false},
               [&auth, &limiter, &hashing](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<LoginRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto client = client_of(ctx);
                   auto attempt = co_await ctx.offload([&] { return auth.begin_sign_in(body->username, client); });
                   if (!attempt) {
                       add_rate_headers(ctx, limiter.failed(client.ip));  // a locked account's attempt
                       co_return Response::from_error(attempt.error());
                   }
                   // On the hashing thread: the budget is checked again now that it is this
                   // attempt's turn, and a failure counts before the next attempt's turn.
                   std::optional<RateDecision> budget;
                   auto check = co_await hashing.offload([&]() -> std::optional<PasswordCheck> {
                       if (!limiter.check(client.ip).allowed) {
                           return std::nullopt;
                       }
                       auto checked = AuthService::check_password(*attempt, body->password);
                       if (!checked.matches) {
                           budget = limiter.failed(client.ip);
                       }
                       return checked;
                   });
                   if (budget) {
                       add_rate_headers(ctx, *budget);
                   }
                   if (!check) {
                       auto gate = limiter.check(client.ip);
                       Error e = make_error(ErrorCode::rate_limited);
                       e.retry_after = std::max(gate.retry_after, std::chrono::seconds(1));
                       co_return Response::from_error(std::move(e));
                   }
                   auto result = co_await ctx.offload([&] {
                       return auth.finish_sign_in(*attempt, *check, body->remember_me.value_or(false), client);
                   });
                   if (!result) {
                       co_return Response::from_error(result.error());
                   }
                   set_token_cookies(ctx, *result);
                   co_return json::respond(token_response(*result));
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/auth/refresh",
                         .summary = "Exchange a refresh token (body or cookie) for new tokens; a reused token ends "
                                    "the session",
                         .tag = "auth",
                         .request = &http::schema<RefreshRequest>,
                         .response = &http::schema<TokenResponse>,
                         .audit = false,
                         .replayable = false},
               [&auth, cors = options.cors_origins](RequestContext& ctx) -> asio::awaitable<Response> {
                   std::optional<std::string> token;
                   if (!ctx.request().body.empty()) {
                       auto body = http::parse_body<RefreshRequest>(ctx.request());
                       if (!body) {
                           co_return Response::from_error(body.error());
                       }
                       token = body->refresh_token;
                   }
                   if (!token) {
                       token = http::cookie(ctx.request(), kRefreshCookie);
                       if (token && !passes_csrf_check(ctx.request(), cors)) {
                           co_return Response::from_error(make_error(ErrorCode::forbidden, "error.csrf"));
                       }
                   }
                   if (!token || token->empty()) {
                       co_return Response::from_error(make_error(ErrorCode::unauthorized, "error.session_expired"));
                   }
                   auto client = client_of(ctx);
                   auto result = co_await ctx.offload([&] { return auth.refresh(*token, client); });
                   if (!result) {
                       clear_token_cookies(ctx);
                       co_return Response::from_error(result.error());
                   }
                   set_token_cookies(ctx, *result);
                   co_return json::respond(token_response(*result));
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/auth/heartbeat",
                         .summary = "Keep the session alive; returns when it now expires",
                         .tag = "auth",
                         .permission = std::string(kSignedIn),
                         .response = &http::schema<HeartbeatResponse>,
                         .audit = false},
               [&auth](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto session = co_await ctx.offload([&] { return auth.heartbeat(ctx.principal->session_id); });
                   if (!session) {
                       co_return Response::from_error(session.error());
                   }
                   co_return json::respond(HeartbeatResponse{session->expires_at, session->last_activity});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/auth/logout",
                         .summary = "Sign out: the session and all its tokens stop working at once",
                         .tag = "auth",
                         .permission = std::string(kSignedIn),
                         .success = Status::no_content,
                         .audit = false},
               [&auth](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto client = client_of(ctx);
                   co_await ctx.offload([&] { auth.sign_out(*ctx.principal, client); });
                   clear_token_cookies(ctx);
                   co_return Response::empty(Status::no_content);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/auth/users",
                         .summary = "The login picker: active users' names and avatars (404 unless the server "
                                    "runs with --login-user-list)",
                         .tag = "auth",
                         .response = &http::schema<std::vector<PickerUser>>},
               [&db, enabled = options.login_user_list](RequestContext& ctx) -> asio::awaitable<Response> {
                   if (!enabled) {
                       co_return Response::from_error(make_error(ErrorCode::not_found));
                   }
                   auto entries = co_await ctx.offload([&] {
                       auto lease = db.read();
                       return users::repo::list_for_picker(*lease);
                   });
                   std::vector<PickerUser> out;
                   for (const auto& e : entries) {
                       out.push_back(PickerUser{e.user_id, e.username, trimmed(e.firstname + " " + e.lastname), e.avatar});
                   }
                   co_return json::respond(out);
               });
}

}  // namespace sala::auth
