// See auth_service.hpp. The sign-in order matters: an unknown username costs one password
// verification (against a dummy hash) exactly like a wrong password, so the two cannot be told
// apart by status, message or time; a locked account answers 423 whatever the password.
#include "auth/auth_service.hpp"

#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "auth/permissions.hpp"
#include "auth/session_repository.hpp"
#include "core/log.hpp"
#include "core/validation.hpp"
#include "school/activity/activity.hpp"
#include "school/users/user_repository.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace sala::auth {
namespace {

Error bad_credentials()
{
    return make_error(ErrorCode::unauthorized, "error.bad_credentials");
}

Error session_ended()
{
    return make_error(ErrorCode::unauthorized, "error.session_expired");
}

std::string details(std::initializer_list<std::pair<std::string_view, boost::json::value>> fields)
{
    boost::json::object o;
    for (const auto& [k, v] : fields) {
        o[k] = v;
    }
    return boost::json::serialize(o);
}

activity::Entry event(std::string action, std::optional<std::int64_t> user_id, const ClientInfo& client, TimePoint now,
                      std::string detail = "{}")
{
    return activity::Entry{user_id, std::move(action), "auth", user_id ? std::to_string(*user_id) : std::string(),
                           std::move(detail), client.ip, client.user_agent, client.request_id, now};
}

}  // namespace

AuthService::AuthService(db::Database& db, const Clock& clock, TokenSigner signer, SessionSettings settings)
    : db_(db), clock_(clock), signer_(std::move(signer)), settings_(settings), cache_(settings.cache_ttl)
{
}

TimePoint AuthService::idle_expiry(const Session& session, TimePoint now) const
{
    auto idle = session.remember_me ? settings_.remember_me_lifetime : settings_.idle_timeout;
    return std::min(now + idle, session.absolute_expires_at);
}

std::string AuthService::access_token_for(const Session& session, const users::User& user) const
{
    auto now = clock_.now();
    AccessClaims claims{std::to_string(user.user_id), user.role, session.session_id, random_token(16),
                        std::chrono::floor<std::chrono::seconds>(now),
                        std::chrono::floor<std::chrono::seconds>(now + settings_.access_token_ttl)};
    return signer_.sign(claims);
}

SignedIn AuthService::issue(db::Connection& c, const users::User& user, bool remember_me, const ClientInfo& client)
{
    auto now = clock_.now();
    Session s;
    s.session_id = random_token(24);
    s.user_id = user.user_id;
    s.remember_me = remember_me;
    s.created_at = now;
    s.last_activity = now;
    s.absolute_expires_at = now + (remember_me ? settings_.remember_me_lifetime : settings_.lifetime);
    s.expires_at = idle_expiry(s, now);
    repo::insert_session(c, s, client.ip, client.user_agent);
    std::string refresh = random_token(32);
    repo::insert_refresh_token(c, sha256_hex(refresh), s.session_id, now, s.absolute_expires_at);
    return SignedIn{access_token_for(s, user), refresh,
                    std::chrono::duration_cast<std::chrono::seconds>(settings_.access_token_ttl).count(), user, s};
}

Result<SignInAttempt> AuthService::begin_sign_in(std::string_view username_in, const ClientInfo& client)
{
    SignInAttempt attempt;
    attempt.username = trimmed(username_in).substr(0, 64);
    if (!attempt.username.empty()) {
        auto lease = db_.read();
        attempt.user = users::repo::find_by_username(*lease, attempt.username);
    }
    auto now = clock_.now();
    if (attempt.user && attempt.user->locked(now)) {
        activity::record(db_, event("auth.login_locked", attempt.user->user_id, client, now));
        Error e = make_error(ErrorCode::account_locked);
        e.retry_after = std::chrono::ceil<std::chrono::seconds>(*attempt.user->account_locked_until - now);
        return e;
    }
    return attempt;
}

PasswordCheck AuthService::check_password(const SignInAttempt& attempt, std::string_view password)
{
    PasswordCheck check;
    if (!attempt.user) {
        verify_against_dummy(password);
        return check;
    }
    check.matches = verify_password(attempt.user->password_hash, password);
    if (check.matches && needs_rehash(attempt.user->password_hash)) {
        check.new_hash = hash_password(password);  // an imported bcrypt hash becomes argon2id now
    }
    return check;
}

Result<SignedIn> AuthService::finish_sign_in(const SignInAttempt& attempt, const PasswordCheck& check,
                                             bool remember_me, const ClientInfo& client)
{
    auto now = clock_.now();
    boost::json::value attempted(attempt.username);
    if (!attempt.user) {
        activity::record(db_, event("auth.login_failed", std::nullopt, client, now,
                                    details({{"username", attempted}, {"reason", "bad_credentials"}})));
        return bad_credentials();
    }
    auto user = *attempt.user;
    if (!check.matches) {
        auto tx = db_.write();
        auto attempts = users::repo::record_failed_sign_in(*tx, user.user_id, now);
        if (attempts >= settings_.max_failed_sign_ins) {
            users::repo::lock(*tx, user.user_id, now + settings_.lockout);
            activity::record(*tx, event("auth.lockout", user.user_id, client, now,
                                        details({{"failedAttempts", attempts}})));
            tx.commit();
            Error e = make_error(ErrorCode::account_locked);
            e.retry_after = settings_.lockout;
            return e;
        }
        activity::record(*tx, event("auth.login_failed", user.user_id, client, now,
                                    details({{"username", attempted},
                                             {"reason", "bad_credentials"},
                                             {"failedAttempts", attempts}})));
        tx.commit();
        return bad_credentials();
    }
    if (user.status != users::kStatusActive) {
        activity::record(db_, event("auth.login_failed", user.user_id, client, now,
                                    details({{"username", attempted}, {"reason", "inactive"}})));
        return make_error(ErrorCode::forbidden, "error.account_inactive");
    }
    auto tx = db_.write();
    users::repo::record_sign_in(*tx, user.user_id, now);
    if (check.new_hash) {
        users::repo::set_password_hash(*tx, user.user_id, *check.new_hash, now);
    }
    user.last_login = now;
    user.failed_login_attempts = 0;
    user.account_locked_until.reset();
    auto signed_in = issue(*tx, user, remember_me, client);
    activity::record(*tx, event("auth.login", user.user_id, client, now,
                                details({{"rememberMe", remember_me}, {"rehashed", check.new_hash.has_value()}})));
    tx.commit();
    return signed_in;
}

Result<SignedIn> AuthService::refresh(std::string_view refresh_token, const ClientInfo& client)
{
    if (refresh_token.empty() || refresh_token.size() > 256) {
        return session_ended();
    }
    auto hash = sha256_hex(refresh_token);
    auto now = clock_.now();
    auto tx = db_.write();
    auto token = repo::find_refresh_token(*tx, hash);
    if (!token) {
        return session_ended();
    }
    auto state = repo::find_session_state(*tx, token->session_id);
    if (!state) {
        return session_ended();
    }
    if (token->rotated_at) {
        // A token that was already exchanged is being presented again: someone else has a copy.
        // End the whole session (every token of this family) and record it.
        repo::revoke_session(*tx, state->session.session_id, now, "refresh_token_reuse");
        activity::record(*tx, event("auth.refresh_reuse", state->session.user_id, client, now,
                                    details({{"rotatedAt", boost::json::value(format_timestamp(*token->rotated_at))}})));
        tx.commit();
        cache_.forget(state->session.session_id);
        log::warn("refresh_token_reuse", {{"requestId", client.request_id},
                                          {"userId", state->session.user_id},
                                          {"ip", client.ip}});
        return session_ended();
    }
    if (!state->usable(now) || token->expires_at <= now) {
        return session_ended();
    }
    if (!repo::rotate_refresh_token(*tx, hash, now)) {
        return session_ended();  // a concurrent refresh with the same token won
    }
    auto user = users::repo::find_by_id(*tx, state->session.user_id);
    if (!user) {
        return session_ended();
    }
    Session session = state->session;
    session.last_activity = now;
    session.expires_at = idle_expiry(session, now);
    repo::touch_session(*tx, session.session_id, now, session.expires_at);
    std::string next = random_token(32);
    repo::insert_refresh_token(*tx, sha256_hex(next), session.session_id, now, session.absolute_expires_at);
    tx.commit();
    state->session = session;
    cache_.put(*state, now);
    return SignedIn{access_token_for(session, *user), next,
                    std::chrono::duration_cast<std::chrono::seconds>(settings_.access_token_ttl).count(), *user,
                    session};
}

Result<Session> AuthService::heartbeat(std::string_view session_id)
{
    auto now = clock_.now();
    auto tx = db_.write();
    auto state = repo::find_session_state(*tx, session_id);
    if (!state || !state->usable(now)) {
        return session_ended();
    }
    state->session.last_activity = now;
    state->session.expires_at = idle_expiry(state->session, now);
    repo::touch_session(*tx, session_id, now, state->session.expires_at);
    tx.commit();
    cache_.put(*state, now);
    return state->session;
}

void AuthService::sign_out(const Principal& principal, const ClientInfo& client)
{
    auto now = clock_.now();
    auto tx = db_.write();
    repo::revoke_session(*tx, principal.session_id, now, "sign_out");
    activity::record(*tx, event("auth.logout", principal.user_id, client, now));
    tx.commit();
    cache_.forget(principal.session_id);
}

Result<AccessClaims> AuthService::check_token(std::string_view access_token) const
{
    return signer_.verify(access_token, clock_.now());
}

std::optional<SessionState> AuthService::cached_session(std::string_view session_id) const
{
    return cache_.get(session_id, clock_.now());
}

std::optional<SessionState> AuthService::load_session(std::string_view session_id)
{
    std::optional<SessionState> state;
    {
        auto lease = db_.read();
        state = repo::find_session_state(*lease, session_id);
    }
    if (state) {
        cache_.put(*state, clock_.now());
    }
    return state;
}

Result<Principal> AuthService::principal_for(const std::optional<SessionState>& state, const AccessClaims& claims) const
{
    if (!state || !state->usable(clock_.now()) || std::to_string(state->session.user_id) != claims.subject) {
        return session_ended();
    }
    Principal p;
    p.user_id = state->session.user_id;
    p.username = state->username;
    p.role = state->role;  // the current role, not the one in the token
    p.session_id = state->session.session_id;
    p.permissions = role_permissions(state->role);
    return p;
}

void AuthService::revoke_user_sessions(db::Connection& c, std::int64_t user_id, std::string_view reason,
                                       std::string_view except_session)
{
    repo::revoke_user_sessions(c, user_id, clock_.now(), reason, except_session);
    cache_.forget_user(user_id);
}

}  // namespace sala::auth
