// See printing_routes.hpp. A document is answered as application/pdf with a Content-Disposition
// filename, or, when the client accepts only JSON, as the seed's {buffer (base64), filename, size,
// generatedAt}. Every document printed is an activity-log entry naming the ids it was printed for.
#include "school/printing/printing_routes.hpp"

#include "auth/crypto.hpp"
#include "auth/permissions.hpp"
#include "http/download.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "school/activity/audit.hpp"

#include <functional>
#include <map>
#include <memory>

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

// JSON only when the client asks for it and not for the PDF itself.
bool wants_json(const RequestContext& ctx)
{
    auto accept = ctx.request().headers.get("Accept").value_or("");
    return accept.find("application/json") != std::string_view::npos &&
           accept.find("application/pdf") == std::string_view::npos;
}

Response respond_printed(RequestContext& ctx, Printed printed, std::string_view document)
{
    auto filename = http::safe_filename(printed.filename, ".pdf", "document");
    activity::record_export(ctx, {.format = "pdf",
                                  .document = std::string(document),
                                  .size = printed.bytes.size(),
                                  .student_ids = printed.student_ids,
                                  .course_id = printed.course_id,
                                  .filename = filename});
    if (wants_json(ctx)) {
        auto size = static_cast<std::int64_t>(printed.bytes.size());
        return json::respond(Status::ok, PrintedView{auth::base64_encode(printed.bytes), filename, size, ctx.now()});
    }
    return http::download("application/pdf", std::move(printed.bytes), filename);
}

// One document's printing from its JSON body (or generate-pdf's `data`, at `path`), with the
// options to use when the body has none. Each kind of document is registered once and serves both
// its own route and generate-pdf.
using Printer = std::function<Result<Printed>(const bj::value& body, const std::string& path,
                                              const std::optional<PrintOptions>& options, const Principal& who)>;

std::string at(const std::string& path, std::string_view field)
{
    return path.empty() ? std::string(field) : path + "." + std::string(field);
}

// `period`: the one a generate-pdf report type implies ("grade-report-monthly": month).
template <class Body, class Print>
Printer printer(Print print, std::optional<std::string> period = std::nullopt)
{
    return [print, period](const bj::value& in, const std::string& path, const std::optional<PrintOptions>& options,
                           const Principal& who) -> Result<Printed> {
        Body body{};
        FieldErrors errors;
        json::read(in, body, path, errors);
        if constexpr (requires { body.period; }) {
            if (period) {
                if (body.period && *body.period != *period) {
                    errors.add(at(path, "period"), "INVALID_VALUE", {{"allowed", *period}});
                }
                body.period = period;
            }
        }
        if (!errors.empty()) {
            return errors.to_error();
        }
        if (!body.options) {
            body.options = options;
        }
        return print(body, who);
    };
}

// Printing reads and renders and changes nothing: it runs off the writer's queue.
asio::awaitable<Response> print_document(RequestContext& ctx, const Printer& print, const bj::value& body,
                                         const std::string& path, const std::optional<PrintOptions>& options,
                                         std::string_view document)
{
    auto printed = co_await ctx.offload_read([&] { return print(body, path, options, *ctx.principal); });
    if (!printed) {
        co_return Response::from_error(printed.error());
    }
    co_return respond_printed(ctx, std::move(*printed), document);
}

template <class Body>
void add_document(http::Router& router, const std::string& name, std::string summary, std::string permission,
                  Printer print)
{
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
               [print = std::move(print), name](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = json::parse_json(ctx.request().body);
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   co_return co_await print_document(ctx, print, *body, "", std::nullopt, name);
               });
}

// POST /pdf-generate/generate-pdf: the seed's {reportType, data, options}.
struct GeneratePdfBody {
    std::string report_type;
    bj::value data;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(GeneratePdfBody, (), (report_type, data, options))

struct ReportKind {
    Printer print;
    std::string permission;  // besides the route's: what its own route asks
};

}  // namespace

void register_printing_routes(http::Router& router, PrintingService& printing)
{
    const std::string grades(permission::grades_read);
    const std::string students(permission::students_read);
    const std::string attendance(permission::attendance_read);
    const std::string who = " Admins (reports:generate); teachers of the course when the school allows it.";

    auto cards = printer<ReportCardRequest>([&printing](const auto& b, const auto& p) { return printing.report_cards(b, p); });
    auto results = [&printing](bool gradebook, std::optional<std::string> period = std::nullopt) {
        return printer<CourseReportRequest>(
            [&printing, gradebook](const auto& b, const auto& p) { return printing.course_results(b, gradebook, p); },
            std::move(period));
    };
    auto registration =
        printer<StudentDocumentRequest>([&printing](const auto& b, const auto& p) { return printing.registration(b, p); });
    auto list = printer<StudentListRequest>([&printing](const auto& b, const auto& p) { return printing.student_list(b, p); });
    auto card = printer<StudentDocumentRequest>([&printing](const auto& b, const auto& p) { return printing.student_card(b, p); });
    auto cards_n_up =
        printer<IdCardsRequest>([&printing](const auto& b, const auto& p) { return printing.student_cards(b, p); });
    auto staff = printer<TeacherCardsRequest>([&printing](const auto& b, const auto& p) { return printing.staff_cards(b, p); });
    auto register_ = printer<AttendanceReportRequest>(
        [&printing](const auto& b, const auto& p) { return printing.attendance_register(b, p); });

    add_document<StudentDocumentRequest>(
        router, "student-registration",
        "A student's registration form: particulars, photo, guardians, family, health (for those who may see it), "
        "scholarships and enrollments." + who,
        students, registration);
    add_document<ReportCardRequest>(
        router, "student-report-card",
        "A student's report card (studentId) or a whole class's (courseId), for a month, a semester or the year." + who,
        grades, cards);
    add_document<StudentListRequest>(
        router, "student-list-report",
        "The students GET /students would list for these filters (at most 10,000), by name." + who, students, list);
    add_document<CourseReportRequest>(
        router, "grade-report",
        "A course's students by rank with average, letter and result, and the class statistics." + who, grades,
        results(false));
    add_document<CourseReportRequest>(
        router, "gradebook-report",
        "A course's gradebook: students × subjects with averages, letters and ranks (landscape)." + who, grades,
        results(true));
    add_document<AttendanceReportRequest>(
        router, "attendance-report",
        "A course's register for a month: students × days with morning and afternoon marks and the totals "
        "(landscape)." + who,
        attendance, register_);
    add_document<StudentDocumentRequest>(
        router, "student-id-card",
        "A student's ID card on a CR80 page (85.60 × 53.98 mm): photo, Khmer and Latin name, code, class, school "
        "year and a QR code of its verification address." + who,
        students, card);
    add_document<IdCardsRequest>(
        router, "id-cards",
        "Many students' ID cards (studentIds, or every active student of courseId; at most 1,000), as many as fit on "
        "each A4 or Letter page, with crop marks." + who,
        students, cards_n_up);
    add_document<TeacherCardsRequest>(
        router, "teacher-id-cards",
        "Staff ID cards (userIds, or every active teacher), N-up with crop marks. Admins (reports:generate).",
        std::string(permission::reports_generate), staff);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/id-cards/verify/{token}",
                         .summary = "What an ID card's QR code opens: whose card it is (name, code, class, school "
                                    "year) and whether it is still valid. Public; an unknown token is 404",
                         .tag = "documents",
                         .response = &http::schema<CardCheckView>},
               [&printing](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto token = std::string(ctx.path_param("token"));
                   auto checked = co_await ctx.offload([&] { return printing.check_card(token); });
                   if (!checked) {
                       co_return Response::from_error(checked.error());
                   }
                   co_return json::respond(Status::ok, *checked);
               });

    // Every ReportType of the seed, dispatched to the same printers.
    auto kinds = std::make_shared<std::map<std::string, ReportKind, std::less<>>>(std::map<std::string, ReportKind, std::less<>>{
        {"student-registration", {registration, students}},
        {"student-report-card", {cards, grades}},
        {"student-list-report", {list, students}},
        {"grade-report-monthly", {results(false, "month"), grades}},
        {"grade-report-semester", {results(false, "semester"), grades}},
        {"grade-report-yearly", {results(false, "year"), grades}},
        {"gradebook-report-monthly", {results(true, "month"), grades}},
        {"gradebook-report-semester", {results(true, "semester"), grades}},
        {"gradebook-report-yearly", {results(true, "year"), grades}},
        {"attendance-report", {register_, attendance}},
        {"student-id-card", {card, students}},
        {"bulk-student-id-card", {cards_n_up, students}},
        {"teacher-id-card", {staff, std::string(permission::reports_generate)}},
    });
    std::string types;
    for (const auto& [name, kind] : *kinds) {
        types += (types.empty() ? "" : ", ") + name;
    }
    router.add(RouteSpec{.method = Method::post,
                         .path = "/pdf-generate/generate-pdf",
                         .summary = "Any document by reportType (" + types +
                                    "); `data` holds that document's fields, `options` apply unless data has its own." + who,
                         .tag = "documents",
                         .permission = students,
                         .request = &http::schema<GeneratePdfBody>,
                         .response = &http::schema<PrintedView>,
                         .produces = "application/pdf",
                         .action = "documents.pdf",
                         .replayable = false},
               [kinds, types](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GeneratePdfBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto kind = kinds->find(body->report_type);
                   if (kind == kinds->end()) {
                       FieldErrors errors;
                       errors.add("reportType", "INVALID_VALUE", {{"allowed", types}});
                       co_return Response::from_error(errors.to_error());
                   }
                   if (!ctx.principal->can(kind->second.permission)) {
                       co_return Response::from_error(make_error(ErrorCode::forbidden));
                   }
                   co_return co_await print_document(ctx, kind->second.print, body->data, "data", body->options,
                                                     body->report_type);
               });
}

}  // namespace sala::printing
