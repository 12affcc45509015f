// Rate limiting: fixed-window counters behind a store interface (in memory now; a shared store can
// replace it when several instances serve one school), read through an injectable clock so tests
// move time instead of sleeping.
#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sala::auth {

class CounterStore {
public:
    virtual ~CounterStore() = default;
    // Adds `amount` (0 only reads) to `key`'s counter in the window of length `window` that
    // contains `now`, and returns the count and when that window ends.
    struct Count {
        std::int64_t value = 0;
        TimePoint window_end;
    };
    virtual Count add(std::string_view key, std::chrono::seconds window, TimePoint now, std::int64_t amount) = 0;
};

class InMemoryCounterStore final : public CounterStore {
public:
    Count add(std::string_view key, std::chrono::seconds window, TimePoint now, std::int64_t amount) override;

private:
    struct Entry {
        TimePoint window_end;
        std::int64_t value = 0;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, Entry> entries;
        std::size_t operations = 0;
    };
    static constexpr std::size_t kShards = 16;
    Shard shards_[kShards];
};

struct RatePolicy {
    std::string_view name;       // "authenticated", "sign-in-minute" …; part of the counter key
    std::int64_t limit = 0;      // 0: unlimited
    std::chrono::seconds window{60};
};

struct RateDecision {
    bool allowed = true;
    std::int64_t limit = 0;
    std::int64_t remaining = 0;
    TimePoint reset;
    std::chrono::seconds retry_after{0};
};

class RateLimiter {
public:
    RateLimiter(CounterStore& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Counts one request for `subject` against `policy`.
    RateDecision hit(const RatePolicy& policy, std::string_view subject);
    // Reads without counting (sign-in failures are counted only once they have failed).
    RateDecision peek(const RatePolicy& policy, std::string_view subject);

private:
    RateDecision decide(const RatePolicy& policy, std::string_view subject, std::int64_t amount);
    CounterStore& store_;
    const Clock& clock_;
};

// The configured limits (0 disables one).
struct RateLimits {
    std::int64_t sign_in_failures_per_minute = 10;  // per client IP
    std::int64_t sign_in_failures_per_hour = 50;    // per client IP
    std::int64_t authenticated_per_minute = 300;    // per user
    std::int64_t api_key_per_minute = 300;          // per API key
    std::int64_t anonymous_per_minute = 60;         // per client IP
};

}  // namespace sala::auth
