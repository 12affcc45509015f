// Account rules: what makes a username, a role and a password acceptable; the last active admin
// cannot be removed; changing a password or disabling an account ends its sessions. Blocking
// (SQL): run on a worker pool; password hashes are computed by the caller on the hashing pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/users/user.hpp"

namespace sala::auth {
class AuthService;
class ApiKeyService;
}

namespace sala::users {

[[nodiscard]] bool is_known_role(std::string_view role);

// Trims and checks every field; all problems in one validation error.
[[nodiscard]] Result<NewUser> validate_new_user(NewUser input);

// Validates, hashes the password and stores the account. Conflict when the username is taken.
// (For the command line; the API hashes on the hashing pool and calls UserService.)
[[nodiscard]] Result<std::int64_t> create_user(db::Database& db, const Clock& clock, NewUser input);

// Trims and checks a replacement of an account's details (and its new password, if any).
[[nodiscard]] Result<UserUpdate> validate_update(UserUpdate input);

// A change to one's own account (PATCH /users/me): absent fields stay, null clears.
struct ProfileChange {
    std::optional<std::string> firstname;
    std::optional<std::string> lastname;
    std::optional<std::optional<std::string>> phonenumber1;
    std::optional<std::optional<std::string>> phonenumber2;
    std::optional<std::optional<std::string>> avatar;
    std::optional<std::string> current_password;
    std::optional<std::string> new_password;
};

// A checked change to one's own account, waiting for its passwords to be verified and hashed.
struct OwnChange {
    Profile profile;
    std::string current_hash;                 // the stored hash the current password must match
    std::optional<std::string> current_password;
    std::optional<std::string> new_password;  // set: the password changes
};

class UserService {
public:
    UserService(db::Database& db, const Clock& clock, auth::AuthService& auth, auth::ApiKeyService& keys)
        : db_(db), clock_(clock), auth_(auth), keys_(keys)
    {
    }

    // Password hashes are computed by the caller (on the hashing pool), never here: these run on
    // the worker pool and only touch the database.
    [[nodiscard]] Result<User> get(std::int64_t user_id);
    [[nodiscard]] UserPage list(const UserFilter& filter);
    // `valid` comes from validate_new_user.
    [[nodiscard]] Result<User> create(const NewUser& valid, std::string_view password_hash);
    // `valid` comes from validate_update; `password_hash` is its new password's hash, if it has one.
    // `required_version`: If-Match's version, when the client sent one (412 when stale).
    [[nodiscard]] Result<User> update(std::int64_t user_id, const UserUpdate& valid,
                                      std::optional<std::string> password_hash,
                                      std::optional<std::int64_t> required_version = std::nullopt);
    [[nodiscard]] Result<void> remove(std::int64_t user_id, std::optional<std::int64_t> required_version = std::nullopt);
    [[nodiscard]] Result<User> set_status(std::int64_t user_id, std::string status,
                                          std::optional<std::int64_t> required_version = std::nullopt);
    [[nodiscard]] Result<User> reset_login_attempts(std::int64_t user_id);
    [[nodiscard]] Result<User> skip_lockout(std::int64_t user_id);
    // One's own account: plan_own_change merges and checks the change; the caller verifies the
    // current password and hashes the new one (on the hashing pool), then apply_own_change stores
    // it. `session_id` is the caller's session, kept when a password change ends the others.
    [[nodiscard]] Result<OwnChange> plan_own_change(std::int64_t user_id, ProfileChange change);
    [[nodiscard]] Result<User> apply_own_change(std::int64_t user_id, std::string_view session_id,
                                                const OwnChange& change, std::optional<std::string> new_hash);

private:
    // Applies a change to the sign-in bookkeeping of an existing account and reads it back.
    using Bookkeeping = void (*)(db::Connection&, std::int64_t, TimePoint);
    [[nodiscard]] Result<User> change_bookkeeping(std::int64_t user_id, Bookkeeping change);

    db::Database& db_;
    const Clock& clock_;
    auth::AuthService& auth_;
    auth::ApiKeyService& keys_;
};

}  // namespace sala::users
