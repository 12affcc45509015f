// A count of committed writes. The database moves it after every commit; whoever keeps copies
// derived from stored data (the response cache) remembers the count it read them at and knows
// they are stale once the count has moved.
#pragma once

#include <atomic>
#include <cstdint>

namespace sala {

class ChangeCounter {
public:
    [[nodiscard]] std::uint64_t value() const { return count_.load(std::memory_order_acquire); }
    // After the commit: a reader that sees the new count also sees the committed data.
    void bump() { count_.fetch_add(1, std::memory_order_acq_rel); }

private:
    std::atomic<std::uint64_t> count_{0};
};

}  // namespace sala
