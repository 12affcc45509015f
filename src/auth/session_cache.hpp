// Validated sessions kept in memory for a few seconds, so authenticating a request usually needs
// no database round trip. Every revocation on this instance evicts at once; other instances see
// it within the cache's time-to-live.
#pragma once

#include "auth/session.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sala::auth {

class SessionCache {
public:
    explicit SessionCache(std::chrono::seconds ttl) : ttl_(ttl) {}

    [[nodiscard]] std::optional<SessionState> get(std::string_view session_id, TimePoint now) const;
    void put(const SessionState& state, TimePoint now);
    void forget(std::string_view session_id);
    void forget_user(std::int64_t user_id);

private:
    struct Cached {
        SessionState state;
        TimePoint loaded_at;
    };
    static constexpr std::size_t kMaxEntries = 100'000;
    std::chrono::seconds ttl_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Cached> entries_;
};

}  // namespace sala::auth
