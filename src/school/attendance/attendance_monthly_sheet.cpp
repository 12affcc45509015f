// See attendance_monthly_sheet.hpp.
#include "school/attendance/attendance_monthly_sheet.hpp"

#include "school/enrollments/student_columns.hpp"

#include <cctype>

namespace sala::attendance {
namespace {

// "P" for PRESENT …: the status's first letter.
xlsx::Cell letter(const std::optional<std::string>& half, const std::optional<std::string>& full)
{
    const auto& status = half ? half : full;
    return status && !status->empty() ? xlsx::Cell(status->substr(0, 1)) : xlsx::Cell();
}

// "1 Tue AM": the day of the month, its weekday, the half.
std::string day_header(const MonthDayView& day, std::string_view half)
{
    std::string weekday = day.weekday;
    for (std::size_t i = 1; i < weekday.size(); ++i) {
        weekday[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(weekday[i])));
    }
    return std::to_string(day.day) + " " + weekday + " " + std::string(half);
}

}  // namespace

xlsx::Sheet monthly_register_sheet(const MonthlyRegisterView& view)
{
    xlsx::Sheet sheet{{"Register", enrollments::student_columns(), enrollments::kStudentColumnsInView}, {}};
    auto& columns = sheet.spec.columns;
    for (const auto& day : view.days) {
        columns.push_back({day_header(day, "AM"), {}, std::nullopt});
        columns.push_back({day_header(day, "PM"), {}, std::nullopt});
    }
    for (std::string name : {"Present", "Absent", "Late", "Excused", "Days"}) {
        columns.push_back({name, "0.0", std::nullopt});
    }
    columns.push_back({"Attendance rate (%)", "0.00", std::nullopt});
    for (const auto& s : view.students) {
        auto cells = enrollments::student_cells(s.student);
        for (const auto& day : s.marks) {
            cells.push_back(letter(day.am, day.full));
            cells.push_back(letter(day.pm, day.full));
        }
        for (double total : {s.present, s.absent, s.late, s.excused, s.days}) {
            cells.emplace_back(total);
        }
        cells.push_back(xlsx::optional_cell(s.attendance_rate));
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

}  // namespace sala::attendance
