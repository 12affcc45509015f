// See results_routes.hpp. Reads only: each answer is computed from the current grades, settings
// and attendance, and cached like any other read until the next write. The gradebook's
// spreadsheet is a download, which the activity log records.
#include "school/results/results_routes.hpp"

#include "auth/permissions.hpp"
#include "http/download.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/activity/audit.hpp"
#include "school/results/gradebook_sheets.hpp"
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

std::vector<http::QueryParam> period_params()
{
    return {{.name = "semesterId",
             .type = http::ParamType::integer,
             .description = "The semester (without month: the semester's results)"},
            {.name = "month",
             .type = http::ParamType::month,
             .description = "The month's results; neither: the school year's"}};
}

asio::awaitable<Response> export_gradebook(RequestContext& ctx, ResultsService& service)
{
    const auto semester_id = ctx.query_int("semesterId");
    const auto month = query_text(ctx, "month");
    auto book =
        co_await ctx.offload([&] { return service.gradebook(ctx.path_int("id"), semester_id, month, *ctx.principal); });
    if (!book) {
        co_return Response::from_error(book.error());
    }
    auto bytes = co_await ctx.offload([&] { return xlsx::render(gradebook_sheets(*book)); });
    activity::record_export(ctx, {.format = "xlsx",
                                  .rows = book->students.size(),
                                  .course_id = book->course.course_id,
                                  .semester_id = semester_id,
                                  .month = month});
    auto name = "Gradebook " + book->course.name + " " + book->period.name;
    co_return http::download(xlsx::kMediaType, std::move(bytes), http::safe_filename(name, ".xlsx", "gradebook"));
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
                         .query = period_params(),
                         .response = &http::schema<GradebookView>,
                         .cached = true},
               [service](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto book = co_await ctx.offload([&] {
                       return service->gradebook(ctx.path_int("id"), ctx.query_int("semesterId"),
                                                 query_text(ctx, "month"), *ctx.principal);
                   });
                   co_return json::respond(Status::ok, book);
               });

    auto export_query = period_params();
    export_query.push_back({.name = "format", .description = "The file format", .allowed = {"xlsx"}, .required = true});
    router.add(RouteSpec{.method = Method::get,
                         .path = "/courses/{id:int}/gradebook/export",
                         .summary = "The gradebook as a spreadsheet: students with each subject's result, average, "
                                    "letter and rank (numbers to two decimals), and the class statistics by gender",
                         .tag = "results",
                         .permission = read,
                         .query = std::move(export_query),
                         .produces = std::string(xlsx::kMediaType),
                         .action = "export.gradebook"},
               [service](RequestContext& ctx) { return export_gradebook(ctx, *service); });

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
