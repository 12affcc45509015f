// The two routes of a versioned settings document: GET with an ETag (answered from the response
// cache) and PUT with If-Match ("0" while the defaults are in force). The grading and the school
// settings register theirs through this.
#pragma once

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/router.hpp"

#include <memory>
#include <string>

namespace sala::settings {

// `Service` has get() → {settings, row_version} and put(Settings, required_version, principal)
// → Result<{settings, row_version}>.
template <class Settings, class Service>
void add_settings_routes(http::Router& router, std::shared_ptr<Service> service, const std::string& path,
                         std::string get_summary, std::string put_summary)
{
    auto respond = [](const auto& versioned) {
        auto response = json::respond(http::Status::ok, versioned.settings);
        http::set_etag(response, versioned.row_version);
        return response;
    };
    router.add(http::RouteSpec{.method = http::Method::get,
                               .path = path,
                               .summary = std::move(get_summary),
                               .tag = "settings",
                               .permission = std::string(auth::permission::settings_read),
                               .response = &http::schema<Settings>,
                               .cached = true},
               [service, respond](http::RequestContext& ctx) -> boost::asio::awaitable<http::Response> {
                   auto current = co_await ctx.offload([&] { return service->get(); });
                   co_return respond(current);
               });
    router.add(http::RouteSpec{.method = http::Method::put,
                               .path = path,
                               .summary = std::move(put_summary),
                               .tag = "settings",
                               .permission = std::string(auth::permission::settings_write),
                               .request = &http::schema<Settings>,
                               .response = &http::schema<Settings>},
               [service, respond](http::RequestContext& ctx) -> boost::asio::awaitable<http::Response> {
                   auto body = http::parse_body<Settings>(ctx.request());
                   if (!body) {
                       co_return http::Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto saved = co_await ctx.offload(
                       [&] { return service->put(std::move(*body), version, *ctx.principal); });
                   if (!saved) {
                       co_return http::Response::from_error(saved.error());
                   }
                   co_return respond(*saved);
               });
}

}  // namespace sala::settings
