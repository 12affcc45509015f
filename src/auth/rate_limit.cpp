// See rate_limit.hpp. Windows are aligned to multiples of their length since the epoch, so every
// instance and every test agrees on where a window starts and ends.
#include "auth/rate_limit.hpp"

namespace sala::auth {

CounterStore::Count InMemoryCounterStore::add(std::string_view key, std::chrono::seconds window, TimePoint now,
                                              std::int64_t amount)
{
    auto since_epoch = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    auto start = since_epoch - since_epoch % window;
    TimePoint window_end = TimePoint(start + window);

    auto& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
    std::lock_guard lock(shard.mutex);
    // Now and then, forget windows that have ended, so the map holds only live counters.
    if (++shard.operations % 4096 == 0) {
        std::erase_if(shard.entries, [&](const auto& kv) { return kv.second.window_end <= now; });
    }
    auto it = shard.entries.find(std::string(key));
    if (it == shard.entries.end()) {
        if (amount == 0) {
            return Count{0, window_end};
        }
        it = shard.entries.emplace(std::string(key), Entry{window_end, 0}).first;
    }
    if (it->second.window_end != window_end) {
        it->second = Entry{window_end, 0};
    }
    it->second.value += amount;
    return Count{it->second.value, window_end};
}

RateDecision RateLimiter::hit(const RatePolicy& policy, std::string_view subject)
{
    return decide(policy, subject, 1);
}

RateDecision RateLimiter::peek(const RatePolicy& policy, std::string_view subject)
{
    return decide(policy, subject, 0);
}

RateDecision RateLimiter::decide(const RatePolicy& policy, std::string_view subject, std::int64_t amount)
{
    RateDecision d;
    if (policy.limit <= 0) {
        return d;
    }
    auto now = clock_.now();
    std::string key;
    key.reserve(policy.name.size() + subject.size() + 1);
    key.append(policy.name).append("|").append(subject);
    auto count = store_.add(key, policy.window, now, amount);
    d.limit = policy.limit;
    d.reset = count.window_end;
    // A peek asks whether one more would be allowed; a hit whether this one was.
    std::int64_t used = count.value + (amount == 0 ? 1 : 0);
    d.allowed = used <= policy.limit;
    d.remaining = std::max<std::int64_t>(0, policy.limit - count.value);
    if (!d.allowed) {
        d.retry_after = std::max(std::chrono::seconds(1),
                                 std::chrono::ceil<std::chrono::seconds>(count.window_end - now));
    }
    return d;
}

}  // namespace sala::auth
