// See printing_service.hpp.
#include "school/printing/printing_service.hpp"

#include "core/calendar.hpp"
#include "school/printing/attendance_document.hpp"
#include "school/printing/document_parts.hpp"
#include "school/printing/gradebook_document.hpp"
#include "school/printing/print_access.hpp"
#include "school/printing/report_card_document.hpp"
#include "school/results/results_service.hpp"
#include "school/settings/school_settings.hpp"

#include <algorithm>

namespace sala::printing {
namespace {

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

PrintingService::PrintingService(db::Database& db, files::FileService& files, students::StudentService& students,
                                 attendance::AttendanceService& attendance, const Clock& clock, PrintingLimits limits,
                                 CardTokens tokens)
    : db_(db), files_(files), students_(students), attendance_(attendance), results_(db),
      shop_(db, files, clock, limits), tokens_(std::move(tokens))
{
}

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
    auto job = shop_.open(who, {one(request.course_id), one(request.student_id)}, request.options,
                          pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    std::vector<results::ReportCardView> cards;
    if (request.student_id) {
        std::int64_t id = *request.student_id;
        auto card = results_.report_card(id, request.school_year_id, who);
        if (!card) {
            return card.error();
        }
        cards.push_back(std::move(*card));
    } else {
        std::int64_t id = *request.course_id;
        auto all = results_.course_report_cards(id, who);
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
    auto bytes = shop_.render([&] { return render_report_cards(pages, *job); });
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
    std::int64_t id = request.course_id;
    auto job = shop_.open(who, {.courses = std::span(&id, 1)}, request.options,
                          gradebook ? pdf::Orientation::landscape : pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    auto book = results_.gradebook(id, choice->semester_id, choice->month, who);
    if (!book) {
        return book.error();
    }
    bool any = std::any_of(book->students.begin(), book->students.end(), [](const auto& s) {
        return std::any_of(s.results.begin(), s.results.end(), [](const auto& r) { return r.result.has_value(); });
    });
    if (!any) {
        return nothing_to_print(book->period.month.value_or(book->period.name));
    }
    auto bytes = shop_.render([&] { return gradebook ? render_gradebook(*book, *job) : render_grade_report(*book, *job); });
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

Result<Printed> PrintingService::attendance_register(const AttendanceReportRequest& request, const Principal& who)
{
    std::int64_t id = request.course_id;
    auto job = shop_.open(who, {.courses = std::span(&id, 1)}, request.options, pdf::Orientation::landscape);
    if (!job) {
        return job.error();
    }
    auto book = attendance_.monthly_register(id, request.month, who);
    if (!book) {
        return book.error();
    }
    bool marked = std::any_of(book->students.begin(), book->students.end(), [](const auto& s) { return s.days > 0; });
    if (!marked) {
        return nothing_to_print(book->month);
    }
    auto bytes = shop_.render([&] { return render_attendance_register(*book, *job); });
    if (!bytes) {
        return bytes.error();
    }
    Printed printed{std::move(*bytes), file_name({"attendance", book->course.name, book->month}), {}, id};
    return printed;
}

}  // namespace sala::printing
