// See attendance_settings.hpp.
#include "school/attendance/attendance_settings.hpp"

#include "http/json.hpp"

#include <algorithm>
#include <chrono>

namespace sala::attendance {
namespace {

// The stored document: the calendar without its version.
struct Document {
    std::vector<std::string> school_days;
    std::vector<std::string> sessions;
};
BOOST_DESCRIBE_STRUCT(Document, (), (school_days, sessions))

}  // namespace

Settings default_settings()
{
    return Settings{{"MON", "TUE", "WED", "THU", "FRI"}, {"AM", "PM"}, 0};
}

void check_settings(FieldErrors& errors, Settings& s)
{
    if (s.school_days.empty()) {
        errors.add("schoolDays", "REQUIRED");
    }
    std::vector<std::string> days;
    for (std::size_t i = 0; i < s.school_days.size(); ++i) {
        const auto& day = s.school_days[i];
        auto field = "schoolDays[" + std::to_string(i) + "]";
        if (std::find(std::begin(kSchoolDays), std::end(kSchoolDays), day) == std::end(kSchoolDays)) {
            errors.add(field, "INVALID_VALUE", {{"allowed", "MON, TUE, WED, THU, FRI, SAT"}});
        } else if (std::find(days.begin(), days.end(), day) != days.end()) {
            errors.add(field, "DUPLICATE");
        } else {
            days.push_back(day);
        }
    }
    auto sessions = s.sessions;
    std::sort(sessions.begin(), sessions.end());  // "AM" < "PM"
    if (sessions != std::vector<std::string>{"AM", "PM"} && sessions != std::vector<std::string>{"FULL"}) {
        errors.add("sessions", "INVALID_VALUE", {{"allowed", "[\"AM\", \"PM\"], [\"FULL\"]"}});
    }
    std::vector<std::string> ordered;
    for (auto day : kSchoolDays) {
        if (std::find(days.begin(), days.end(), day) != days.end()) {
            ordered.emplace_back(day);
        }
    }
    s.school_days = std::move(ordered);
    s.sessions = std::move(sessions);
}

std::string settings_to_json(const Settings& s)
{
    return json::dump(Document{s.school_days, s.sessions});
}

Settings settings_from_json(std::string_view text, std::int64_t row_version)
{
    auto doc = json::parse<Document>(text);
    auto defaults = default_settings();
    defaults.row_version = row_version;
    if (!doc) {
        return defaults;
    }
    Settings s{std::move(doc->school_days), std::move(doc->sessions), row_version};
    FieldErrors errors;
    check_settings(errors, s);
    return errors.empty() ? s : defaults;
}

std::string_view weekday_of(Date date)
{
    static constexpr std::string_view kNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    return kNames[std::chrono::weekday(date).c_encoding()];
}

bool is_school_day(const Settings& settings, Date date)
{
    auto day = weekday_of(date);
    return std::find(settings.school_days.begin(), settings.school_days.end(), day) != settings.school_days.end();
}

}  // namespace sala::attendance
