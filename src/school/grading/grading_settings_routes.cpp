// See grading_settings_routes.hpp. The document is versioned like a record: ETag on GET, If-Match
// on PUT ("0" while the defaults are in force).
#include "school/grading/grading_settings_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/grading/grading_settings.hpp"

#include <memory>

namespace asio = boost::asio;

namespace sala::grading {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

Response respond_settings(const VersionedSettings& v)
{
    auto response = json::respond(Status::ok, v.settings);
    http::set_etag(response, v.row_version);
    return response;
}

}  // namespace

void register_grading_settings_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    auto service = std::make_shared<GradingSettingsService>(db, clock);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/settings/grading",
                         .summary = "Category weights, grade scale (English and Khmer labels), pass mark and "
                                    "semester weights (ETag)",
                         .tag = "settings",
                         .permission = std::string(permission::settings_read),
                         .response = &http::schema<GradingSettings>,
                         .cached = true},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto settings = co_await ctx.offload([&] { return service->get(); });
                   co_return respond_settings(settings);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/settings/grading",
                         .summary = "Replace the grading settings (If-Match); every average, letter and rank "
                                    "follows them from then on",
                         .tag = "settings",
                         .permission = std::string(permission::settings_write),
                         .request = &http::schema<GradingSettings>,
                         .response = &http::schema<GradingSettings>},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GradingSettings>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto saved = co_await ctx.offload(
                       [&] { return service->put(std::move(*body), version, *ctx.principal); });
                   if (!saved) {
                       co_return Response::from_error(saved.error());
                   }
                   co_return respond_settings(*saved);
               });
}

}  // namespace sala::grading
