// Answers to repeated reads without running them again. A route marked `cached` has answers that
// depend only on its target, its caller and the stored data; each answer is kept with the count
// of committed writes it was read at (ChangeCounter) and served until any write commits, for at
// most `ttl` (the bound on staleness for writes made by another process), within a byte budget.
#pragma once

#include "core/change_counter.hpp"
#include "core/clock.hpp"
#include "http/message.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sala::http {

class ResponseCache {
public:
    ResponseCache(const ChangeCounter& changes, const Clock& clock, std::size_t max_bytes,
                  std::chrono::milliseconds ttl);

    // What a stored answer must be read at: take it before reading the data.
    [[nodiscard]] std::uint64_t generation() const { return changes_.value(); }

    // The stored answer for `key`, if it is still current.
    [[nodiscard]] std::shared_ptr<const Response> find(const std::string& key);
    // Keeps `response`, read at `generation`, unless a write has committed since.
    void store(const std::string& key, std::uint64_t generation, const Response& response);

    [[nodiscard]] std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::size_t bytes() const;

private:
    struct Entry {
        std::string key;
        std::uint64_t generation = 0;
        TimePoint stored_at;
        std::size_t size = 0;
        std::shared_ptr<const Response> response;
    };
    using Lru = std::list<Entry>;  // most recently used first

    void erase(Lru::iterator it);

    const ChangeCounter& changes_;
    const Clock& clock_;
    const std::size_t max_bytes_;
    const std::chrono::milliseconds ttl_;
    mutable std::mutex mutex_;
    Lru lru_;
    std::unordered_map<std::string_view, Lru::iterator> index_;  // keys point into the entries
    std::size_t bytes_ = 0;
    std::atomic<std::uint64_t> hits_{0};
    std::atomic<std::uint64_t> misses_{0};
};

}  // namespace sala::http
