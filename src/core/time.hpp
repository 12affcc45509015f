// Dates and timestamps as they appear on the wire and in the database: dates `YYYY-MM-DD`,
// timestamps ISO 8601 UTC with a `Z` (`2025-01-15T10:30:00Z`). Text sorts in time order.
#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sala {

using Date = std::chrono::sys_days;

std::string format_timestamp(TimePoint t);              // second precision
std::string format_timestamp_ms(TimePoint t);           // millisecond precision, for logs
std::optional<TimePoint> parse_timestamp(std::string_view text);  // accepts what format_timestamp writes

std::string format_date(Date d);
std::optional<Date> parse_date(std::string_view text);  // strict YYYY-MM-DD, and a real calendar date

Date to_date(TimePoint t);

}  // namespace sala
