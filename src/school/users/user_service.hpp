// Account rules: what makes a username, a role and a password acceptable; the last active admin
// cannot be removed; changing a password or disabling an account ends its sessions. Blocking
// (hashing, SQL): run on the hashing pool when a password is hashed, else on the worker pool.
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
[[nodiscard]] Result<std::int64_t> create_user(db::Database& db, const Clock& clock, NewUser input);

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

class UserService {
public:
    UserService(db::Database& db, const Clock& clock, auth::AuthService& auth, auth::ApiKeyService& keys)
        : db_(db), clock_(clock), auth_(auth), keys_(keys)
    {
    }

    [[nodiscard]] Result<User> get(std::int64_t user_id);
    [[nodiscard]] UserPage list(const UserFilter& filter);
    [[nodiscard]] Result<User> create(NewUser input);
    [[nodiscard]] Result<User> update(std::int64_t user_id, UserUpdate input);
    [[nodiscard]] Result<void> remove(std::int64_t user_id);
    [[nodiscard]] Result<User> set_status(std::int64_t user_id, std::string status);
    [[nodiscard]] Result<User> reset_login_attempts(std::int64_t user_id);
    [[nodiscard]] Result<User> skip_lockout(std::int64_t user_id);
    // `session_id` is the caller's session, kept when a password change ends the others.
    [[nodiscard]] Result<User> change_own(std::int64_t user_id, std::string_view session_id, ProfileChange change);

private:
    db::Database& db_;
    const Clock& clock_;
    auth::AuthService& auth_;
    auth::ApiKeyService& keys_;
};

}  // namespace sala::users
