// The attendance routes beyond single marks: a class's register for a day and session (read, or
// taken in one write), per-student summaries, the registers not yet taken, and the attendance
// settings (school days, sessions) those rely on.
#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/attendance/attendance_api.hpp"
#include "school/attendance/attendance_service.hpp"

namespace asio = boost::asio;

namespace sala::attendance {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

RegisterInput input_of(const RequestContext& ctx, RegisterBody body)
{
    RegisterInput in{ctx.path_int("id"),
                     ctx.path_date("date"),
                     std::string(ctx.path_param("session")),
                     {},
                     body.mark_others_present.value_or(false)};
    in.records.reserve(body.records.size());
    for (auto& r : body.records) {
        in.records.push_back(RegisterEntry{r.student_id, std::move(r.status), std::move(r.reason)});
    }
    return in;
}

Response respond_register(const Result<Register>& r)
{
    if (!r) {
        return Response::from_error(r.error());
    }
    return json::respond(view(*r));
}

}  // namespace

void register_class_attendance_routes(http::Router& router, AttendanceService& attendance)
{
    const std::string register_path = "/courses/{id:int}/attendance/{date:date}/{session}";

    router.add(RouteSpec{.method = Method::get,
                         .path = register_path,
                         .summary = "A class's register for a date and session (AM, PM or FULL): every student "
                                    "enrolled that day with their mark, or null, and the counts",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_read),
                         .response = &http::schema<RegisterView>,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto reg = co_await ctx.offload([&] {
                       return attendance.register_of(ctx.path_int("id"), ctx.path_date("date"),
                                                     std::string(ctx.path_param("session")), *ctx.principal);
                   });
                   co_return respond_register(reg);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = register_path,
                         .summary = "Take a class's register in one write: each listed mark is recorded or corrected; "
                                    "markOthersPresent marks everyone else enrolled that day PRESENT (never over a "
                                    "mark already there). One 422 lists every bad row; nothing is written then",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_write),
                         .request = &http::schema<RegisterBody>,
                         .response = &http::schema<RegisterView>,
                         .action = "attendance.register"},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<RegisterBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto input = input_of(ctx, std::move(*body));
                   auto reg =
                       co_await ctx.offload([&] { return attendance.take_register(std::move(input), *ctx.principal); });
                   co_return respond_register(reg);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/attendance/summary",
                         .summary = "Days present, absent, late and excused and the attendance rate per student "
                                    "(AM and PM marks count half a day), for a course or a student over a period "
                                    "(default: the course's school year, or the current one)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_read),
                         .query = {{.name = "courseId",
                                    .type = http::ParamType::integer,
                                    .description = "The course's students (this or studentId is required)"},
                                   {.name = "studentId",
                                    .type = http::ParamType::integer,
                                    .description = "One student, in every course the caller may see"},
                                   {.name = "from", .type = http::ParamType::date, .description = "From this date"},
                                   {.name = "to", .type = http::ParamType::date, .description = "To this date"}},
                         .response = &http::schema<SummaryView>,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   SummaryQuery query{ctx.query_int("courseId"), ctx.query_int("studentId"), ctx.query_date("from"),
                                      ctx.query_date("to")};
                   auto summary = co_await ctx.offload([&] { return attendance.summary(query, *ctx.principal); });
                   if (!summary) {
                       co_return Response::from_error(summary.error());
                   }
                   co_return json::respond(view(*summary));
               });

    // Not cached: without a date it answers for today.
    router.add(RouteSpec{.method = Method::get,
                         .path = "/attendance/missing",
                         .summary = "The registers not yet taken on a date (default today) for the classes in "
                                    "session: a school day within one of their year's semesters",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_read),
                         .query = {{.name = "date", .type = http::ParamType::date, .description = "The day"}},
                         .response = &http::schema<std::vector<MissingRegisterView>>},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto date = ctx.query_date("date");
                   auto missing = co_await ctx.offload([&] { return attendance.missing(date, *ctx.principal); });
                   std::vector<MissingRegisterView> views;
                   views.reserve(missing.size());
                   for (const auto& m : missing) {
                       views.push_back(view(m));
                   }
                   co_return json::respond(views);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/settings/attendance",
                         .summary = "The attendance calendar: school days and the registers taken each day (ETag; "
                                    "\"0\" while the defaults apply)",
                         .tag = "settings",
                         .permission = std::string(permission::settings_read),
                         .response = &http::schema<AttendanceSettingsView>,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto settings = co_await ctx.offload([&] { return attendance.settings(); });
                   co_return http::respond_versioned(Status::ok, Result<Settings>(std::move(settings)),
                                                     [](const Settings& s) { return view(s); });
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/settings/attendance",
                         .summary = "Change the attendance calendar: schoolDays (MON to SAT) and sessions ([\"AM\", "
                                    "\"PM\"] or [\"FULL\"]) (If-Match)",
                         .tag = "settings",
                         .permission = std::string(permission::settings_write),
                         .request = &http::schema<AttendanceSettingsView>,
                         .response = &http::schema<AttendanceSettingsView>,
                         .action = "settings.attendance.update"},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<AttendanceSettingsView>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   Settings wanted{std::move(body->school_days), std::move(body->sessions), 0};
                   auto version = http::required_version(ctx);
                   auto saved = co_await ctx.offload(
                       [&] { return attendance.save_settings(std::move(wanted), version, *ctx.principal); });
                   ctx.audit_resource_id = "attendance";
                   co_return http::respond_versioned(Status::ok, saved, [](const Settings& s) { return view(s); });
               });
}

}  // namespace sala::attendance
