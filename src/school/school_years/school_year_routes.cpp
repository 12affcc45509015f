// The school-year routes. Every school year in a response carries its months (core/calendar),
// which monthly reports key on; single years carry their row_version as the ETag.
#include "school/school_years/school_year_routes.hpp"

#include "auth/permissions.hpp"
#include "core/calendar.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/school_years/school_year_service.hpp"

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

struct MonthView {
    std::string month;  // "2025-11"
    std::string name_en;
    std::string name_kh;
};
BOOST_DESCRIBE_STRUCT(MonthView, (), (month, name_en, name_kh))

struct SchoolYearView {
    std::int64_t school_year_id = 0;
    std::string name;
    Date start_date;
    Date end_date;
    bool is_current = false;
    std::vector<MonthView> months;
    TimePoint created_at;
    TimePoint updated_at;
};
BOOST_DESCRIBE_STRUCT(SchoolYearView, (),
                      (school_year_id, name, start_date, end_date, is_current, months, created_at, updated_at))

// POST and PUT. isCurrent absent: false on create, unchanged on replace.
struct SchoolYearRequest {
    std::string name;
    Date start_date;
    Date end_date;
    std::optional<bool> is_current;
};
BOOST_DESCRIBE_STRUCT(SchoolYearRequest, (), (name, start_date, end_date, is_current))

SchoolYearView view(const SchoolYear& y)
{
    SchoolYearView v{y.school_year_id, y.name, y.start_date, y.end_date, y.is_current, {}, y.created_at, y.updated_at};
    for (const auto& m : months_covered(y.start_date, y.end_date)) {
        v.months.push_back(MonthView{m.key, std::string(m.name_en), std::string(m.name_kh)});
    }
    return v;
}

Response respond_year(const Result<SchoolYear>& year, Status status = Status::ok)
{
    return http::respond_versioned(status, year, [](const SchoolYear& x) { return view(x); });
}

SchoolYearInput input_of(const SchoolYearRequest& r)
{
    return SchoolYearInput{r.name, r.start_date, r.end_date, r.is_current};
}

constexpr http::SortField kSortable[] = {
    {"name", "lower(name)"},
    {"startDate", "start_date"},
    {"endDate", "end_date"},
    {"createdAt", "created_at"},
};

}  // namespace

void register_school_year_routes(http::Router& router, db::Database& db, const Clock& clock)
{
    auto years = std::make_shared<SchoolYearService>(db, clock);
    const std::string read(permission::courses_read);
    const std::string manage(permission::school_manage);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/school-years",
                         .summary = "School years, newest first by default, each with the months it covers",
                         .tag = "school-years",
                         .permission = read,
                         .query = http::list_params(kSortable),
                         .response = &http::schema<SchoolYearView>,
                         .list = true,
                         .cached = true},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "-startDate", "school_year_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   SchoolYearFilter filter{.order_by = page->order_by, .page = page->page, .limit = page->limit};
                   auto result = co_await ctx.offload([&] { return years->list(filter); });
                   std::vector<SchoolYearView> views;
                   for (const auto& y : result.school_years) {
                       views.push_back(view(y));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/school-years",
                         .summary = "Create a school year (isCurrent: true makes every other year not current)",
                         .tag = "school-years",
                         .permission = manage,
                         .request = &http::schema<SchoolYearRequest>,
                         .response = &http::schema<SchoolYearView>,
                         .success = Status::created},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SchoolYearRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto year = co_await ctx.offload([&] { return years->create(input_of(*body)); });
                   auto response = respond_year(year, Status::created);
                   if (year) {
                       response.headers.set("Location", "/api/v1/school-years/" + std::to_string(year->school_year_id));
                   }
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/school-years/current",
                         .summary = "The current school year (404 when none is current)",
                         .tag = "school-years",
                         .permission = read,
                         .response = &http::schema<SchoolYearView>,
                         .cached = true},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto year = co_await ctx.offload([&] { return years->current(); });
                   co_return respond_year(year);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/school-years/{id:int}",
                         .summary = "One school year",
                         .tag = "school-years",
                         .permission = read,
                         .response = &http::schema<SchoolYearView>,
                         .cached = true},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto year = co_await ctx.offload([&] { return years->get(ctx.path_int("id")); });
                   co_return respond_year(year);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/school-years/{id:int}",
                         .summary = "Replace a school year's name and dates (its semesters must stay inside); "
                                    "isCurrent, when given, sets it",
                         .tag = "school-years",
                         .permission = manage,
                         .request = &http::schema<SchoolYearRequest>,
                         .response = &http::schema<SchoolYearView>},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<SchoolYearRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto year = co_await ctx.offload(
                       [&] { return years->update(ctx.path_int("id"), input_of(*body), version); });
                   co_return respond_year(year);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/school-years/{id:int}",
                         .summary = "Delete a school year that has no semesters and no classes",
                         .tag = "school-years",
                         .permission = manage,
                         .success = Status::no_content},
               [years](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload([&] { return years->remove(ctx.path_int("id"), version); });
                   co_return json::respond_done(result);
               });
}

}  // namespace sala::school_years
