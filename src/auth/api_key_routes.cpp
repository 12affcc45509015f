// The API-key routes. The secret appears in exactly one response: the one that creates it (or
// rotates it).
#include "auth/api_key_routes.hpp"

#include "auth/auth_routes.hpp"
#include "auth/permissions.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"

namespace asio = boost::asio;

namespace sala::auth {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;

struct CreateApiKeyRequest {
    std::string name;
    std::vector<std::string> scopes;
    std::optional<TimePoint> expires_at;
};
BOOST_DESCRIBE_STRUCT(CreateApiKeyRequest, (), (name, scopes, expires_at))

struct RotateApiKeyRequest {
    std::optional<std::int64_t> grace_hours;  // how long the old secret keeps working (default 24)
};
BOOST_DESCRIBE_STRUCT(RotateApiKeyRequest, (), (grace_hours))

struct ApiKeyView {
    std::int64_t api_key_id = 0;
    std::string name;
    std::string prefix;
    std::vector<std::string> scopes;
    std::string status;  // active, expired, revoked
    std::int64_t created_by = 0;
    TimePoint created_at;
    std::optional<TimePoint> last_used_at;
    std::optional<TimePoint> expires_at;
    std::optional<TimePoint> rotated_at;
    std::optional<TimePoint> previous_valid_until;
    std::optional<TimePoint> revoked_at;
};
BOOST_DESCRIBE_STRUCT(ApiKeyView, (),
                      (api_key_id, name, prefix, scopes, status, created_by, created_at, last_used_at, expires_at,
                       rotated_at, previous_valid_until, revoked_at))

// The only shape that carries the secret.
struct IssuedApiKeyView {
    ApiKeyView api_key;
    std::string key;
};
BOOST_DESCRIBE_STRUCT(IssuedApiKeyView, (), (api_key, key))

ApiKeyView view(const ApiKey& k, TimePoint now)
{
    std::string status = k.revoked_at ? "revoked" : (k.expires_at && *k.expires_at <= now ? "expired" : "active");
    return ApiKeyView{k.key_id,     k.name,       k.prefix,       k.scopes,     status,
                      k.created_by, k.created_at, k.last_used_at, k.expires_at, k.rotated_at,
                      k.previous_valid_until, k.revoked_at};
}

}  // namespace

void register_api_key_routes(http::Router& router, ApiKeyService& keys)
{
    const std::string manage(permission::api_keys_manage);

    router.add(RouteSpec{.method = Method::post,
                         .path = "/api-keys",
                         .summary = "Create an API key; its secret (sala_…) is shown in this response only",
                         .tag = "api-keys",
                         .permission = manage,
                         .request = &http::schema<CreateApiKeyRequest>,
                         .response = &http::schema<IssuedApiKeyView>,
                         .success = Status::created,
                         .audit = false,
                         .replayable = false},
               [&keys](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateApiKeyRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto client = client_of(ctx);
                   NewApiKey input{body->name, body->scopes, body->expires_at};
                   auto issued = co_await ctx.offload([&] { return keys.create(input, *ctx.principal, client); });
                   if (!issued) {
                       co_return Response::from_error(issued.error());
                   }
                   auto response = json::respond(Status::created, IssuedApiKeyView{view(issued->key, ctx.now()),
                                                                                    issued->secret});
                   response.headers.set("Location", "/api/v1/api-keys/" + std::to_string(issued->key.key_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/api-keys",
                         .summary = "API keys: name, prefix, scopes, created, last used, expiry (never the secret)",
                         .tag = "api-keys",
                         .permission = manage,
                         .response = &http::schema<std::vector<ApiKeyView>>},
               [&keys](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto list = co_await ctx.offload([&] { return keys.list(); });
                   std::vector<ApiKeyView> views;
                   for (const auto& k : list) {
                       views.push_back(view(k, ctx.now()));
                   }
                   co_return json::respond(views);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/api-keys/{id:int}",
                         .summary = "One API key (never its secret)",
                         .tag = "api-keys",
                         .permission = manage,
                         .response = &http::schema<ApiKeyView>},
               [&keys](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto key = co_await ctx.offload([&] { return keys.get(ctx.path_int("id")); });
                   if (!key) {
                       co_return Response::from_error(key.error());
                   }
                   co_return json::respond(view(*key, ctx.now()));
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/api-keys/{id:int}/rotate",
                         .summary = "Give a key a new secret; the old one keeps working for a grace period "
                                    "(default 24 hours). A key has at most two live secrets: rotating again "
                                    "ends the oldest at once.",
                         .tag = "api-keys",
                         .permission = manage,
                         .request = &http::schema<RotateApiKeyRequest>,
                         .response = &http::schema<IssuedApiKeyView>,
                         .audit = false,
                         .replayable = false},
               [&keys](RequestContext& ctx) -> asio::awaitable<Response> {
                   std::optional<std::chrono::seconds> grace;
                   if (!ctx.request().body.empty()) {
                       auto body = http::parse_body<RotateApiKeyRequest>(ctx.request());
                       if (!body) {
                           co_return Response::from_error(body.error());
                       }
                       if (body->grace_hours) {
                           if (*body->grace_hours < 0 || *body->grace_hours > 24 * 30) {
                               FieldErrors errors;
                               errors.add("graceHours", "OUT_OF_RANGE", {{"min", "0"}, {"max", "720"}});
                               co_return Response::from_error(errors.to_error());
                           }
                           grace = std::chrono::hours(*body->grace_hours);
                       }
                   }
                   auto client = client_of(ctx);
                   auto issued = co_await ctx.offload(
                       [&] { return keys.rotate(ctx.path_int("id"), grace, *ctx.principal, client); });
                   if (!issued) {
                       co_return Response::from_error(issued.error());
                   }
                   co_return json::respond(IssuedApiKeyView{view(issued->key, ctx.now()), issued->secret});
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/api-keys/{id:int}",
                         .summary = "Revoke a key: it stops working at once",
                         .tag = "api-keys",
                         .permission = manage,
                         .success = Status::no_content,
                         .audit = false},
               [&keys](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto client = client_of(ctx);
                   auto revoked =
                       co_await ctx.offload([&] { return keys.revoke(ctx.path_int("id"), *ctx.principal, client); });
                   co_return json::respond_done(revoked);
               });
}

}  // namespace sala::auth
