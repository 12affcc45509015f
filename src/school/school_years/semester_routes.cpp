// The semester routes: /semesters, and each school year's semesters in order
// (/school-years/{id}/semesters). Single semesters carry their row_version as the ETag.
#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/school_years/school_year_routes.hpp"
#include "school/school_years/school_year_service.hpp"
#include "school/school_years/semester_service.hpp"

#include <memory>

namespace asio = boost::asio;

namespace sala::school_years {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct SemesterView {
    std::int64_t semester_id = 0;
    std::int64_t school_year_id = 0;
    std::string name;
    std::int64_t order = 0;
    Date start_date;
    Date end_date;
    TimePoint created_at;
    TimePoint updated_at;
};
BOOST_DESCRIBE_STRUCT(SemesterView, (),
                      (semester_id, school_year_id, name, order, start_date, end_date, created_at, updated_at))

struct SemesterRequest {
    std::int64_t school_year_id = 0;
    std::string name;
    std::int64_t order = 0;  // 1 for the first semester of the year
    Date start_date;
    Date end_date;
};
BOOST_DESCRIBE_STRUCT(SemesterRequest, (), (school_year_id, name, order, start_date, end_date))

SemesterView view(const Semester& s)
{
    return SemesterView{s.semester_id, s.school_year_id, s.name,        s.order,
                        s.start_date,  s.end_date,       s.created_at, s.updated_at};
}

Response respond_semester(const Result<Semester>& semester, Status status = Status::ok)
{
    return http::respond_versioned(status, semester, [](const Semester& x) { return view(x); });
}

SemesterInput input_of(const SemesterRequest& r)
{
    return SemesterInput{r.school_year_id, r.name, r.order, r.start_date, r.end_date};
}

constexpr http::SortField kSortable[] = {
    {"startDate", "start_date"},
    {"order", "semester_order"},
    {"name", "lower(name)"},
    {"createdAt", "created_at"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back(
        {.name = "schoolYearId", .type = http::ParamType::integer, .description = "Only this school year's semesters"});
    return params;
}

}  // namespace

void register_semester_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    auto semesters = std::make_shared<SemesterService>(db, clock);
    auto years = std::make_shared<SchoolYearService>(db, clock);
    const std::string read(permission::courses_read);
    const std::string manage(permission::school_manage);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/school-years/{id:int}/semesters",
                         .summary = "A school year's semesters, in order",
                         .tag = "semesters",
                         .permission = read,
                         .response = &http::schema<std::vector<SemesterView>>,
                         .cached = true},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto result = co_await ctx.offload([&] { return years->semesters(ctx.path_int("id")); });
                   if (!result) {
                       co_return Response::from_error(result.error());
                   }
                   std::vector<SemesterView> views;
                   for (const auto& s : *result) {
                       views.push_back(view(s));
                   }
                   co_return json::respond(views);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/semesters",
                         .summary = "Semesters, by start date unless sorted otherwise; filter by school year",
                         .tag = "semesters",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<SemesterView>,
                         .list = true,
                         .cached = true},
               [semesters](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "startDate", "semester_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   SemesterFilter filter{.school_year_id = ctx.query_int("schoolYearId"),
                                         .order_by = page->order_by,
                                         .page = page->page,
                                         .limit = page->limit};
                   auto result = co_await ctx.offload([&] { return semesters->list(filter); });
                   std::vector<SemesterView> views;
                   for (const auto& s : result.semesters) {
                       views.push_back(view(s));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/semesters",
                         .summary = "Create a semester inside its school year, overlapping no other",
                         .tag = "semesters",
                         .permission = manage,
                         .request = &http::schema<SemesterRequest>,
                         .response = &http::schema<SemesterView>,
                         .success = Status::created},
               [semesters](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SemesterRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto semester = co_await ctx.offload([&] { return semesters->create(input_of(*body)); });
                   auto response = respond_semester(semester, Status::created);
                   if (semester) {
                       response.headers.set("Location", "/api/v1/semesters/" + std::to_string(semester->semester_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/semesters/{id:int}",
                         .summary = "One semester",
                         .tag = "semesters",
                         .permission = read,
                         .response = &http::schema<SemesterView>,
                         .cached = true},
               [semesters](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto semester = co_await ctx.offload([&] { return semesters->get(ctx.path_int("id")); });
                   co_return respond_semester(semester);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/semesters/{id:int}",
                         .summary = "Replace a semester",
                         .tag = "semesters",
                         .permission = manage,
                         .request = &http::schema<SemesterRequest>,
                         .response = &http::schema<SemesterView>},
               [semesters](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SemesterRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto semester = co_await ctx.offload(
                       [&] { return semesters->update(ctx.path_int("id"), input_of(*body), version); });
                   co_return respond_semester(semester);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/semesters/{id:int}",
                         .summary = "Delete a semester no enrollment refers to",
                         .tag = "semesters",
                         .permission = manage,
                         .success = Status::no_content},
               [semesters](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload([&] { return semesters->remove(ctx.path_int("id"), version); });
                   co_return json::respond_done(result);
               });
}

}  // namespace sala::school_years
