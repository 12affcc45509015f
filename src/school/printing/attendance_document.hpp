// A class's attendance register for a month on paper (landscape): one row per student, one column
// per day with the morning and afternoon marks, then the month's totals in days.
#pragma once

#include "school/attendance/attendance_monthly.hpp"
#include "school/printing/document_parts.hpp"

#include <string>

namespace sala::printing {

[[nodiscard]] std::string render_attendance_register(const attendance::MonthlyRegisterView& book, const PrintJob& job);

}  // namespace sala::printing
