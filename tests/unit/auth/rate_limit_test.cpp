// The fixed-window counters behind every rate limit, on a ManualClock: where windows start and
// end, what a hit and a peek count, and the limit 0 that switches a policy off.
#include "auth/rate_limit.hpp"

#include <gtest/gtest.h>

namespace sala::auth {
namespace {

using namespace std::chrono_literals;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// 2026-09-01T08:00:00Z: a whole hour, so minute and hour windows both start here.
TimePoint eight_oclock()
{
    return std::chrono::sys_days(std::chrono::year(2026) / 9 / 1) + hours(8);
}

std::int64_t epoch_seconds(TimePoint t)
{
    return std::chrono::duration_cast<seconds>(t.time_since_epoch()).count();
}

TEST(CounterStore, WindowsAreAlignedToMultiplesOfTheirLength)
{
    struct Case {
        std::string_view what;
        TimePoint now;
        seconds window;
        TimePoint expected_end;
    };
    const auto t0 = eight_oclock();
    const Case cases[] = {
        {"start of a minute", t0, 60s, t0 + 1min},
        {"inside a minute", t0 + 30s, 60s, t0 + 1min},
        {"last millisecond of a minute", t0 + 59999ms, 60s, t0 + 1min},
        {"the boundary starts the next window", t0 + 1min, 60s, t0 + 2min},
        {"inside an hour", t0 + 59min, 3600s, t0 + 1h},
        {"next hour", t0 + 61min, 3600s, t0 + 2h},
        {"ten-second window", t0 + 25s, 10s, t0 + 30s},
    };
    for (const auto& c : cases) {
        InMemoryCounterStore store;
        auto count = store.add("k", c.window, c.now, 1);
        EXPECT_EQ(count.window_end, c.expected_end) << c.what;
        EXPECT_EQ(count.value, 1) << c.what;
    }
}

TEST(CounterStore, CountsPerKeyAndStartsAgainInTheNextWindow)
{
    InMemoryCounterStore store;
    const auto t0 = eight_oclock();
    EXPECT_EQ(store.add("a", 60s, t0, 1).value, 1);
    EXPECT_EQ(store.add("a", 60s, t0 + 10s, 1).value, 2);
    EXPECT_EQ(store.add("a", 60s, t0 + 59s, 3).value, 5);
    EXPECT_EQ(store.add("b", 60s, t0 + 59s, 1).value, 1);  // another key, its own counter
    EXPECT_EQ(store.add("a", 60s, t0 + 60s, 1).value, 1);  // next window
    EXPECT_EQ(store.add("a", 60s, t0 + 61s, 0).value, 1);
}

TEST(CounterStore, ReadingWithZeroDoesNotCount)
{
    InMemoryCounterStore store;
    const auto t0 = eight_oclock();
    auto nothing = store.add("fresh", 60s, t0, 0);
    EXPECT_EQ(nothing.value, 0);
    EXPECT_EQ(nothing.window_end, t0 + 1min);
    EXPECT_EQ(store.add("fresh", 60s, t0, 0).value, 0);
    EXPECT_EQ(store.add("fresh", 60s, t0, 1).value, 1);
    EXPECT_EQ(store.add("fresh", 60s, t0, 0).value, 1);
}

TEST(CounterStore, ManyKeysStayCorrectAcrossHousekeeping)
{
    // Housekeeping forgets ended windows now and then; live counters must survive it.
    InMemoryCounterStore store;
    const auto t0 = eight_oclock();
    for (int i = 0; i < 10'000; ++i) {
        (void)store.add("old-" + std::to_string(i), 60s, t0, 1);
    }
    EXPECT_EQ(store.add("live", 60s, t0 + 2min, 1).value, 1);
    for (int i = 0; i < 10'000; ++i) {
        (void)store.add("new-" + std::to_string(i), 60s, t0 + 2min, 1);
    }
    EXPECT_EQ(store.add("live", 60s, t0 + 2min + 30s, 1).value, 2);
    EXPECT_EQ(store.add("old-7", 60s, t0 + 2min + 30s, 0).value, 0);  // its window is long over
}

class RateLimiterTest : public ::testing::Test {
protected:
    InMemoryCounterStore store;
    ManualClock clock{eight_oclock()};
    RateLimiter limiter{store, clock};
};

TEST_F(RateLimiterTest, AllowsUpToTheLimitAndCountsDown)
{
    RatePolicy policy{"test", 3, 60s};
    for (std::int64_t i = 1; i <= 3; ++i) {
        auto d = limiter.hit(policy, "alice");
        EXPECT_TRUE(d.allowed) << i;
        EXPECT_EQ(d.limit, 3);
        EXPECT_EQ(d.remaining, 3 - i);
        EXPECT_EQ(epoch_seconds(d.reset), epoch_seconds(eight_oclock() + 1min));
        EXPECT_EQ(d.retry_after, 0s);
    }
    clock.advance(20s);
    auto refused = limiter.hit(policy, "alice");
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.remaining, 0);
    EXPECT_EQ(refused.retry_after, 40s);  // until the window ends
    EXPECT_EQ(refused.reset, eight_oclock() + 1min);
}

TEST_F(RateLimiterTest, RetryAfterIsWholeSecondsAndAtLeastOne)
{
    RatePolicy policy{"test", 1, 60s};
    (void)limiter.hit(policy, "alice");
    clock.advance(59500ms);
    auto refused = limiter.hit(policy, "alice");
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retry_after, 1s);  // half a second left, rounded up
    clock.advance(400ms);
    EXPECT_EQ(limiter.hit(policy, "alice").retry_after, 1s);
}

TEST_F(RateLimiterTest, TheNextWindowStartsAfresh)
{
    RatePolicy policy{"test", 2, 60s};
    (void)limiter.hit(policy, "alice");
    (void)limiter.hit(policy, "alice");
    EXPECT_FALSE(limiter.hit(policy, "alice").allowed);
    clock.advance(60s);
    auto d = limiter.hit(policy, "alice");
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, 1);
    EXPECT_EQ(d.reset, eight_oclock() + 2min);
}

TEST_F(RateLimiterTest, SubjectsAndPoliciesHaveSeparateCounters)
{
    RatePolicy minute{"per-minute", 1, 60s};
    RatePolicy other{"other", 1, 60s};
    EXPECT_TRUE(limiter.hit(minute, "alice").allowed);
    EXPECT_FALSE(limiter.hit(minute, "alice").allowed);
    EXPECT_TRUE(limiter.hit(minute, "bob").allowed);
    EXPECT_TRUE(limiter.hit(other, "alice").allowed);
}

TEST_F(RateLimiterTest, PeekDoesNotCountAndSaysWhetherOneMoreIsAllowed)
{
    RatePolicy policy{"test", 2, 60s};
    for (int i = 0; i < 5; ++i) {
        auto d = limiter.peek(policy, "alice");
        EXPECT_TRUE(d.allowed);
        EXPECT_EQ(d.remaining, 2);
    }
    (void)limiter.hit(policy, "alice");
    EXPECT_TRUE(limiter.peek(policy, "alice").allowed);
    EXPECT_EQ(limiter.peek(policy, "alice").remaining, 1);
    (void)limiter.hit(policy, "alice");
    auto full = limiter.peek(policy, "alice");
    EXPECT_FALSE(full.allowed);  // the next one would be the third
    EXPECT_EQ(full.remaining, 0);
    EXPECT_EQ(full.retry_after, 60s);
    clock.advance(60s);
    EXPECT_TRUE(limiter.peek(policy, "alice").allowed);
}

TEST_F(RateLimiterTest, LimitZeroMeansUnlimited)
{
    RatePolicy off{"off", 0, 60s};
    for (int i = 0; i < 1000; ++i) {
        auto d = limiter.hit(off, "alice");
        ASSERT_TRUE(d.allowed) << i;
        EXPECT_EQ(d.limit, 0);  // no limit: nothing to advertise in headers
    }
    EXPECT_TRUE(limiter.peek(off, "alice").allowed);
    // Switching the policy on later starts from nothing: the unlimited hits were not counted.
    EXPECT_TRUE(limiter.hit(RatePolicy{"off", 1, 60s}, "alice").allowed);
}

}  // namespace
}  // namespace sala::auth
