// See calendar.hpp.
#include "core/calendar.hpp"

#include <array>
#include <cstdio>

namespace sala {
namespace {

constexpr std::array<std::string_view, 12> kNamesEn = {"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

constexpr std::array<std::string_view, 12> kNamesKh = {"មករា",  "កុម្ភៈ", "មីនា",  "មេសា", "ឧសភា",    "មិថុនា",
                                                       "កក្កដា", "សីហា",  "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"};

std::chrono::year_month month_of(Date d)
{
    std::chrono::year_month_day ymd(d);
    return ymd.year() / ymd.month();
}

}  // namespace

std::string_view month_name_en(unsigned month)
{
    return month >= 1 && month <= 12 ? kNamesEn[month - 1] : std::string_view{};
}

std::string_view month_name_kh(unsigned month)
{
    return month >= 1 && month <= 12 ? kNamesKh[month - 1] : std::string_view{};
}

int months_between(Date first, Date last)
{
    auto a = month_of(first);
    auto b = month_of(last);
    return (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
           (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month())));
}

std::vector<CalendarMonth> months_covered(Date first, Date last)
{
    std::vector<CalendarMonth> out;
    if (last < first) {
        return out;
    }
    auto end = month_of(last);
    for (auto ym = month_of(first); ym <= end; ym += std::chrono::months(1)) {
        CalendarMonth m;
        m.year = static_cast<int>(ym.year());
        m.month = static_cast<unsigned>(ym.month());
        char key[16];
        std::snprintf(key, sizeof key, "%04d-%02u", m.year, m.month);
        m.key = key;
        m.name_en = month_name_en(m.month);
        m.name_kh = month_name_kh(m.month);
        out.push_back(std::move(m));
    }
    return out;
}

std::optional<MonthSpan> parse_month(std::string_view key)
{
    if (key.size() != 7 || key[4] != '-') {
        return std::nullopt;
    }
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (key[i] < '0' || key[i] > '9') {
                return -1;
            }
            v = v * 10 + (key[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4);
    int m = digits(5, 2);
    if (y < 1900 || m < 1 || m > 12) {
        return std::nullopt;
    }
    std::chrono::year_month ym{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m))};
    Date first = std::chrono::sys_days(ym / std::chrono::day(1));
    Date last = std::chrono::sys_days(ym / std::chrono::last);
    auto months = months_covered(first, first);
    return MonthSpan{months.front(), first, last};
}

}  // namespace sala
