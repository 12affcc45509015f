// Signing in and staying signed in: sign-in with lockout, access tokens, refresh-token rotation
// with reuse detection, heartbeat, sign-out, and checking the access token of every request.
// Blocking (SQL, password hashing): the hash runs on the hashing pool, everything else on the worker pools.
#pragma once

#include "auth/jwt.hpp"
#include "auth/session.hpp"
#include "auth/session_cache.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/users/user.hpp"

#include <optional>
#include <string>

namespace sala::auth {

// Where a request came from, for the activity log and the session record.
struct ClientInfo {
    std::string ip;
    std::string user_agent;
    std::string request_id;
};

// Signing in runs in three steps so that the password hash, ~15 ms of pure CPU, runs alone on
// the hashing pool (at low priority) and every database step on the worker pool.
struct SignInAttempt {
    std::string username;                // as typed, trimmed (what the activity log records)
    std::optional<users::User> user;     // nullopt: no such account
};

struct PasswordCheck {
    bool matches = false;
    std::optional<std::string> new_hash;  // an imported hash, replaced by argon2id
};

struct SignedIn {
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_in = 0;  // seconds the access token lives
    users::User user;
    Session session;
};

class AuthService {
public:
    AuthService(db::Database& db, const Clock& clock, TokenSigner signer, SessionSettings settings);

    // Step 1 (worker pool): who is signing in; refuses a locked account at once (423).
    [[nodiscard]] Result<SignInAttempt> begin_sign_in(std::string_view username, const ClientInfo& client);
    // Step 2 (hashing pool; no database, no lock): the password against the account's hash, or
    // against a dummy hash for an unknown username so both cost the same.
    [[nodiscard]] static PasswordCheck check_password(const SignInAttempt& attempt, std::string_view password);
    // Step 3 (worker pool): counts the failure (and locks after too many), or opens the session.
    [[nodiscard]] Result<SignedIn> finish_sign_in(const SignInAttempt& attempt, const PasswordCheck& check,
                                                  bool remember_me, const ClientInfo& client);
    [[nodiscard]] Result<SignedIn> refresh(std::string_view refresh_token, const ClientInfo& client);
    [[nodiscard]] Result<Session> heartbeat(std::string_view session_id);
    void sign_out(const Principal& principal, const ClientInfo& client);

    // The access token's claims, checked without the database (signature, issuer, audience, expiry).
    [[nodiscard]] Result<AccessClaims> check_token(std::string_view access_token) const;
    // The session behind a token as cached, if the cache has it fresh; never blocks.
    [[nodiscard]] std::optional<SessionState> cached_session(std::string_view session_id) const;
    // The session from the database (blocking), refreshing the cache.
    [[nodiscard]] std::optional<SessionState> load_session(std::string_view session_id);
    // The principal for a usable session, or 401.
    [[nodiscard]] Result<Principal> principal_for(const std::optional<SessionState>& state,
                                                  const AccessClaims& claims) const;

    // Revokes every session of a user (password change, deactivation, deletion), except one.
    void revoke_user_sessions(db::Connection& c, std::int64_t user_id, std::string_view reason,
                              std::string_view except_session = {});
    // Forgets cached sessions of a user once a change to them has committed.
    void forget_user(std::int64_t user_id) { cache_.forget_user(user_id); }

    [[nodiscard]] const SessionSettings& settings() const { return settings_; }
    [[nodiscard]] const Clock& clock() const { return clock_; }

private:
    SignedIn issue(db::Connection& c, const users::User& user, bool remember_me, const ClientInfo& client);
    std::string access_token_for(const Session& session, const users::User& user) const;
    TimePoint idle_expiry(const Session& session, TimePoint now) const;

    db::Database& db_;
    const Clock& clock_;
    TokenSigner signer_;
    SessionSettings settings_;
    SessionCache cache_;
};

}  // namespace sala::auth
