// Wire dates and timestamps: strict parsing, round trips.
#include "core/time.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

TEST(Date, ParsesOnlyRealCalendarDates)
{
    struct Case {
        std::string_view text;
        bool valid;
    };
    const Case cases[] = {
        {"2025-01-15", true},  {"2024-02-29", true},  {"2025-02-29", false}, {"2025-13-01", false},
        {"2025-00-10", false}, {"2025-04-31", false}, {"2025-1-15", false},  {"25-01-15", false},
        {"2025/01/15", false}, {"", false},           {"2025-01-15T00:00:00Z", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(parse_date(c.text).has_value(), c.valid) << c.text;
        if (c.valid) {
            EXPECT_EQ(format_date(*parse_date(c.text)), c.text);
        }
    }
}

TEST(Timestamp, FormatsUtcWithZAndRoundTrips)
{
    using namespace std::chrono;
    TimePoint t = sys_days(year(2025) / January / 15) + hours(10) + minutes(30) + seconds(5) + milliseconds(250);
    EXPECT_EQ(format_timestamp(t), "2025-01-15T10:30:05Z");
    EXPECT_EQ(format_timestamp_ms(t), "2025-01-15T10:30:05.250Z");
    EXPECT_EQ(parse_timestamp("2025-01-15T10:30:05.250Z"), t);
    EXPECT_EQ(parse_timestamp("2025-01-15T10:30:05Z"), floor<seconds>(t));
    EXPECT_FALSE(parse_timestamp("2025-01-15T24:00:00Z"));
    EXPECT_FALSE(parse_timestamp("2025-01-15 10:30:05Z"));
    EXPECT_FALSE(parse_timestamp("2025-01-15T10:30:05"));
    EXPECT_FALSE(parse_timestamp("2025-01-15T10:30:05+07:00"));
}

}  // namespace
}  // namespace sala
