// The response cache's own rules: an answer lives until the change count moves or its lifetime
// ends, one read before a write that has committed since is never kept, the byte budget evicts
// the least recently used answers first, and one answer may not take more than an eighth of it.
#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace sala::http {
namespace {

Response answer(std::string body) { return Response::data(Status::ok, std::move(body)); }

class ResponseCacheUnitTest : public ::testing::Test {
protected:
    ChangeCounter changes;
    ManualClock clock{TimePoint{}};
};

TEST_F(ResponseCacheUnitTest, AnAnswerLivesUntilTheNextWriteOrTheEndOfItsLifetime)
{
    ResponseCache cache(changes, clock, 1 << 20, std::chrono::milliseconds(1000));
    EXPECT_EQ(cache.find("a"), nullptr);
    cache.store("a", cache.generation(), answer("[1]"));
    ASSERT_NE(cache.find("a"), nullptr);
    EXPECT_EQ(cache.find("a")->body, "[1]");
    EXPECT_EQ(cache.hits(), 2u);
    EXPECT_EQ(cache.misses(), 1u);

    changes.bump();
    EXPECT_EQ(cache.find("a"), nullptr);
    EXPECT_EQ(cache.bytes(), 0u);  // a stale answer goes at once

    cache.store("a", cache.generation(), answer("[2]"));
    clock.advance(std::chrono::milliseconds(999));
    EXPECT_NE(cache.find("a"), nullptr);
    clock.advance(std::chrono::milliseconds(1));
    EXPECT_EQ(cache.find("a"), nullptr);
}

TEST_F(ResponseCacheUnitTest, AnAnswerReadBeforeAWriteThatCommittedSinceIsNotKept)
{
    ResponseCache cache(changes, clock, 1 << 20, std::chrono::milliseconds(1000));
    auto read_at = cache.generation();
    changes.bump();  // a write commits while the read runs
    cache.store("a", read_at, answer("[old]"));
    EXPECT_EQ(cache.find("a"), nullptr);
    EXPECT_EQ(cache.bytes(), 0u);
}

TEST_F(ResponseCacheUnitTest, TheBudgetEvictsTheLeastRecentlyUsedFirst)
{
    ResponseCache cache(changes, clock, 8000, std::chrono::milliseconds(1000));
    const std::string body(700, 'x');
    for (const auto* key : {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) {
        cache.store(key, cache.generation(), answer(body));
        if (std::string_view(key) == "c") {
            EXPECT_NE(cache.find("a"), nullptr);  // "a" is now more recent than "b"
        }
    }
    EXPECT_LE(cache.bytes(), 8000u);
    EXPECT_NE(cache.find("i"), nullptr);
    EXPECT_NE(cache.find("a"), nullptr);
    EXPECT_EQ(cache.find("b"), nullptr);

    // Too big for its share of the budget: not kept at all.
    cache.store("big", cache.generation(), answer(std::string(1200, 'y')));
    EXPECT_EQ(cache.find("big"), nullptr);
}

TEST_F(ResponseCacheUnitTest, StoringAgainReplacesTheAnswer)
{
    ResponseCache cache(changes, clock, 1 << 20, std::chrono::milliseconds(1000));
    cache.store("a", cache.generation(), answer("[1]"));
    auto one = cache.bytes();
    cache.store("a", cache.generation(), answer("[2]"));
    EXPECT_EQ(cache.bytes(), one);
    EXPECT_EQ(cache.find("a")->body, "[2]");
}

}  // namespace
}  // namespace sala::http
