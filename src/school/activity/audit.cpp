// See audit.hpp.
#include "school/activity/audit.hpp"

#include "school/activity/activity.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

namespace asio = boost::asio;

namespace sala::activity {
namespace {

bool is_write(http::Method m)
{
    return m == http::Method::post || m == http::Method::put || m == http::Method::patch || m == http::Method::delete_;
}

std::string resource_id_of(const http::RequestContext& ctx, const http::Response& response)
{
    if (!ctx.audit_resource_id.empty()) {
        return ctx.audit_resource_id;
    }
    // The last integer path parameter ("/users/{id:int}/status" → id), or the id in Location.
    for (auto it = ctx.path_params().rbegin(); it != ctx.path_params().rend(); ++it) {
        if (it->type == http::ParamType::integer) {
            return it->value;
        }
    }
    if (auto location = response.headers.get("Location")) {
        auto slash = location->rfind('/');
        return std::string(location->substr(slash == std::string_view::npos ? 0 : slash + 1));
    }
    return {};
}

}  // namespace

std::string action_of(const http::Route& route)
{
    if (!route.spec.action.empty()) {
        return route.spec.action;
    }
    std::string_view verb = "update";
    switch (route.spec.method) {
    case http::Method::post: verb = "create"; break;
    case http::Method::delete_: verb = "delete"; break;
    default: break;
    }
    return route.spec.tag + "." + std::string(verb);
}

asio::awaitable<std::optional<http::Response>> AuditWrites::before(http::RequestContext&)
{
    co_return std::nullopt;
}

void record_export(http::RequestContext& ctx, const ExportDetails& d)
{
    boost::json::object details{{"format", d.format}};
    if (d.document) {
        details["document"] = *d.document;
    }
    if (d.rows) {
        details["rows"] = *d.rows;
    }
    if (d.size) {
        details["size"] = *d.size;
    }
    if (!d.student_ids.empty()) {
        details["studentIds"] = boost::json::value_from(d.student_ids);
    }
    if (d.course_id) {
        details["courseId"] = *d.course_id;
        ctx.audit_resource_id = std::to_string(*d.course_id);
    } else if (d.student_ids.size() == 1) {
        ctx.audit_resource_id = std::to_string(d.student_ids.front());
    }
    if (d.semester_id) {
        details["semesterId"] = *d.semester_id;
    }
    if (d.month) {
        details["month"] = *d.month;
    }
    if (d.status) {
        details["status"] = *d.status;
    }
    if (d.filename) {
        details["filename"] = *d.filename;
    }
    ctx.audit_details = boost::json::serialize(details);
}

asio::awaitable<void> AuditWrites::after(http::RequestContext& ctx, const http::Response& response)
{
    const auto* route = ctx.route();
    auto status = static_cast<unsigned>(response.status);
    if (route == nullptr || !route->spec.audit || status >= 300 || ctx.replayed) {
        co_return;
    }
    // A read is recorded only when its route names an action (an export).
    if (!is_write(ctx.request().method) && route->spec.action.empty()) {
        co_return;
    }
    boost::json::object details;
    if (!ctx.audit_details.empty()) {
        boost::system::error_code ec;
        auto extra = boost::json::parse(ctx.audit_details, ec);
        if (!ec && extra.is_object()) {
            details = extra.as_object();
        }
    }
    // The hook's own keys do not overwrite what the handler recorded.
    details["route"] = std::string(http::method_name(ctx.request().method)) + " " + route->display_path;
    details["httpStatus"] = status;
    if (ctx.principal && ctx.principal->api_key_id) {
        details["apiKeyId"] = *ctx.principal->api_key_id;
    }
    Entry entry{ctx.principal ? std::optional<std::int64_t>(ctx.principal->user_id) : std::nullopt,
                action_of(*route),
                route->spec.tag,
                resource_id_of(ctx, response),
                boost::json::serialize(details),
                ctx.client_ip(),
                std::string(ctx.request().headers.get("User-Agent").value_or("")),
                ctx.request_id(),
                ctx.now()};
    co_await ctx.offload_write([&] { record(db_, entry); });
}

}  // namespace sala::activity
