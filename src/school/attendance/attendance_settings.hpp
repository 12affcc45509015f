// The attendance calendar a school sets (the weekdays it teaches, whether it takes a morning and an
// afternoon register or one for the whole day), stored as the "attendance" settings document:
// defaults, checks and the JSON form it is stored in. No SQL, no HTTP.
#pragma once

#include "core/error.hpp"
#include "school/attendance/attendance.hpp"

#include <string>
#include <string_view>

namespace sala::attendance {

inline constexpr std::string_view kSettingsName = "attendance";

// Monday to Friday, an AM and a PM register.
Settings default_settings();

// Checks a new calendar and puts it in canonical order (weekdays Monday first, AM before PM):
// school days are known weekdays, at least one and none twice; sessions are AM and PM, or FULL.
void check_settings(FieldErrors& errors, Settings& settings);

// The stored document; text that is not one (never written by us) gives the defaults.
std::string settings_to_json(const Settings& settings);
Settings settings_from_json(std::string_view text, std::int64_t row_version);

// "MON" … "SUN" for a date.
std::string_view weekday_of(Date date);
bool is_school_day(const Settings& settings, Date date);

}  // namespace sala::attendance
