// The months a school year covers, in English and Khmer: the keys monthly reports use.
#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

Date date(std::string_view text)
{
    return *parse_date(text);
}

TEST(Calendar, MonthsCoveredRunFromTheFirstMonthToTheLastInclusive)
{
    struct Case {
        std::string_view first;
        std::string_view last;
        std::vector<std::string> keys;
    };
    const Case cases[] = {
        {"2025-11-03", "2026-02-27", {"2025-11", "2025-12", "2026-01", "2026-02"}},
        {"2025-01-01", "2025-01-31", {"2025-01"}},
        {"2025-01-31", "2025-02-01", {"2025-01", "2025-02"}},
        {"2024-12-31", "2025-01-01", {"2024-12", "2025-01"}},
        {"2025-03-15", "2025-03-15", {"2025-03"}},
        {"2025-03-15", "2025-03-14", {}},
        {"0999-12-01", "1000-01-01", {"0999-12", "1000-01"}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> keys;
        for (const auto& m : months_covered(date(c.first), date(c.last))) {
            keys.push_back(m.key);
        }
        EXPECT_EQ(keys, c.keys) << c.first << " to " << c.last;
    }
}

TEST(Calendar, ASchoolYearHasItsMonthsInOrderWithBothNames)
{
    auto months = months_covered(date("2025-11-03"), date("2026-08-31"));
    ASSERT_EQ(months.size(), 10u);
    EXPECT_EQ(months.front().key, "2025-11");
    EXPECT_EQ(months.front().year, 2025);
    EXPECT_EQ(months.front().month, 11u);
    EXPECT_EQ(months.front().name_en, "November");
    EXPECT_EQ(months.front().name_kh, "វិច្ឆិកា");
    EXPECT_EQ(months.back().key, "2026-08");
    EXPECT_EQ(months.back().name_en, "August");
    EXPECT_EQ(months.back().name_kh, "សីហា");
}

TEST(Calendar, EveryMonthHasItsEnglishAndKhmerName)
{
    const std::pair<std::string_view, std::string_view> names[] = {
        {"January", "មករា"}, {"February", "កុម្ភៈ"}, {"March", "មីនា"},      {"April", "មេសា"},
        {"May", "ឧសភា"},     {"June", "មិថុនា"},    {"July", "កក្កដា"},      {"August", "សីហា"},
        {"September", "កញ្ញា"}, {"October", "តុលា"}, {"November", "វិច្ឆិកា"}, {"December", "ធ្នូ"},
    };
    for (unsigned m = 1; m <= 12; ++m) {
        EXPECT_EQ(month_name_en(m), names[m - 1].first) << m;
        EXPECT_EQ(month_name_kh(m), names[m - 1].second) << m;
    }
    EXPECT_EQ(month_name_en(0), "");
    EXPECT_EQ(month_name_kh(13), "");
}

TEST(Calendar, MonthsBetweenCountsCalendarMonthsNotDays)
{
    struct Case {
        std::string_view first;
        std::string_view last;
        int months;
    };
    const Case cases[] = {
        {"2025-01-31", "2025-02-01", 1}, {"2025-01-01", "2025-01-31", 0}, {"2025-11-01", "2026-08-31", 9},
        {"2025-01-01", "2027-01-01", 24}, {"2026-03-01", "2025-03-01", -12},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(months_between(date(c.first), date(c.last)), c.months) << c.first << " to " << c.last;
    }
}

}  // namespace
}  // namespace sala
