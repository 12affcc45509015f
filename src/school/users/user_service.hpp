// Account rules: what makes a username, a role and a password acceptable, and creating accounts
// under them. Blocking (hashing, SQL): run on the worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/users/user.hpp"

namespace sala::users {

[[nodiscard]] bool is_known_role(std::string_view role);

// Trims and checks every field; all problems in one validation error.
[[nodiscard]] Result<NewUser> validate_new_user(NewUser input);

// Validates, hashes the password and stores the account. Conflict when the username is taken.
[[nodiscard]] Result<std::int64_t> create_user(db::Database& db, const Clock& clock, NewUser input);

}  // namespace sala::users
