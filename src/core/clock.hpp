// The source of "now" for everything that depends on time (tokens, lockouts, rate limits,
// timestamps), injectable so tests move time instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>

namespace sala {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to; shared by the tests of every time-dependent rule.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
    [[nodiscard]] TimePoint now() const override { return TimePoint(TimePoint::duration(now_.load())); }
    void advance(std::chrono::system_clock::duration d) { now_ += d.count(); }
    void set(TimePoint t) { now_ = t.time_since_epoch().count(); }

private:
    std::atomic<TimePoint::rep> now_;
};

}  // namespace sala
