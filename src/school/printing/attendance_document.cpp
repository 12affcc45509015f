// See attendance_document.hpp.
#include "school/printing/attendance_document.hpp"

#include "reports/pdf/table.hpp"

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::TextStyle;

std::string letter(const std::optional<std::string>& status)
{
    if (!status || status->empty()) {
        return "·";
    }
    return status->substr(0, 1);  // PRESENT → P, ABSENT → A, LATE → L, EXCUSED → E
}

// One day's cell: the whole-day mark, or the morning's then the afternoon's ("PA").
std::string day_cell(const attendance::DayMarksView& m, bool school_day)
{
    if (m.full) {
        return letter(m.full);
    }
    if (!m.am && !m.pm) {
        return school_day ? "" : "—";
    }
    return letter(m.am) + letter(m.pm);
}

std::string weekday_initial(const std::string& weekday)
{
    static const std::pair<std::string_view, std::string_view> kKhmer[] = {
        {"MON", "ច"}, {"TUE", "អ"}, {"WED", "ព"}, {"THU", "ព្រ"}, {"FRI", "សុ"}, {"SAT", "ស"}, {"SUN", "អា"}};
    for (auto [en, kh] : kKhmer) {
        if (weekday == en) {
            return std::string(kh);
        }
    }
    return weekday;
}

}  // namespace

std::string render_attendance_register(const attendance::MonthlyRegisterView& book, const PrintJob& job)
{
    pdf::Document doc(job.setup.page, document_info(job, "Attendance register — " + book.course.name + " — " + book.name));
    double y = draw_letterhead(doc, job, true);
    auto subtitle = book.course.name + "  ·  " + period_name(job, book.name_kh, book.name);
    y = draw_title(doc, y, "បញ្ជីវត្តមានប្រចាំខែ", "MONTHLY ATTENDANCE REGISTER", subtitle);

    pdf::Table table;
    table.style.header.size = 6;
    table.style.body.size = 6.5;
    table.style.padding = 1.5;
    table.columns = {{"ល.រ\nNo.", 0.5, Align::center}, {"ឈ្មោះ\nName", 3.2}};
    for (const auto& d : book.days) {
        table.columns.push_back({digits(job, std::to_string(d.day)) + "\n" + weekday_initial(d.weekday), 0.55, Align::center});
    }
    for (const auto* total : {"វត្តមាន\nP", "អវត្តមាន\nA", "យឺត\nL", "ច្បាប់\nE"}) {
        table.columns.push_back({total, 0.75, Align::right});
    }
    table.columns.push_back({"អត្រា\nRate %", 0.9, Align::right, true});
    for (std::size_t i = 0; i < book.students.size(); ++i) {
        const auto& s = book.students[i];
        std::vector<std::string> row{digits(job, std::to_string(i + 1)),
                                     both_names(s.student.first_name_kh, s.student.last_name_kh, s.student.first_name, s.student.last_name)};
        for (std::size_t d = 0; d < book.days.size(); ++d) {
            row.push_back(d < s.marks.size() ? day_cell(s.marks[d], book.days[d].school_day) : "");
        }
        for (double n : {s.present, s.absent, s.late, s.excused}) {
            row.push_back(number(job, n, 1));
        }
        row.push_back(number(job, s.attendance_rate, 1));
        table.rows.push_back(std::move(row));
    }
    auto running_header = [&] {
        return doc.top() + doc.text(doc.left(), doc.top(), doc.content_width(), "ATTENDANCE · " + subtitle,
                                    TextStyle{.size = 7.5, .color = pdf::kGrey}) + pdf::mm(2);
    };
    y = pdf::draw_table(doc, table, y, running_header) + pdf::mm(2);
    y += doc.text(doc.left(), y, doc.content_width(),
                  "P វត្តមាន Present · A អវត្តមាន Absent · L មកយឺត Late · E មានច្បាប់ Excused · "
                  "ពីរអក្សរ: ព្រឹក ហើយ រសៀល  Two letters: morning, then afternoon · — no school · totals in days",
                  TextStyle{.size = 7, .color = pdf::kGrey}) + pdf::mm(3);
    draw_signatures(doc, job, y, {{"គ្រូបន្ទុកថ្នាក់", "Homeroom teacher", ""},
                                  {"នាយកសាលា", "Principal", principal_name(job)}});
    return doc.finish();
}

}  // namespace sala::printing
