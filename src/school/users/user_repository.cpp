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
    u.last_failed_login = r.get<std::optional<TimePoint>>("last_failed_login");
    u.row_version = r.get<std::int64_t>("row_version");
    u.created_at = r.get<TimePoint>("created_at");
    u.updated_at = r.get<TimePoint>("updated_at");
    return u;
}

std::optional<User> first(const db::Rows& rows)
{
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

}  // namespace

std::optional<User> find_by_username(db::Connection& c, std::string_view username)
{
    return first(c.query(sql::kSelectByUsername, username));
}

std::optional<User> find_by_id(db::Connection& c, std::int64_t user_id)
{
    return first(c.query(sql::kSelectById, user_id));
}

std::optional<User> lock_by_id(db::Connection& c, std::int64_t user_id)
{
    return first(c.query(sql::kLockById.text(c), user_id));
}

UserPage list(db::Connection& c, const UserFilter& f)
{
    std::optional<std::string> pattern;
    if (f.q) {
        pattern = "%" + *f.q + "%";
    }
    UserPage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kCountSelect) + std::string(sql::kListWhere), f.role,
                                             f.status, pattern)
                     .value_or(0);
    // order_by comes from the service's whitelist of columns, never from the client's text.
    auto statement = std::string(sql::kListSelect) + std::string(sql::kListWhere) + " ORDER BY " + f.order_by +
                     " LIMIT $4 OFFSET $5";
    for (auto r : c.query(statement, f.role, f.status, pattern, f.limit, (f.page - 1) * f.limit)) {
        page.users.push_back(from_row(r));
    }
    return page;
}

std::vector<PickerEntry> list_for_picker(db::Connection& c)
{
    std::vector<PickerEntry> out;
    for (auto r : c.query(sql::kSelectPickerUsers)) {
        out.push_back(PickerEntry{r.get<std::int64_t>("user_id"), r.get<std::string>("username"),
                                  r.get<std::string>("firstname"), r.get<std::string>("lastname"),
                                  r.get<std::optional<std::string>>("avatar")});
    }
    return out;
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
        if (e.is_unique_violation()) {
            return std::nullopt;  // a concurrent insert took the name between the check and the insert
        }
        throw;
    }
}

bool update(db::Connection& c, std::int64_t user_id, const UserUpdate& u, TimePoint now)
{
    if (auto other = find_by_username(c, u.username); other && other->user_id != user_id) {
        return false;
    }
    try {
        c.execute(sql::kUpdate, user_id, u.username, u.firstname, u.lastname, u.role, u.position, u.phonenumber1,
                  u.phonenumber2, now);
        return true;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return false;
        }
        throw;
    }
}

void update_profile(db::Connection& c, std::int64_t user_id, const Profile& p, TimePoint now)
{
    c.execute(sql::kUpdateProfile, user_id, p.firstname, p.lastname, p.phonenumber1, p.phonenumber2, p.avatar, now);
}

bool set_avatar(db::Connection& c, std::int64_t user_id, std::optional<std::int64_t> file_id,
                std::optional<std::string> avatar, TimePoint now)
{
    return c.execute(sql::kSetAvatar, user_id, file_id, avatar, now) == 1;
}

std::optional<std::optional<std::int64_t>> avatar_file(db::Connection& c, std::int64_t user_id)
{
    auto rows = c.query(sql::kAvatarFile, user_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front().get<std::optional<std::int64_t>>(std::size_t{0});
}

void set_password_hash(db::Connection& c, std::int64_t user_id, std::string_view password_hash, TimePoint now)
{
    c.execute(sql::kUpdatePasswordHash, user_id, password_hash, now);
}

void set_status(db::Connection& c, std::int64_t user_id, std::string_view status, TimePoint now)
{
    c.execute(sql::kUpdateStatus, user_id, status, now);
}

void soft_delete(db::Connection& c, std::int64_t user_id, TimePoint now)
{
    c.execute(sql::kSoftDelete, user_id, now);
}

std::int64_t count_other_active_admins(db::Connection& c, std::int64_t user_id)
{
    return c.query_value<std::int64_t>(sql::kCountOtherActiveAdmins, user_id).value_or(0);
}

std::int64_t record_failed_sign_in(db::Connection& c, std::int64_t user_id, TimePoint now)
{
    return c.query_value<std::int64_t>(sql::kRecordFailedSignIn, user_id, now).value_or(0);
}

void lock(db::Connection& c, std::int64_t user_id, TimePoint until)
{
    c.execute(sql::kLock, user_id, until);
}

void record_sign_in(db::Connection& c, std::int64_t user_id, TimePoint now)
{
    c.execute(sql::kRecordSignIn, user_id, now);
}

void reset_login_attempts(db::Connection& c, std::int64_t user_id, TimePoint now)
{
    c.execute(sql::kResetLoginAttempts, user_id, now);
}

void clear_lockout(db::Connection& c, std::int64_t user_id, TimePoint now)
{
    c.execute(sql::kClearLockout, user_id, now);
}

}  // namespace sala::users::repo
