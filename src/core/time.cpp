// Formatting and strict parsing of the wire's dates and timestamps.
#include "core/time.hpp"

#include <charconv>
#include <cstdio>

namespace sala {
namespace {

bool parse_digits(std::string_view text, std::size_t pos, std::size_t count, int& out)
{
    if (pos + count > text.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

}  // namespace

std::string format_timestamp(TimePoint t)
{
    auto secs = std::chrono::floor<std::chrono::seconds>(t);
    auto day = std::chrono::floor<std::chrono::days>(secs);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{secs - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string format_timestamp_ms(TimePoint t)
{
    auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
    auto day = std::chrono::floor<std::chrono::days>(ms);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{ms - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return buf;
}

std::optional<TimePoint> parse_timestamp(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SSZ, optionally with .fff before the Z.
    if (text.size() < 20 || text[10] != 'T') {
        return std::nullopt;
    }
    auto date = parse_date(text.substr(0, 10));
    int h = 0;
    int m = 0;
    int s = 0;
    if (!date || !parse_digits(text, 11, 2, h) || text[13] != ':' || !parse_digits(text, 14, 2, m) ||
        text[16] != ':' || !parse_digits(text, 17, 2, s) || h > 23 || m > 59 || s > 59) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    int millis = 0;
    if (text[pos] == '.') {
        std::size_t start = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        auto digits = pos - start;
        if (digits == 0 || digits > 9) {
            return std::nullopt;
        }
        int frac = 0;
        parse_digits(text, start, std::min<std::size_t>(digits, 3), frac);
        for (auto d = std::min<std::size_t>(digits, 3); d < 3; ++d) {
            frac *= 10;
        }
        millis = frac;
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') {
        return std::nullopt;
    }
    return TimePoint(*date) + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s) +
           std::chrono::milliseconds(millis);
}

std::string format_date(Date d)
{
    std::chrono::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<Date> parse_date(std::string_view text)
{
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_digits(text, 0, 4, y) ||
        !parse_digits(text, 5, 2, m) || !parse_digits(text, 8, 2, d)) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                    std::chrono::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date(ymd);
}

Date to_date(TimePoint t)
{
    return std::chrono::floor<std::chrono::days>(t);
}

}  // namespace sala
