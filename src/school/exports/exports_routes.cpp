// See exports_routes.hpp. The body is checked by its described shape (400 for malformed JSON, 422
// for a missing or mistyped member), then by render_excel's rules; the file is rendered on the
// read pool (it writes nothing) and named from the sanitised `filename`.
#include "school/exports/exports_routes.hpp"

#include "auth/permissions.hpp"
#include "http/download.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "reports/xlsx/xlsx.hpp"
#include "school/activity/audit.hpp"
#include "school/exports/excel_export.hpp"

namespace asio = boost::asio;

namespace sala::exports {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;

// The seed's shape. `data` rows are objects keyed by header names, or arrays in header order.
struct ExportExcelBody {
    std::vector<boost::json::value> data;
    std::vector<std::string> headers;
    std::optional<std::string> filename;    // default "export.xlsx"; ".xlsx" is added when missing
    std::optional<std::string> sheet_name;  // default "Sheet1"
};
BOOST_DESCRIBE_STRUCT(ExportExcelBody, (), (data, headers, filename, sheet_name))

asio::awaitable<Response> export_excel(RequestContext& ctx)
{
    auto body = http::parse_body<ExportExcelBody>(ctx.request());
    if (!body) {
        co_return Response::from_error(body.error());
    }
    const auto filename = http::safe_filename(body->filename.value_or(""), ".xlsx", "export");
    ExcelRequest request{std::move(body->headers), std::move(body->data), std::move(body->sheet_name)};
    auto file = co_await ctx.offload_read([&] { return render_excel(request); });
    if (!file) {
        co_return Response::from_error(file.error());
    }
    activity::record_export(ctx, {.format = "xlsx", .rows = file->rows, .filename = filename});
    co_return http::download(xlsx::kMediaType, std::move(file->bytes), filename);
}

}  // namespace

void register_export_routes(http::Router& router)
{
    router.add(RouteSpec{.method = Method::post,
                         .path = "/export-excel",
                         .summary = "Any table as an xlsx file: headers (1 to " + std::to_string(kMaxColumns) +
                                    ", unique) and data rows (at most " + std::to_string(kMaxRows) +
                                    ") as objects keyed by header or arrays in header order, each cell a string, "
                                    "number, boolean or null; filename and sheetName are made safe",
                         .tag = "exports",
                         .permission = std::string(auth::permission::reports_generate),
                         .request = &http::schema<ExportExcelBody>,
                         .produces = std::string(xlsx::kMediaType),
                         .action = "export.excel",
                         // It changes nothing, so a retry is harmless; a stored copy would only cost space.
                         .replayable = false},
               export_excel);
}

}  // namespace sala::exports
