// SQL access for users: no rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "db/database.hpp"
#include "school/users/user.hpp"

#include <optional>

namespace sala::users::repo {

[[nodiscard]] std::optional<User> find_by_username(db::Connection& c, std::string_view username);
[[nodiscard]] std::optional<User> find_by_id(db::Connection& c, std::int64_t user_id);
// The same, and no other transaction changes the account until this one ends.
[[nodiscard]] std::optional<User> lock_by_id(db::Connection& c, std::int64_t user_id);
[[nodiscard]] UserPage list(db::Connection& c, const UserFilter& filter);

struct PickerEntry {
    std::int64_t user_id = 0;
    std::string username;
    std::string firstname;
    std::string lastname;
    std::optional<std::string> avatar;
};
[[nodiscard]] std::vector<PickerEntry> list_for_picker(db::Connection& c);

// Inserts the account; nullopt when the username is taken.
[[nodiscard]] std::optional<std::int64_t> insert(db::Connection& c, const NewUser& user, std::string_view password_hash,
                                                 TimePoint now);
// False when the new username belongs to another account.
[[nodiscard]] bool update(db::Connection& c, std::int64_t user_id, const UserUpdate& update, TimePoint now);
void update_profile(db::Connection& c, std::int64_t user_id, const Profile& profile, TimePoint now);
// False when there is no such (live) account.
[[nodiscard]] bool set_avatar(db::Connection& c, std::int64_t user_id, std::optional<std::int64_t> file_id,
                              std::optional<std::string> avatar, TimePoint now);
// The account's uploaded avatar: nullopt when there is no such account, an empty optional when it
// has none.
[[nodiscard]] std::optional<std::optional<std::int64_t>> avatar_file(db::Connection& c, std::int64_t user_id);
void set_password_hash(db::Connection& c, std::int64_t user_id, std::string_view password_hash, TimePoint now);
void set_status(db::Connection& c, std::int64_t user_id, std::string_view status, TimePoint now);
void soft_delete(db::Connection& c, std::int64_t user_id, TimePoint now);
[[nodiscard]] std::int64_t count_other_active_admins(db::Connection& c, std::int64_t user_id);

// Sign-in bookkeeping.
[[nodiscard]] std::int64_t record_failed_sign_in(db::Connection& c, std::int64_t user_id, TimePoint now);
void lock(db::Connection& c, std::int64_t user_id, TimePoint until);
void record_sign_in(db::Connection& c, std::int64_t user_id, TimePoint now);
void reset_login_attempts(db::Connection& c, std::int64_t user_id, TimePoint now);
void clear_lockout(db::Connection& c, std::int64_t user_id, TimePoint now);

}  // namespace sala::users::repo
