// The demo school's only source of chance. std::mt19937_64's sequence is fixed by the standard,
// while the standard distributions are not (each library draws differently), so every draw goes
// through these few helpers: one seed gives the same school with any compiler.
#pragma once

#include <cstdint>
#include <random>
#include <span>

namespace sala::demo {

class Dice {
public:
    explicit Dice(std::uint64_t seed) : engine_(seed) {}

    // 0 to n - 1 (n > 0). The modulo bias is below one in 10^15 for the small n used here.
    [[nodiscard]] std::uint64_t below(std::uint64_t n) { return engine_() % n; }
    // lo to hi, both included.
    [[nodiscard]] std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    // True `percent` times in a hundred.
    [[nodiscard]] bool chance(unsigned percent) { return below(100) < percent; }
    // 0 (included) to 1 (excluded), in steps of 2^-53.
    [[nodiscard]] double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    // Around `mean` with standard deviation `sd`: the sum of twelve uniform draws (Irwin–Hall),
    // never more than six deviations away, which suits marks and rates.
    [[nodiscard]] double normal(double mean, double sd)
    {
        double sum = 0;
        for (int i = 0; i < 12; ++i) {
            sum += uniform();
        }
        return mean + sd * (sum - 6);
    }
    template <class T>
    [[nodiscard]] const T& pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace sala::demo
