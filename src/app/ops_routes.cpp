// /healthz answers without touching anything; /readyz asks the database (on the worker pool);
// /metrics renders the Prometheus registry; /api/v1 and /api/v1/openapi.json describe the API.
#include "app/ops_routes.hpp"

#include "app/app.hpp"
#include "core/log.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"

namespace asio = boost::asio;

namespace sala::app {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Scope;
using http::Status;

struct Health {
    std::string status;
};
BOOST_DESCRIBE_STRUCT(Health, (), (status))

struct Readiness {
    std::string status;
    std::string database;
};
BOOST_DESCRIBE_STRUCT(Readiness, (), (status, database))

struct ApiLinks {
    std::string openapi;
    std::string health;
    std::string ready;
    std::string metrics;
};
BOOST_DESCRIBE_STRUCT(ApiLinks, (), (openapi, health, ready, metrics))

struct ApiIndex {
    std::string name;
    std::string version;
    std::string api_version;
    ApiLinks links;
};
BOOST_DESCRIBE_STRUCT(ApiIndex, (), (name, version, api_version, links))

asio::awaitable<Response> healthz(RequestContext&)
{
    co_return json::respond(Health{"ok"});
}

asio::awaitable<Response> readyz(RequestContext& ctx, App& app)
{
    auto error = co_await ctx.offload([&app]() -> std::optional<std::string> {
        try {
            app.database().ping();
            return std::nullopt;
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
    });
    if (error) {
        log::warn("not_ready", {{"requestId", ctx.request_id()}, {"error", *error}});
        Error e = make_error(ErrorCode::unavailable, "error.database_unavailable");
        e.retry_after = std::chrono::seconds(5);
        co_return Response::from_error(std::move(e));
    }
    co_return json::respond(Readiness{"ready", std::string(db::dialect_name(app.database().dialect()))});
}

asio::awaitable<Response> metrics(RequestContext&, App& app)
{
    co_return Response::raw(Status::ok, "text/plain; version=0.0.4; charset=utf-8", app.metrics().render());
}

asio::awaitable<Response> api_index(RequestContext&)
{
    co_return json::respond(ApiIndex{"Sala", std::string(kVersion), "v1",
                                     ApiLinks{"/api/v1/openapi.json", "/healthz", "/readyz", "/metrics"}});
}

asio::awaitable<Response> openapi(RequestContext&, App& app)
{
    co_return Response::raw(Status::ok, "application/json", app.openapi());
}

}  // namespace

void register_ops_routes(http::Router& router, App& app)
{
    router.add(RouteSpec{.method = Method::get,
                         .path = "/healthz",
                         .summary = "Liveness: the process is up (does not touch the database)",
                         .tag = "operations",
                         .response = &http::schema<Health>,
                         .scope = Scope::root,
                         .rate_limit = http::RateLimit::none},
               healthz);
    router.add(RouteSpec{.method = Method::get,
                         .path = "/readyz",
                         .summary = "Readiness: 200 when the database answers, 503 when it does not",
                         .tag = "operations",
                         .response = &http::schema<Readiness>,
                         .scope = Scope::root,
                         .rate_limit = http::RateLimit::none},
               [&app](RequestContext& ctx) { return readyz(ctx, app); });
    router.add(RouteSpec{.method = Method::get,
                         .path = "/metrics",
                         .summary = "Prometheus metrics",
                         .tag = "operations",
                         .produces = "text/plain",
                         .scope = Scope::root,
                         .rate_limit = http::RateLimit::none},
               [&app](RequestContext& ctx) { return metrics(ctx, app); });
    router.add(RouteSpec{.method = Method::get,
                         .path = "",
                         .summary = "API index: name, version and links",
                         .tag = "operations",
                         .response = &http::schema<ApiIndex>},
               api_index);
    router.add(RouteSpec{.method = Method::get,
                         .path = "/openapi.json",
                         .summary = "This API's OpenAPI 3.1 document",
                         .tag = "operations",
                         .produces = "application/json"},
               [&app](RequestContext& ctx) { return openapi(ctx, app); });
}

}  // namespace sala::app
