// The enrollment routes: CRUD in the seed's shape, each enrollment with its student and course.
#include "school/enrollments/enrollment_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/enrollments/enrollment_service.hpp"

namespace asio = boost::asio;

namespace sala::enrollments {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct EnrollmentBody {
    std::optional<std::int64_t> student_id;  // required on POST; on PUT, if given, the same student
    std::int64_t course_id = 0;
    std::optional<Date> enrollment_date;     // default today
    std::optional<std::string> status;       // default active
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
};
BOOST_DESCRIBE_STRUCT(EnrollmentBody, (),
                      (student_id, course_id, enrollment_date, status, drop_semester_id, drop_reason))

struct StudentView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
    std::string status;
};
BOOST_DESCRIBE_STRUCT(StudentView, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, gender, status))

struct CourseView {
    std::int64_t course_id = 0;
    std::string name;
    std::int64_t grade_level = 0;
    std::string section;
    std::int64_t school_year_id = 0;
};
BOOST_DESCRIBE_STRUCT(CourseView, (), (course_id, name, grade_level, section, school_year_id))

struct EnrollmentView {
    std::int64_t enrollment_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    Date enrollment_date;
    std::string status;
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
    TimePoint created_at;
    TimePoint updated_at;
    StudentView student;
    CourseView course;
};
BOOST_DESCRIBE_STRUCT(EnrollmentView, (),
                      (enrollment_id, student_id, course_id, school_year_id, enrollment_date, status, drop_semester_id,
                       drop_reason, created_at, updated_at, student, course))

EnrollmentView view(const Enrollment& e)
{
    const auto& s = e.student;
    const auto& c = e.course;
    return EnrollmentView{e.enrollment_id,
                          e.student_id,
                          e.course_id,
                          e.school_year_id,
                          e.enrollment_date,
                          e.status,
                          e.drop_semester_id,
                          e.drop_reason,
                          e.created_at,
                          e.updated_at,
                          StudentView{s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh,
                                      s.last_name_kh, s.gender, s.status},
                          CourseView{c.course_id, c.name, c.grade_level, c.section, c.school_year_id}};
}

Response respond_enrollment(Status status, const Result<Enrollment>& e)
{
    return http::respond_versioned(status, e, [](const Enrollment& x) { return view(x); });
}

EnrollmentInput input_of(const EnrollmentBody& b)
{
    return EnrollmentInput{b.student_id.value_or(0), b.course_id,        b.enrollment_date, b.status.value_or("active"),
                           b.drop_semester_id,       b.drop_reason};
}

constexpr http::SortField kSortable[] = {
    {"enrollmentDate", "e.enrollment_date"}, {"status", "e.status"},      {"studentCode", "s.student_code"},
    {"lastName", "s.last_name"},             {"firstName", "s.first_name"}, {"courseName", "c.name"},
    {"gradeLevel", "c.grade_level"},         {"createdAt", "e.created_at"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "studentId", .type = http::ParamType::integer, .description = "This student's"});
    params.push_back({.name = "courseId", .type = http::ParamType::integer, .description = "In this course"});
    params.push_back(
        {.name = "schoolYearId", .type = http::ParamType::integer, .description = "In this school year"});
    params.push_back({.name = "status",
                      .description = "Enrollment status",
                      .allowed = {"active", "dropped", "transferred", "completed"}});
    params.push_back({.name = "teacherId",
                      .type = http::ParamType::integer,
                      .description = "In courses this teacher teaches (homeroom or a subject)"});
    return params;
}

}  // namespace

void register_enrollment_routes(http::Router& router, EnrollmentService& enrollments)
{
    router.add(RouteSpec{.method = Method::get,
                         .path = "/enrollments",
                         .summary = "Enrollments with their students and courses; filter by student, course, year, "
                                    "status or teacher",
                         .tag = "enrollments",
                         .permission = std::string(permission::courses_read),
                         .query = list_query(),
                         .response = &http::schema<EnrollmentView>,
                         .list = true,
                         .cached = true},
               [&enrollments](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "courseName,lastName,firstName", "e.enrollment_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   EnrollmentFilter filter;
                   filter.student_id = ctx.query_int("studentId");
                   filter.course_id = ctx.query_int("courseId");
                   filter.school_year_id = ctx.query_int("schoolYearId");
                   if (auto status = ctx.query("status")) {
                       filter.status = std::string(*status);
                   }
                   filter.teacher_id = ctx.query_int("teacherId");
                   filter.order_by = page->order_by;
                   filter.page = page->page;
                   filter.limit = page->limit;
                   auto result = co_await ctx.offload([&] { return enrollments.list(filter); });
                   std::vector<EnrollmentView> views;
                   for (const auto& e : result.enrollments) {
                       views.push_back(view(e));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/enrollments/{id:int}",
                         .summary = "One enrollment (ETag)",
                         .tag = "enrollments",
                         .permission = std::string(permission::courses_read),
                         .response = &http::schema<EnrollmentView>,
                         .cached = true},
               [&enrollments](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return enrollments.get(ctx.path_int("id")); });
                   co_return respond_enrollment(Status::ok, found);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/enrollments",
                         .summary = "Enroll a student in a course (409: already enrolled this year, or the course "
                                    "is full)",
                         .tag = "enrollments",
                         .permission = std::string(permission::courses_write),
                         .request = &http::schema<EnrollmentBody>,
                         .response = &http::schema<EnrollmentView>,
                         .success = Status::created},
               [&enrollments](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<EnrollmentBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   if (!body->student_id) {
                       FieldErrors errors;
                       errors.add("studentId", "REQUIRED");
                       co_return Response::from_error(errors.to_error());
                   }
                   auto created = co_await ctx.offload([&] { return enrollments.create(input_of(*body), *ctx.principal); });
                   auto response = respond_enrollment(Status::created, created);
                   if (created) {
                       response.headers.set("Location", "/api/v1/enrollments/" + std::to_string(created->enrollment_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/enrollments/{id:int}",
                         .summary = "Change an enrollment: its course, date, status or drop details (If-Match)",
                         .tag = "enrollments",
                         .permission = std::string(permission::courses_write),
                         .request = &http::schema<EnrollmentBody>,
                         .response = &http::schema<EnrollmentView>},
               [&enrollments](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<EnrollmentBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto updated = co_await ctx.offload([&] {
                       return enrollments.update(ctx.path_int("id"), input_of(*body), version, *ctx.principal);
                   });
                   co_return respond_enrollment(Status::ok, updated);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/enrollments/{id:int}",
                         .summary = "Delete an enrollment (its place in the course is freed; If-Match)",
                         .tag = "enrollments",
                         .permission = std::string(permission::courses_write),
                         .success = Status::no_content},
               [&enrollments](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto removed = co_await ctx.offload(
                       [&] { return enrollments.remove(ctx.path_int("id"), version, *ctx.principal); });
                   co_return json::respond_done(removed);
               });
}

}  // namespace sala::enrollments
