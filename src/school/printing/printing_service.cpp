// See printing_service.hpp.
#include "school/printing/printing_service.hpp"

#include "core/calendar.hpp"
#include "school/printing/document_parts.hpp"
#include "school/printing/gradebook_document.hpp"
#include "school/printing/print_access.hpp"
#include "school/printing/report_card_document.hpp"
#include "school/results/results_service.hpp"
#include "school/settings/school_settings.hpp"

#include <algorithm>
#include <semaphore>

namespace sala::printing {
namespace {

// --deterministic-pdf: 2026-01-01T00:00:00Z.
constexpr TimePoint kFixedDate{std::chrono::seconds(1'767'225'600)};

Error nothing_to_print(std::string what)
{
    return make_error(ErrorCode::validation_error, "error.nothing_to_print", {{"what", std::move(what)}});
}

// "report-card STU-2026-0001 2026-11" → "report-card-STU-2026-0001-2026-11.pdf".
std::string file_name(const std::vector<std::string>& parts, std::string_view extension = "pdf")
{
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += '-';
        }
        for (char c : part) {
            bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
            out += safe ? c : '-';
        }
    }
    return out + "." + std::string(extension);
}

struct PeriodChoice {
    std::string type;  // month | semester | year
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> month;
};

// The period fields as one choice: `period` says which of semesterId or month must be there.
Result<PeriodChoice> period_of(const std::optional<std::string>& period, std::optional<std::int64_t> semester_id,
                               const std::optional<std::string>& month)
{
    FieldErrors errors;
    if (!period) {
        errors.add("period", "REQUIRED");
        return errors.to_error();
    }
    if (*period != "month" && *period != "semester" && *period != "year") {
        errors.add("period", "INVALID_VALUE", {{"allowed", "month, semester, year"}});
        return errors.to_error();
    }
    if (*period == "month" && !month) {
        errors.add("month", "REQUIRED");
    } else if (*period == "month" && !parse_month(*month)) {
        errors.add("month", "INVALID_FORMAT");
    }
    if (*period == "semester" && !semester_id) {
        errors.add("semesterId", "REQUIRED");
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    PeriodChoice choice{*period, std::nullopt, std::nullopt};
    if (*period == "month") {
        choice.month = month;
    } else if (*period == "semester") {
        choice.semester_id = semester_id;
    }
    return choice;
}

const results::ReportPeriod* find_period(const results::ReportCardView& card, const PeriodChoice& choice)
{
    if (choice.type == "year") {
        return &card.year;
    }
    const auto& list = choice.type == "month" ? card.months : card.semesters;
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& p) {
        return choice.type == "month" ? p.period.month == choice.month : p.period.semester_id == choice.semester_id;
    });
    return it == list.end() ? nullptr : &*it;
}

bool has_results(const results::ReportPeriod& p)
{
    return p.average || p.attendance.days > 0 ||
           std::any_of(p.results.begin(), p.results.end(), [](const auto& r) { return r.result.has_value(); });
}

}  // namespace

struct PrintingService::Impl {
    db::Database& db;
    files::FileService& files;
    const Clock& clock;
    PrintingLimits limits;
    results::ResultsService results;
    std::counting_semaphore<> slots;

    Impl(db::Database& d, files::FileService& f, const Clock& c, PrintingLimits l)
        : db(d), files(f), clock(c), limits(l), results(d),
          slots(static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, l.concurrency)))
    {
    }

    Result<PrintJob> job(const std::optional<PrintOptions>& options, pdf::Orientation orientation)
    {
        auto setup = print_setup(options, orientation);
        if (!setup) {
            return setup.error();
        }
        PrintJob job;
        job.setup = *setup;
        job.created = limits.deterministic ? kFixedDate : clock.now();
        {
            auto lease = db.read();
            job.letterhead.school = settings::load_school(*lease).settings;
        }
        if (job.letterhead.school.logo) {
            if (auto logo = files.setting_image(settings::kLogoSetting)) {
                job.letterhead.logo = pdf::Image::decode(logo->bytes);
            }
        }
        return job;
    }

    // Runs the renderer in a render slot: at most `concurrency` documents in memory at once.
    template <class F>
    Result<std::string> render(F&& fn)
    {
        if (!slots.try_acquire_for(limits.wait)) {
            Error busy = make_error(ErrorCode::unavailable, "error.printer_busy");
            busy.retry_after = std::chrono::seconds(5);
            return busy;
        }
        struct Release {
            std::counting_semaphore<>& s;
            ~Release() { s.release(); }
        } release{slots};
        return fn();
    }

    Result<void> check(const Principal& who, std::span<const std::int64_t> courses,
                       std::span<const std::int64_t> students)
    {
        auto lease = db.read();
        return students.empty() ? may_print(*lease, who, courses) : may_print_students(*lease, who, students);
    }
};

PrintingService::PrintingService(db::Database& db, files::FileService& files, const Clock& clock,
                                 PrintingLimits limits)
    : impl_(std::make_unique<Impl>(db, files, clock, limits))
{
}

PrintingService::~PrintingService() = default;

Result<Printed> PrintingService::report_cards(const ReportCardRequest& request, const Principal& who)
{
    if (request.student_id.has_value() == request.course_id.has_value()) {
        FieldErrors errors;
        errors.add(request.student_id ? "courseId" : "studentId", request.student_id ? "NOT_ALLOWED" : "REQUIRED");
        return errors.to_error();
    }
    auto choice = period_of(request.period, request.semester_id, request.month);
    if (!choice) {
        return choice.error();
    }
    auto job = impl_->job(request.options, pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    std::vector<results::ReportCardView> cards;
    if (request.student_id) {
        std::int64_t id = *request.student_id;
        if (auto allowed = impl_->check(who, {}, std::span(&id, 1)); !allowed) {
            return allowed.error();
        }
        auto card = impl_->results.report_card(id, request.school_year_id, who);
        if (!card) {
            return card.error();
        }
        cards.push_back(std::move(*card));
    } else {
        std::int64_t id = *request.course_id;
        if (auto allowed = impl_->check(who, std::span(&id, 1), {}); !allowed) {
            return allowed.error();
        }
        auto all = impl_->results.course_report_cards(id, who);
        if (!all) {
            return all.error();
        }
        cards = std::move(*all);
    }
    if (choice->semester_id && !cards.empty()) {
        const auto& semesters = cards.front().semesters;
        if (std::none_of(semesters.begin(), semesters.end(),
                         [&](const auto& s) { return s.period.semester_id == choice->semester_id; })) {
            FieldErrors errors;
            errors.add("semesterId", "WRONG_SCHOOL_YEAR");
            return errors.to_error();
        }
    }
    std::vector<CardPeriod> pages;
    Printed printed;
    for (const auto& card : cards) {
        const auto* period = find_period(card, *choice);
        if (period != nullptr && has_results(*period)) {
            pages.push_back({&card, period});
            printed.student_ids.push_back(card.student.student_id);
        }
    }
    if (pages.empty()) {
        return nothing_to_print(choice->month.value_or(choice->type));
    }
    auto bytes = impl_->render([&] { return render_report_cards(pages, *job); });
    if (!bytes) {
        return bytes.error();
    }
    printed.bytes = std::move(*bytes);
    printed.course_id = cards.front().course.course_id;
    const auto& first = *pages.front().period;
    auto label = first.period.month.value_or(first.period.name);
    printed.filename = request.student_id
                           ? file_name({"report-card", pages.front().card->student.student_code, label})
                           : file_name({"report-cards", cards.front().course.name, label});
    return printed;
}

Result<Printed> PrintingService::course_results(const CourseReportRequest& request, bool gradebook,
                                                const Principal& who)
{
    auto choice = period_of(request.period, request.semester_id, request.month);
    if (!choice) {
        return choice.error();
    }
    auto job = impl_->job(request.options, gradebook ? pdf::Orientation::landscape : pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    std::int64_t id = request.course_id;
    if (auto allowed = impl_->check(who, std::span(&id, 1), {}); !allowed) {
        return allowed.error();
    }
    auto book = impl_->results.gradebook(id, choice->semester_id, choice->month, who);
    if (!book) {
        return book.error();
    }
    bool any = std::any_of(book->students.begin(), book->students.end(), [](const auto& s) {
        return std::any_of(s.results.begin(), s.results.end(), [](const auto& r) { return r.result.has_value(); });
    });
    if (!any) {
        return nothing_to_print(book->period.month.value_or(book->period.name));
    }
    auto bytes = impl_->render([&] { return gradebook ? render_gradebook(*book, *job) : render_grade_report(*book, *job); });
    if (!bytes) {
        return bytes.error();
    }
    Printed printed;
    printed.bytes = std::move(*bytes);
    printed.course_id = id;
    printed.filename = file_name({gradebook ? "gradebook" : "grade-report", book->course.name,
                                  book->period.month.value_or(book->period.name)});
    return printed;
}

}  // namespace sala::printing
