// See printing_routes.hpp. A document is answered as application/pdf with a Content-Disposition
// filename, or, when the client accepts only JSON, as the seed's {buffer (base64), filename, size,
// generatedAt}. Every document printed is an activity-log entry naming the ids it was printed for.
#include "school/printing/printing_routes.hpp"

#include "auth/permissions.hpp"
#include "http/json.hpp"
#include "core/worker_pool.hpp"
#include "http/json_schema.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include <functional>

namespace asio = boost::asio;
namespace bj = boost::json;

namespace sala::printing {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

struct PrintedView {
    std::string buffer;  // the PDF, base64
    std::string filename;
    std::int64_t size = 0;
    TimePoint generated_at;
};
BOOST_DESCRIBE_STRUCT(PrintedView, (), (buffer, filename, size, generated_at))

std::string base64(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        auto n = (std::uint32_t(std::uint8_t(bytes[i])) << 16) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) |
                 std::uint8_t(bytes[i + 2]);
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
    }
    if (i < bytes.size()) {
        std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size()) {
            n |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        }
        out += kAlphabet[n >> 18];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// JSON only when the client asks for it and not for the PDF itself.
bool wants_json(const RequestContext& ctx)
{
    auto accept = ctx.request().headers.get("Accept").value_or("");
    return accept.find("application/json") != std::string_view::npos &&
           accept.find("application/pdf") == std::string_view::npos;
}

Response respond_printed(RequestContext& ctx, Printed printed, std::string_view document)
{
    bj::object details{{"document", document}, {"filename", printed.filename}, {"size", printed.bytes.size()}};
    if (printed.course_id) {
        details["courseId"] = *printed.course_id;
    }
    if (!printed.student_ids.empty()) {
        details["studentIds"] = bj::value_from(printed.student_ids);
    }
    ctx.audit_details = bj::serialize(details);
    if (printed.course_id) {
        ctx.audit_resource_id = std::to_string(*printed.course_id);
    } else if (printed.student_ids.size() == 1) {
        ctx.audit_resource_id = std::to_string(printed.student_ids.front());
    }
    if (wants_json(ctx)) {
        auto size = static_cast<std::int64_t>(printed.bytes.size());
        return json::respond(Status::ok, PrintedView{base64(printed.bytes), printed.filename, size, ctx.now()});
    }
    auto response = Response::raw(Status::ok, printed.content_type, std::move(printed.bytes));
    response.headers.set("Content-Disposition", "attachment; filename=\"" + printed.filename + "\"");
    response.headers.set("Cache-Control", "no-store");
    return response;
}

template <class Body>
using PrintFn = std::function<Result<Printed>(const Body&, const Principal&)>;

template <class Body>
void add_document(http::Router& router, std::string name, std::string summary, std::string permission,
                  WorkerPool& readers, PrintFn<Body> print)
{
    auto document = name;
    router.add(RouteSpec{.method = Method::post,
                         .path = "/pdf-generate/generate-" + name,
                         .summary = std::move(summary),
                         .tag = "documents",
                         .permission = std::move(permission),
                         .request = &http::schema<Body>,
                         .response = &http::schema<PrintedView>,
                         .produces = "application/pdf",
                         .action = "documents." + name,
                         .replayable = false},
               [print, document, &readers](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<Body>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   // Printing reads and renders and changes nothing: it runs on the read pool, not
                   // on the writer's queue (one thread on SQLite) where ctx.offload puts a POST.
                   auto printed = co_await readers.offload([&] { return print(*body, *ctx.principal); });
                   if (!printed) {
                       co_return Response::from_error(printed.error());
                   }
                   co_return respond_printed(ctx, std::move(*printed), document);
               });
}

}  // namespace

void register_printing_routes(http::Router& router, PrintingService& printing, WorkerPool& readers)
{
    const std::string grades(permission::grades_read);
    const std::string who = " Admins (reports:generate); teachers of the course when the school allows it.";

    add_document<ReportCardRequest>(
        router, "student-report-card",
        "A student's report card (studentId) or a whole class's (courseId), for a month, a semester or the year." + who,
        grades, readers, [&printing](const auto& body, const auto& p) { return printing.report_cards(body, p); });
    add_document<CourseReportRequest>(
        router, "grade-report",
        "A course's students by rank with average, letter and result, and the class statistics." + who, grades, readers,
        [&printing](const auto& body, const auto& p) { return printing.course_results(body, false, p); });
    add_document<CourseReportRequest>(
        router, "gradebook-report",
        "A course's gradebook: students × subjects with averages, letters and ranks (landscape)." + who, grades, readers,
        [&printing](const auto& body, const auto& p) { return printing.course_results(body, true, p); });
}

}  // namespace sala::printing
