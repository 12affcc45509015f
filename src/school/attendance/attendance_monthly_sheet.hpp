// The monthly register as a spreadsheet: a row per student with a letter for each day's morning
// and afternoon (P present, A absent, L late, E excused; a FULL mark fills both halves), then the
// month's totals in days.
#pragma once

#include "reports/xlsx/xlsx.hpp"
#include "school/attendance/attendance_monthly.hpp"

namespace sala::attendance {

[[nodiscard]] xlsx::Sheet monthly_register_sheet(const MonthlyRegisterView& view);

}  // namespace sala::attendance
