// SQL access for sessions and refresh tokens: no rules. Throws (DbError) only when the database fails.
#pragma once

#include "auth/session.hpp"
#include "db/database.hpp"

#include <optional>

namespace sala::auth::repo {

void insert_session(db::Connection& c, const Session& s, std::string_view ip, std::string_view user_agent);
[[nodiscard]] std::optional<SessionState> find_session_state(db::Connection& c, std::string_view session_id);
void touch_session(db::Connection& c, std::string_view session_id, TimePoint now, TimePoint expires_at);
void revoke_session(db::Connection& c, std::string_view session_id, TimePoint now, std::string_view reason);
// Every live session of the user except `except` (empty: all). Returns how many were revoked.
std::int64_t revoke_user_sessions(db::Connection& c, std::int64_t user_id, TimePoint now, std::string_view reason,
                                  std::string_view except);

struct RefreshToken {
    std::string token_hash;
    std::string session_id;
    TimePoint expires_at;
    std::optional<TimePoint> rotated_at;
};
void insert_refresh_token(db::Connection& c, std::string_view token_hash, std::string_view session_id, TimePoint now,
                          TimePoint expires_at);
[[nodiscard]] std::optional<RefreshToken> find_refresh_token(db::Connection& c, std::string_view token_hash);
// True when this call is the one that used the token.
[[nodiscard]] bool rotate_refresh_token(db::Connection& c, std::string_view token_hash, TimePoint now);

}  // namespace sala::auth::repo
