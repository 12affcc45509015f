// See results_routes.hpp. Reads only: each answer is computed from the current grades, settings
// and attendance, and cached like any other read until the next write.
#include "school/results/results_routes.hpp"

#include "auth/permissions.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/results/results_service.hpp"

#include <memory>

namespace asio = boost::asio;

namespace sala::results {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

std::optional<std::string> query_text(const RequestContext& ctx, std::string_view name)
{
    if (auto v = ctx.query(name)) {
        return std::string(*v);
    }
    return std::nullopt;
}

}  // namespace

void register_results_routes(http::Router& router, db::Database& db)
{
    auto service = std::make_shared<ResultsService>(db);
    const std::string read(permission::grades_read);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}/gradebook",
                         .summary = "A course's students × subjects for a month, a semester or the year: subject "
                                    "results, averages, letters, ranks and class statistics by gender",
                         .tag = "results",
                         .permission = read,
                         .query = {{.name = "semesterId",
                                    .type = http::ParamType::integer,
                                    .description = "The semester (without month: the semester's results)"},
                                   {.name = "month",
                                    .type = http::ParamType::month,
                                    .description = "The month's results; neither: the school year's"}},
                         .response = &http::schema<GradebookView>,
                         .cached = true},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto book = co_await ctx.offload([&] {
                       return service->gradebook(ctx.path_int("id"), ctx.query_int("semesterId"),
                                                 query_text(ctx, "month"), *ctx.principal);
                   });
                   co_return json::respond(Status::ok, book);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/{id:int}/report-card",
                         .summary = "A student's monthly, semester and year results per subject with averages, "
                                    "letters, ranks in the course and attendance (the report card's data)",
                         .tag = "results",
                         .permission = read,
                         .query = {{.name = "schoolYearId",
                                    .type = http::ParamType::integer,
                                    .description = "The school year (default: the current one)"}},
                         .response = &http::schema<ReportCardView>,
                         .cached = true},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto card = co_await ctx.offload([&] {
                       return service->report_card(ctx.path_int("id"), ctx.query_int("schoolYearId"), *ctx.principal);
                   });
                   co_return json::respond(Status::ok, card);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/learning-quality",
                         .summary = "Per course and for the school: average, pass rate, letters by gender, "
                                    "attendance rate and the month-by-month trend (teachers: their courses)",
                         .tag = "results",
                         .permission = read,
                         .query = {{.name = "schoolYearId",
                                    .type = http::ParamType::integer,
                                    .description = "The school year (default: the current one)"},
                                   {.name = "semesterId",
                                    .type = http::ParamType::integer,
                                    .description = "One semester instead of the whole year"},
                                   {.name = "courseId", .type = http::ParamType::integer, .description = "One course"}},
                         .response = &http::schema<LearningQualityView>,
                         .cached = true},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto quality = co_await ctx.offload([&] {
                       return service->learning_quality(ctx.query_int("schoolYearId"), ctx.query_int("semesterId"),
                                                        ctx.query_int("courseId"), *ctx.principal);
                   });
                   co_return json::respond(Status::ok, quality);
               });
}

}  // namespace sala::results
