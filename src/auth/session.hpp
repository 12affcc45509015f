// Sign-in sessions: what is stored, and the rules for how long they live.
#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace sala::auth {

struct SessionSettings {
    std::chrono::seconds access_token_ttl{15 * 60};
    std::chrono::seconds idle_timeout{30 * 60};                // without heartbeat or refresh
    std::chrono::seconds lifetime{12 * 3600};                  // absolute, without rememberMe
    std::chrono::seconds remember_me_lifetime{7 * 24 * 3600};  // absolute (and idle) with rememberMe
    std::int64_t max_failed_sign_ins = 5;
    std::chrono::seconds lockout{10 * 60};
    std::chrono::seconds cache_ttl{5};  // how long a validated session is trusted without the database
};

struct Session {
    std::string session_id;
    std::int64_t user_id = 0;
    bool remember_me = false;
    TimePoint created_at;
    TimePoint last_activity;
    TimePoint expires_at;           // idle expiry
    TimePoint absolute_expires_at;  // hard end
    std::optional<TimePoint> revoked_at;

    [[nodiscard]] bool active(TimePoint now) const
    {
        return !revoked_at && now < expires_at && now < absolute_expires_at;
    }
};

// What authenticating a request needs to know about a session and its user.
struct SessionState {
    Session session;
    std::string username;
    std::string role;
    std::string user_status;
    bool user_deleted = false;

    [[nodiscard]] bool usable(TimePoint now) const
    {
        return session.active(now) && user_status == "active" && !user_deleted;
    }
};

}  // namespace sala::auth
