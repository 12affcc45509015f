// See user_repository.hpp.
#include "school/users/user_repository.hpp"

#include "school/users/user_sql.hpp"

namespace sala::users::repo {
namespace {

User from_row(const db::Row& r)
{
    User u;
    u.user_id = r.get<std::int64_t>("user_id");
    u.username = r.get<std::string>("username");
    u.password_hash = r.get<std::string>("password_hash");
    u.firstname = r.get<std::string>("firstname");
    u.lastname = r.get<std::string>("lastname");
    u.role = r.get<std::string>("role");
    u.position = r.get<std::optional<std::string>>("position");
    u.phonenumber1 = r.get<std::optional<std::string>>("phonenumber1");
    u.phonenumber2 = r.get<std::optional<std::string>>("phonenumber2");
    u.avatar = r.get<std::optional<std::string>>("avatar");
    u.photo = r.get<std::optional<std::string>>("photo");
    u.status = r.get<std::string>("status");
    u.failed_login_attempts = r.get<std::int64_t>("failed_login_attempts");
    u.account_locked_until = r.get<std::optional<TimePoint>>("account_locked_until");
    u.last_login = r.get<std::optional<TimePoint>>("last_login");
    u.created_at = r.get<TimePoint>("created_at");
    u.updated_at = r.get<TimePoint>("updated_at");
    return u;
}

}  // namespace

std::optional<User> find_by_username(db::Connection& c, std::string_view username)
{
    auto rows = c.query(sql::kSelectByUsername, username);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

std::optional<std::int64_t> insert(db::Connection& c, const NewUser& user, std::string_view password_hash, TimePoint now)
{
    if (find_by_username(c, user.username)) {
        return std::nullopt;
    }
    try {
        return c.query_value<std::int64_t>(sql::kInsert, user.username, password_hash, user.firstname, user.lastname,
                                           user.role, user.position, user.phonenumber1, user.phonenumber2, now);
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbError::Kind::unique) {
            return std::nullopt;  // a concurrent insert took the name between the check and the insert
        }
        throw;
    }
}

void set_password_hash(db::Connection& c, std::int64_t user_id, std::string_view password_hash, TimePoint now)
{
    c.execute(sql::kUpdatePasswordHash, user_id, password_hash, now);
}

}  // namespace sala::users::repo
