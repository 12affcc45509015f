// The attendance routes of the seed: GET, POST, PUT and DELETE /attendance (PUT and DELETE name
// the record by attendanceId or by its natural key, as the seed has no id in the path), and
// GET /attendance/{id}. Each write is in the activity log twice: the request (who, from where) and
// the event the service publishes (what the mark now says).
#include "school/attendance/attendance_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
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

Response respond_record(Status status, const Result<Record>& r)
{
    return http::respond_versioned(status, r, [](const Record& x) { return view(x); });
}

constexpr http::SortField kSortable[] = {
    {"attendanceDate", "a.attendance_date"},
    {"session", "a.session"},
    {"status", "a.status"},
    {"studentCode", "s.student_code"},
    {"lastName", "s.last_name"},
    {"firstName", "s.first_name"},
    {"courseName", "c.name"},
    {"createdAt", "a.created_at"},
    {"updatedAt", "a.updated_at"},
};

std::vector<std::string> sessions()
{
    return {"AM", "PM", "FULL"};
}

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "studentId", .type = http::ParamType::integer, .description = "This student's marks"});
    params.push_back({.name = "courseId", .type = http::ParamType::integer, .description = "Marks in this course"});
    params.push_back({.name = "from", .type = http::ParamType::date, .description = "On or after this date"});
    params.push_back({.name = "to", .type = http::ParamType::date, .description = "On or before this date"});
    params.push_back({.name = "session", .description = "Session", .allowed = sessions()});
    params.push_back({.name = "status", .description = "Status", .allowed = {"PRESENT", "ABSENT", "LATE", "EXCUSED"}});
    return params;
}

std::vector<http::QueryParam> key_query()
{
    return {
        {.name = "attendanceId", .type = http::ParamType::integer, .description = "The record; or else all of:"},
        {.name = "studentId", .type = http::ParamType::integer, .description = "The student"},
        {.name = "courseId", .type = http::ParamType::integer, .description = "The course"},
        {.name = "attendanceDate", .type = http::ParamType::date, .description = "The date"},
        {.name = "session", .description = "The session", .allowed = sessions()},
    };
}

std::optional<std::string> query_text(const RequestContext& ctx, std::string_view name)
{
    auto v = ctx.query(name);
    return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

AttendanceInput input_of(const CreateAttendanceBody& b)
{
    return AttendanceInput{std::nullopt, b.student_id, b.course_id, b.attendance_date, b.session, b.status, b.reason};
}

AttendanceInput input_of(const UpdateAttendanceBody& b)
{
    return AttendanceInput{b.attendance_id, b.student_id, b.course_id, b.attendance_date,
                           b.session,       b.status,     b.reason};
}

}  // namespace

void register_attendance_routes(http::Router& router, AttendanceService& attendance)
{
    router.add(RouteSpec{.method = Method::get,
                         .path = "/attendance",
                         .summary = "Attendance marks with their students and courses; filter by student, course, "
                                    "dates, session or status (teachers: the courses they teach)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_read),
                         .query = list_query(),
                         .response = &http::schema<AttendanceView>,
                         .list = true,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(
                       ctx, kSortable, "-attendanceDate,courseName,lastName,firstName,session", "a.attendance_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   AttendanceFilter filter;
                   filter.student_id = ctx.query_int("studentId");
                   filter.course_id = ctx.query_int("courseId");
                   filter.from = ctx.query_date("from");
                   filter.to = ctx.query_date("to");
                   filter.session = query_text(ctx, "session");
                   filter.status = query_text(ctx, "status");
                   filter.order_by = page->order_by;
                   filter.page = page->page;
                   filter.limit = page->limit;
                   auto result = co_await ctx.offload([&] { return attendance.list(filter, *ctx.principal); });
                   std::vector<AttendanceView> views;
                   views.reserve(result.records.size());
                   for (const auto& r : result.records) {
                       views.push_back(view(r));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/attendance/{id:int}",
                         .summary = "One attendance mark (ETag)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_read),
                         .response = &http::schema<AttendanceView>,
                         .cached = true},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found =
                       co_await ctx.offload([&] { return attendance.get(ctx.path_int("id"), *ctx.principal); });
                   co_return respond_record(Status::ok, found);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/attendance",
                         .summary = "Record a student's attendance in a course for a date and session (409: already "
                                    "recorded, or a FULL-day mark beside a half-day one)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_write),
                         .request = &http::schema<CreateAttendanceBody>,
                         .response = &http::schema<AttendanceView>,
                         .success = Status::created},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateAttendanceBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto created =
                       co_await ctx.offload([&] { return attendance.create(input_of(*body), *ctx.principal); });
                   auto response = respond_record(Status::created, created);
                   if (created) {
                       response.headers.set("Location", "/api/v1/attendance/" + std::to_string(created->attendance_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/attendance",
                         .summary = "Change a mark's status and reason, found by attendanceId (which may also move "
                                    "it to another date or session) or by student, course, date and session (If-Match)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_write),
                         .request = &http::schema<UpdateAttendanceBody>,
                         .response = &http::schema<AttendanceView>},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<UpdateAttendanceBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto updated = co_await ctx.offload(
                       [&] { return attendance.update(input_of(*body), version, *ctx.principal); });
                   if (updated) {
                       ctx.audit_resource_id = std::to_string(updated->attendance_id);
                   }
                   co_return respond_record(Status::ok, updated);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/attendance",
                         .summary = "Delete a mark, named by attendanceId or by studentId, courseId, attendanceDate "
                                    "and session (If-Match)",
                         .tag = "attendance",
                         .permission = std::string(permission::attendance_write),
                         .query = key_query(),
                         .success = Status::no_content},
               [&attendance](RequestContext& ctx) -> asio::awaitable<Response> {
                   RecordKey key{ctx.query_int("attendanceId"), ctx.query_int("studentId"), ctx.query_int("courseId"),
                                 ctx.query_date("attendanceDate"), query_text(ctx, "session")};
                   auto version = http::required_version(ctx);
                   auto removed = co_await ctx.offload([&] { return attendance.remove(key, version, *ctx.principal); });
                   if (removed) {
                       ctx.audit_resource_id = std::to_string(*removed);
                   }
                   co_return json::respond_done(removed);
               });

    register_class_attendance_routes(router, attendance);
    register_monthly_attendance_routes(router, attendance);
}

}  // namespace sala::attendance
