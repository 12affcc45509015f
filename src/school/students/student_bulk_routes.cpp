// The export (CSV or xlsx) and CSV import of student records over HTTP: media types, the dry-run
// switch, the report (with localized messages) and the 422 that says why a real run wrote nothing.
// The work itself is StudentImport's and student_export.hpp's, on a worker thread.
#include "school/students/student_bulk_routes.hpp"

#include "auth/permissions.hpp"
#include "core/validation.hpp"
#include "http/download.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "reports/xlsx/xlsx.hpp"
#include "school/activity/audit.hpp"
#include "school/students/student.hpp"
#include "school/students/student_export.hpp"
#include "school/students/student_import.hpp"

#include <set>

namespace asio = boost::asio;

namespace sala::students {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;

struct ImportErrorView {
    std::int64_t row = 0;
    std::string column;
    std::string code;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(ImportErrorView, (), (row, column, code, message))

struct ImportReportView {
    bool dry_run = false;
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::vector<ImportErrorView> errors;
};
BOOST_DESCRIBE_STRUCT(ImportReportView, (), (dry_run, rows, created, updated, unchanged, errors))

struct ImportCounts {
    bool dry_run = false;
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t errors = 0;
};
BOOST_DESCRIBE_STRUCT(ImportCounts, (), (dry_run, rows, created, updated, unchanged, errors))

std::int64_t as_int(std::size_t n)
{
    return static_cast<std::int64_t>(n);
}

ImportReportView view(const ImportReport& report, Locale locale)
{
    ImportReportView v{report.dry_run,         as_int(report.rows),      as_int(report.created),
                       as_int(report.updated), as_int(report.unchanged), {}};
    for (const auto& e : report.errors) {
        v.errors.push_back(ImportErrorView{as_int(e.row), e.column, e.code, translate(locale, e.message_key, e.args)});
    }
    return v;
}

// The activity log keeps the counts, never the data.
std::string audit_details(const ImportReport& report)
{
    return json::dump(ImportCounts{report.dry_run, as_int(report.rows), as_int(report.created),
                                   as_int(report.updated), as_int(report.unchanged), as_int(report.errors.size())});
}

// A real run with errors writes nothing: a 422 whose details name each cell as rows[N].column.
Error rejection(const ImportReport& report)
{
    std::set<std::size_t> rows;
    std::vector<FieldError> details;
    for (const auto& e : report.errors) {
        rows.insert(e.row);
        auto field = "rows[" + std::to_string(e.row) + "]" + (e.column.empty() ? "" : "." + e.column);
        details.push_back(FieldError{std::move(field), e.code, e.message_key, e.args});
    }
    Error error = validation_failed(std::move(details));
    error.message_key = "error.import_rejected";
    error.args = {{"count", std::to_string(rows.size())}, {"rows", std::to_string(report.rows)}};
    return error;
}

// The charset parameter of a Content-Type, if any, lower-cased and unquoted.
std::optional<std::string> charset_of(std::string_view content_type)
{
    auto lowered = ascii_lowered(content_type);
    auto at = lowered.find("charset=");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    auto value = lowered.substr(at + 8);
    value = value.substr(0, value.find(';'));
    std::erase(value, '"');
    std::erase(value, ' ');
    return value;
}

bool is_utf8_charset(std::string_view content_type)
{
    auto charset = charset_of(content_type);
    return !charset || *charset == "utf-8" || *charset == "utf8" || *charset == "us-ascii";
}

asio::awaitable<Response> import_students(RequestContext& ctx, StudentImport importer)
{
    if (!is_utf8_charset(ctx.request().headers.get("Content-Type").value_or(""))) {
        co_return Response::from_error(make_error(ErrorCode::unsupported_media_type, "error.csv_charset"));
    }
    ImportOptions options;
    options.dry_run = ctx.query_bool("dryRun").value_or(false);
    auto result = co_await ctx.offload([&] { return importer.run(ctx.request().body, options); });
    if (!result) {
        co_return Response::from_error(result.error());
    }
    if (!options.dry_run && !result->errors.empty()) {
        co_return Response::from_error(rejection(*result));
    }
    ctx.audit_details = audit_details(*result);
    co_return json::respond(view(*result, ctx.locale()));
}

asio::awaitable<Response> export_students(RequestContext& ctx, db::Database& db)
{
    std::optional<std::string> status;
    if (auto s = ctx.query("status")) {
        status = std::string(*s);
    }
    const std::string format(ctx.query("format").value_or("csv"));
    auto file =
        co_await ctx.offload([&] { return format == "xlsx" ? export_xlsx(db, status) : export_csv(db, status); });
    activity::record_export(ctx, {.format = format, .rows = file.rows, .status = status});
    if (format == "xlsx") {
        co_return http::download(xlsx::kMediaType, std::move(file.bytes), "students.xlsx");
    }
    co_return http::download("text/csv; charset=utf-8", std::move(file.bytes), "students.csv");
}

}  // namespace

void register_student_bulk_routes(http::Router& router, db::Database& db, StudentService& students,
                                  const Clock& clock, std::size_t upload_limit)
{
    const std::string bulk = std::string(auth::permission::students_bulk);
    std::vector<std::string> statuses(std::begin(kStatuses), std::end(kStatuses));

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/export",
                         .summary = "Every student, ordered by student code, in the columns the import reads: CSV "
                                    "(UTF-8 with BOM) or an xlsx sheet (dates, numbers and booleans as typed cells)",
                         .tag = "students",
                         .permission = bulk,
                         .query = {{.name = "format",
                                    .description = "The file format",
                                    .allowed = {"csv", "xlsx"},
                                    .required = true},
                                   {.name = "status", .description = "Only students with this status",
                                    .allowed = statuses}},
                         .produces = "text/csv, " + std::string(xlsx::kMediaType),
                         .action = "export.students"},
               [&db](RequestContext& ctx) { return export_students(ctx, db); });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/students/import",
                         .summary = "Create and update students from CSV (UTF-8, `,` `;` or tab); a row whose "
                                    "studentCode exists updates that student. dryRun=true reports every row's "
                                    "errors and writes nothing; a real run writes all rows or, on any error, none (422)",
                         .tag = "students",
                         .permission = bulk,
                         .query = {{.name = "dryRun",
                                    .type = http::ParamType::boolean,
                                    .description = "Check and count, write nothing"}},
                         .response = &http::schema<ImportReportView>,
                         .consumes = {"text/csv"},
                         .max_body = upload_limit,
                         .action = "students.import"},
               [&db, &students, &clock](RequestContext& ctx) {
                   return import_students(ctx, StudentImport(db, students, clock));
               });
}

}  // namespace sala::students
