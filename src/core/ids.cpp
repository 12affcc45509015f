// Request-id generation: a per-thread PRNG seeded once, cheap enough for every request.
#include "core/ids.hpp"

#include <cstdint>
#include <random>

namespace sala {

std::string new_request_id()
{
    thread_local std::mt19937_64 engine{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    std::uint64_t hi = engine();
    std::uint64_t lo = engine();
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // variant 10
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(36, '-');
    std::size_t pos = 0;
    auto put = [&](std::uint64_t v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) {
            if (pos == 8 || pos == 13 || pos == 18 || pos == 23) {
                ++pos;
            }
            out[pos++] = kHex[(v >> (i * 4)) & 0xf];
        }
    };
    put(hi, 16);
    put(lo, 16);
    return out;
}

bool is_valid_request_id(std::string_view id)
{
    if (id.empty() || id.size() > 128) {
        return false;
    }
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == ':' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace sala
