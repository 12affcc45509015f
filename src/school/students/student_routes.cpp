// The student routes: registration, lists with filters, search and both kinds of paging, PUT,
// PATCH, DELETE and scholarships. The service holds the rules; the JSON shapes are in
// student_api.hpp, which leaves out sensitive fields for readers who may not see them.
#include "school/students/student_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/files/file_service.hpp"
#include "school/students/student_api.hpp"
#include "school/students/student_rules.hpp"
#include "school/students/student_service.hpp"

namespace asio = boost::asio;

namespace sala::students {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
using namespace api;
namespace permission = auth::permission;

struct NextCode {
    std::string student_code;
};
BOOST_DESCRIBE_STRUCT(NextCode, (), (student_code))

Response respond_student(Status status, const StudentView& found)
{
    const auto& record = found.record;
    auto response = json::respond(status, view(record, found.visibility.sees(record.student.student_id)));
    http::set_etag(response, record.student.row_version);
    return response;
}

constexpr http::SortField kSortable[] = {
    {"studentCode", "s.student_code"},   {"firstName", "s.first_name"},
    {"lastName", "s.last_name"},         {"dateOfBirth", "s.date_of_birth"},
    {"enrollmentDate", "s.enrollment_date"}, {"createdAt", "s.created_at"},
    {"status", "s.status"},              {"gender", "s.gender"},
    {"province", "s.province"},          {"studentId", "s.student_id"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable, true);
    params.push_back({.name = "status",
                      .description = "Student status",
                      .allowed = {"active", "inactive", "graduated", "transferred"}});
    params.push_back({.name = "gender", .description = "M or F", .allowed = {"M", "F"}});
    params.push_back({.name = "gradeLevel",
                      .type = http::ParamType::integer,
                      .description = "Actively enrolled in a course of this grade level"});
    params.push_back({.name = "courseId",
                      .type = http::ParamType::integer,
                      .description = "Actively enrolled in this course"});
    params.push_back({.name = "schoolYearId",
                      .type = http::ParamType::integer,
                      .description = "Enrolled in this school year (with gradeLevel or courseId: actively)"});
    params.push_back({.name = "province", .description = "Province, exactly"});
    params.push_back({.name = "hasScholarship",
                      .type = http::ParamType::boolean,
                      .description = "Has (true) or has no (false) active scholarship"});
    params.push_back({.name = "q",
                      .description = "Words that must each begin a word of the Latin or Khmer names or the "
                                     "student code"});
    return params;
}

Result<StudentFilter> filter_of(const RequestContext& ctx, bool enrolled_only)
{
    auto page = http::page_request(ctx, kSortable, "lastName,firstName", "s.student_id", true);
    if (!page) {
        return page.error();
    }
    StudentFilter f;
    if (auto v = ctx.query("status")) {
        f.status = std::string(*v);
    }
    if (auto v = ctx.query("gender")) {
        f.gender = std::string(*v);
    }
    f.grade_level = ctx.query_int("gradeLevel");
    f.course_id = ctx.query_int("courseId");
    f.school_year_id = ctx.query_int("schoolYearId");
    if (auto v = ctx.query("province")) {
        f.province = std::string(*v);
    }
    f.has_scholarship = ctx.query_bool("hasScholarship");
    if (auto q = ctx.query("q")) {
        f.q_tokens = query_tokens(*q);
    }
    f.enrolled_only = enrolled_only;
    f.order = std::move(page->keys);
    f.after = std::move(page->after);
    f.limit = page->limit;
    f.offset = f.after ? 0 : (page->page - 1) * page->limit;
    return f;
}

asio::awaitable<Response> list_students(RequestContext& ctx, StudentService& students, bool enrolled_only)
{
    auto filter = filter_of(ctx, enrolled_only);
    if (!filter) {
        co_return Response::from_error(filter.error());
    }
    auto result = co_await ctx.offload([&] { return students.list(*filter, *ctx.principal); });
    std::vector<StudentResponse> views;
    views.reserve(result.page.records.size());
    for (const auto& r : result.page.records) {
        views.push_back(view(r, result.visibility.sees(r.student.student_id)));
    }
    http::Pagination pagination{filter->after ? 0 : filter->offset / filter->limit + 1, filter->limit,
                                result.page.total, std::nullopt};
    if (result.page.more) {
        pagination.next_cursor = http::encode_cursor(result.page.last_key);
    }
    co_return json::respond_list(views, std::move(pagination));
}

}  // namespace

void register_student_routes(http::Router& router, StudentService& students, files::FileService& files)
{
    const std::string read = std::string(permission::students_read);
    const std::string write = std::string(permission::students_write);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students",
                         .summary = "Students with their guardians, family, scholarships and enrollments; filters, "
                                    "search, page or cursor paging",
                         .tag = "students",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<StudentResponse>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) { return list_students(ctx, students, false); });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/enrolled",
                         .summary = "Students with an active enrollment (in a course or school year, when given)",
                         .tag = "students",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<StudentResponse>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) { return list_students(ctx, students, true); });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/next-id",
                         .summary = "The student code the next registration will get (nothing is reserved)",
                         .tag = "students",
                         .permission = write,
                         .response = &http::schema<NextCode>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto code = co_await ctx.offload([&] { return students.next_code(); });
                   co_return json::respond(NextCode{std::move(code)});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/students",
                         .summary = "Register a student with guardians and family, in one transaction",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<CreateStudentRequest>,
                         .response = &http::schema<StudentResponse>,
                         .success = Status::created},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateStudentRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto created =
                       co_await ctx.offload([&] { return students.create(input_of(*body), *ctx.principal); });
                   if (!created) {
                       co_return Response::from_error(created.error());
                   }
                   auto response = respond_student(Status::created, *created);
                   response.headers.set("Location",
                                        "/api/v1/students/" + std::to_string(created->record.student.student_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/{id:int}",
                         .summary = "One student with related data (ETag)",
                         .tag = "students",
                         .permission = read,
                         .response = &http::schema<StudentResponse>,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return students.get(ctx.path_int("id"), *ctx.principal); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return respond_student(Status::ok, *found);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/students/{id:int}",
                         .summary = "Replace a student's record, guardians and family (If-Match)",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<CreateStudentRequest>,
                         .response = &http::schema<StudentResponse>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateStudentRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto replaced = co_await ctx.offload([&] {
                       return students.replace(ctx.path_int("id"), input_of(*body), version, *ctx.principal);
                   });
                   if (!replaced) {
                       co_return Response::from_error(replaced.error());
                   }
                   co_return respond_student(Status::ok, *replaced);
               });

    router.add(RouteSpec{.method = Method::patch,
                         .path = "/students/{id:int}",
                         .summary = "Change some studentInfo fields (If-Match); null clears an optional one",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<StudentPatch>,
                         .response = &http::schema<StudentResponse>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<StudentPatch>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto change = patch_of(*body);
                   if (!change) {
                       co_return Response::from_error(change.error());
                   }
                   auto version = http::required_version(ctx);
                   auto patched = co_await ctx.offload(
                       [&] { return students.patch(ctx.path_int("id"), *change, version, *ctx.principal); });
                   if (!patched) {
                       co_return Response::from_error(patched.error());
                   }
                   co_return respond_student(Status::ok, *patched);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/students/{id:int}",
                         .summary = "Delete a student and their links (409 once grades or attendance record them: "
                                    "change the status instead)",
                         .tag = "students",
                         .permission = write,
                         .success = Status::no_content},
               [&students, &files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto removed = co_await ctx.offload([&] { return students.remove(ctx.path_int("id"), version); });
                   if (!removed) {
                       co_return Response::from_error(removed.error());
                   }
                   if (auto photo = *removed) {
                       co_await ctx.offload_write([&] { files.release(*photo); });
                   }
                   co_return Response::empty(Status::no_content);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/students/{id:int}/scholarships",
                         .summary = "Add a scholarship to a student",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<ScholarshipBody>,
                         .response = &http::schema<ScholarshipView>,
                         .success = Status::created,
                         .action = "students.scholarship_create"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<ScholarshipBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto id = ctx.path_int("id");
                   auto added = co_await ctx.offload([&] { return students.add_scholarship(id, scholarship_of(*body)); });
                   if (!added) {
                       co_return Response::from_error(added.error());
                   }
                   ctx.audit_resource_id = std::to_string(id);
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(added->scholarship_id) + "}";
                   auto response = json::respond(Status::created, scholarship_view(*added));
                   response.headers.set("Location", "/api/v1/students/" + std::to_string(id) + "/scholarships/" +
                                                        std::to_string(added->scholarship_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/students/{id:int}/scholarships/{scholarshipId:int}",
                         .summary = "Change a student's scholarship",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<ScholarshipBody>,
                         .response = &http::schema<ScholarshipView>,
                         .action = "students.scholarship_update"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<ScholarshipBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto s = scholarship_of(*body);
                   s.scholarship_id = ctx.path_int("scholarshipId");
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(s.scholarship_id) + "}";
                   auto updated = co_await ctx.offload([&] { return students.update_scholarship(ctx.path_int("id"), s); });
                   if (!updated) {
                       co_return Response::from_error(updated.error());
                   }
                   co_return json::respond(scholarship_view(*updated));
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/students/{id:int}/scholarships/{scholarshipId:int}",
                         .summary = "Remove a student's scholarship",
                         .tag = "students",
                         .permission = write,
                         .success = Status::no_content,
                         .action = "students.scholarship_delete"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto scholarship_id = ctx.path_int("scholarshipId");
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(scholarship_id) + "}";
                   auto removed = co_await ctx.offload(
                       [&] { return students.remove_scholarship(ctx.path_int("id"), scholarship_id); });
                   co_return json::respond_done(removed);
               });
}

}  // namespace sala::students
