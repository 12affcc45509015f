// The months a span of dates covers, with their English and Khmer names: a school year's months
// are derived from its dates, and monthly reports (attendance, grades) key on them.
#pragma once

#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sala {

struct CalendarMonth {
    std::string key;           // "2025-11"
    int year = 0;
    unsigned month = 0;        // 1 to 12
    std::string_view name_en;  // "November"
    std::string_view name_kh;  // "វិច្ឆិកា"
};

// English and Khmer names of a month (1 to 12); empty for anything else.
std::string_view month_name_en(unsigned month);
std::string_view month_name_kh(unsigned month);

// Every calendar month from the month of `first` to the month of `last`, both included, in order;
// empty when `last` is before `first`.
std::vector<CalendarMonth> months_covered(Date first, Date last);

// The month a key names ("2026-11"), with its first and last days; nullopt for anything that is
// not YYYY-MM with a month from 01 to 12.
struct MonthSpan {
    CalendarMonth month;
    Date first;
    Date last;
};
std::optional<MonthSpan> parse_month(std::string_view key);

// Whole months from the month of `first` to the month of `last` (0 for the same month).
int months_between(Date first, Date last);

}  // namespace sala
