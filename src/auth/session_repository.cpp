// See session_repository.hpp.
#include "auth/session_repository.hpp"

#include "auth/session_sql.hpp"

namespace sala::auth::repo {

void insert_session(db::Connection& c, const Session& s, std::string_view ip, std::string_view user_agent)
{
    c.execute(sql::kInsertSession, s.session_id, s.user_id, s.remember_me, s.created_at, s.expires_at,
              s.absolute_expires_at, ip, user_agent.substr(0, 512));
}

std::optional<SessionState> find_session_state(db::Connection& c, std::string_view session_id)
{
    auto rows = c.query(sql::kSelectSessionState, session_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    auto r = rows.front();
    SessionState state;
    state.session.session_id = r.get<std::string>("session_id");
    state.session.user_id = r.get<std::int64_t>("user_id");
    state.session.remember_me = r.get<bool>("remember_me");
    state.session.created_at = r.get<TimePoint>("created_at");
    state.session.last_activity = r.get<TimePoint>("last_activity");
    state.session.expires_at = r.get<TimePoint>("expires_at");
    state.session.absolute_expires_at = r.get<TimePoint>("absolute_expires_at");
    state.session.revoked_at = r.get<std::optional<TimePoint>>("revoked_at");
    state.username = r.get<std::string>("username");
    state.role = r.get<std::string>("role");
    state.user_status = r.get<std::string>("status");
    state.user_deleted = !r.is_null(11);
    return state;
}

void touch_session(db::Connection& c, std::string_view session_id, TimePoint now, TimePoint expires_at)
{
    c.execute(sql::kTouchSession, session_id, now, expires_at);
}

void revoke_session(db::Connection& c, std::string_view session_id, TimePoint now, std::string_view reason)
{
    c.execute(sql::kRevokeSession, session_id, now, reason);
}

std::int64_t revoke_user_sessions(db::Connection& c, std::int64_t user_id, TimePoint now, std::string_view reason,
                                  std::string_view except)
{
    return c.execute(sql::kRevokeUserSessions, user_id, now, reason, except);
}

void insert_refresh_token(db::Connection& c, std::string_view token_hash, std::string_view session_id, TimePoint now,
                          TimePoint expires_at)
{
    c.execute(sql::kInsertRefreshToken, token_hash, session_id, now, expires_at);
}

std::optional<RefreshToken> find_refresh_token(db::Connection& c, std::string_view token_hash)
{
    auto rows = c.query(sql::kSelectRefreshToken, token_hash);
    if (rows.empty()) {
        return std::nullopt;
    }
    auto r = rows.front();
    return RefreshToken{r.get<std::string>("token_hash"), r.get<std::string>("session_id"),
                        r.get<TimePoint>("expires_at"), r.get<std::optional<TimePoint>>("rotated_at")};
}

bool rotate_refresh_token(db::Connection& c, std::string_view token_hash, TimePoint now)
{
    return c.execute(sql::kRotateRefreshToken, token_hash, now) == 1;
}

}  // namespace sala::auth::repo
