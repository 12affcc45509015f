// A class's register for a month: as JSON (the document the printed register is made from) and as
// a spreadsheet download, which the activity log records.
#include "auth/permissions.hpp"
#include "http/download.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/activity/audit.hpp"
#include "school/attendance/attendance_api.hpp"
#include "school/attendance/attendance_monthly_sheet.hpp"
#include "school/attendance/attendance_service.hpp"

namespace asio = boost::asio;

namespace sala::attendance {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;

http::QueryParam month_param()
{
    return {.name = "month",
            .type = http::ParamType::month,
            .description = "The month (YYYY-MM), within the course's school year",
            .required = true};
}

asio::awaitable<Result<MonthlyRegisterView>> load(RequestContext& ctx, AttendanceService& attendance)
{
    const std::string month(ctx.query("month").value_or(""));
    co_return co_await ctx.offload(
        [&] { return attendance.monthly_register(ctx.path_int("id"), month, *ctx.principal); });
}

http::QueryParam format_param()
{
    return {.name = "format", .description = "The file format", .allowed = {"xlsx"}, .required = true};
}

asio::awaitable<Response> export_register(RequestContext& ctx, AttendanceService& attendance)
{
    auto view = co_await load(ctx, attendance);
    if (!view) {
        co_return Response::from_error(view.error());
    }
    auto bytes = co_await ctx.offload([&] {
        const auto sheet = monthly_register_sheet(*view);
        return xlsx::render({&sheet, 1});
    });
    activity::record_export(ctx, {.format = "xlsx",
                                  .rows = view->students.size(),
                                  .course_id = view->course.course_id,
                                  .month = view->month});
    auto name = "Attendance " + view->course.name + " " + view->month;
    co_return http::download(xlsx::kMediaType, std::move(bytes), http::safe_filename(name, ".xlsx", "attendance"));
}

}  // namespace

void register_monthly_attendance_routes(http::Router& router, AttendanceService& attendance)
{
    const std::string read(auth::permission::attendance_read);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}/attendance/monthly",
                         .summary = "A class's register for a month: every day (weekday, school day), every student "
                                    "enrolled or marked that month with their AM, PM or FULL mark each day, and their "
                                    "totals in days (AM and PM count half)",
                         .tag = "attendance",
                         .permission = read,
                         .query = {month_param()},
                         .response = &http::schema<MonthlyRegisterView>,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto view = co_await load(ctx, attendance);
                   co_return json::respond(http::Status::ok, view);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}/attendance/export",
                         .summary = "The monthly register as a spreadsheet: a row per student, a column per day and "
                                    "half day with P, A, L or E, and the month's totals",
                         .tag = "attendance",
                         .permission = read,
                         .query = {month_param(), format_param()},
                         .produces = std::string(xlsx::kMediaType),
                         .action = "export.attendance"},
               [&attendance](RequestContext& ctx) { return export_register(ctx, attendance); });
}

}  // namespace sala::attendance
