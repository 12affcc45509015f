// SQL access for users: no rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "db/database.hpp"
#include "school/users/user.hpp"

#include <optional>

namespace sala::users::repo {

[[nodiscard]] std::optional<User> find_by_username(db::Connection& c, std::string_view username);

// Inserts the account; nullopt when the username is taken.
[[nodiscard]] std::optional<std::int64_t> insert(db::Connection& c, const NewUser& user, std::string_view password_hash,
                                                 TimePoint now);

void set_password_hash(db::Connection& c, std::int64_t user_id, std::string_view password_hash, TimePoint now);

}  // namespace sala::users::repo
