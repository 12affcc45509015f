// The activity log, newest first, in the seed's shape (with the acting user's names even when
// that account has since been deleted).
#include "school/activity/activity_routes.hpp"

#include "auth/permissions.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/activity/activity.hpp"

namespace asio = boost::asio;

namespace sala::activity {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;

struct LogUser {
    std::string username;
    std::string firstname;
    std::string lastname;
};
BOOST_DESCRIBE_STRUCT(LogUser, (), (username, firstname, lastname))

struct LogView {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;
    std::string action;
    std::optional<std::string> resource;
    std::optional<std::string> resource_id;
    boost::json::value details;
    std::optional<std::string> ip_address;
    std::optional<std::string> user_agent;
    std::optional<std::string> request_id;
    TimePoint timestamp;
    std::optional<LogUser> user;
};
BOOST_DESCRIBE_STRUCT(LogView, (),
                      (id, user_id, action, resource, resource_id, details, ip_address, user_agent, request_id,
                       timestamp, user))

std::optional<std::string> non_empty(const std::string& s)
{
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

LogView view(const LoggedEntry& l)
{
    const auto& e = l.entry;
    boost::system::error_code ec;
    auto details = boost::json::parse(e.details, ec);
    std::optional<LogUser> user;
    if (l.username) {
        user = LogUser{*l.username, l.firstname.value_or(""), l.lastname.value_or("")};
    }
    return LogView{l.log_id,
                   e.user_id,
                   e.action,
                   non_empty(e.resource),
                   non_empty(e.resource_id),
                   ec ? boost::json::value(boost::json::object{}) : details,
                   non_empty(e.ip_address),
                   non_empty(e.user_agent),
                   non_empty(e.request_id),
                   e.at,
                   user};
}

}  // namespace

void register_activity_routes(http::Router& router, db::Database& db)
{
    std::vector<http::QueryParam> query{
        {.name = "page", .type = http::ParamType::integer, .description = "Page number, from 1"},
        {.name = "limit", .type = http::ParamType::integer, .description = "Items per page, 1 to 100"},
        {.name = "userId", .type = http::ParamType::integer, .description = "Only this user's actions"},
        {.name = "action", .description = "An action such as auth.login or users.create"},
        {.name = "resource", .description = "A resource such as users or auth"},
        {.name = "from", .type = http::ParamType::date, .description = "From this day (inclusive)"},
        {.name = "to", .type = http::ParamType::date, .description = "Up to this day (inclusive)"},
    };
    router.add(RouteSpec{.method = Method::get,
                         .path = "/activity-logs",
                         .summary = "The activity log, newest first; filter by user, action, resource and days",
                         .tag = "activity-logs",
                         .permission = std::string(auth::permission::activity_logs_read),
                         .query = query,
                         .response = &http::schema<LogView>,
                         .list = true},
               [&db](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, {}, "", "l.log_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   Filter filter;
                   filter.user_id = ctx.query_int("userId");
                   if (auto a = ctx.query("action")) {
                       filter.action = std::string(*a);
                   }
                   if (auto r = ctx.query("resource")) {
                       filter.resource = std::string(*r);
                   }
                   filter.from = ctx.query_date("from");
                   filter.to = ctx.query_date("to");
                   filter.page = page->page;
                   filter.limit = page->limit;
                   auto result = co_await ctx.offload([&] {
                       auto lease = db.read();
                       return list(*lease, filter);
                   });
                   std::vector<LogView> views;
                   for (const auto& e : result.entries) {
                       views.push_back(view(e));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });
}

}  // namespace sala::activity
