// See user_service.hpp.
#include "school/users/user_service.hpp"

#include "auth/api_key.hpp"
#include "auth/auth_service.hpp"
#include "auth/password.hpp"
#include "core/validation.hpp"
#include "school/users/user_repository.hpp"

namespace sala::users {
namespace {

bool valid_username_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

void check_username(FieldErrors& errors, std::string& username)
{
    username = trimmed(username);
    if (username.size() < 3) {
        errors.add("username", username.empty() ? "REQUIRED" : "TOO_SHORT", {{"min", "3"}});
    } else if (username.size() > 64) {
        errors.add("username", "TOO_LONG", {{"max", "64"}});
    } else if (!std::all_of(username.begin(), username.end(), valid_username_char)) {
        errors.add("username", "INVALID_FORMAT");
    }
}

void check_role(FieldErrors& errors, const std::string& role)
{
    if (!is_known_role(role)) {
        errors.add("role", "INVALID_VALUE", {{"allowed", "admin, teacher"}});
    }
}

void check_details(FieldErrors& errors, std::string& firstname, std::string& lastname,
                   std::optional<std::string>& position, std::optional<std::string>& phone1,
                   std::optional<std::string>& phone2)
{
    require_text(errors, "firstname", firstname, 100);
    require_text(errors, "lastname", lastname, 100);
    optional_text(errors, "position", position, 100);
    optional_text(errors, "phonenumber1", phone1, 20);
    optional_text(errors, "phonenumber2", phone2, 20);
    check_phone(errors, "phonenumber1", phone1);
    check_phone(errors, "phonenumber2", phone2);
}

Error username_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.username_taken");
    e.details.push_back(field_error("username", "ALREADY_EXISTS"));
    return e;
}

// If-Match named a version the account has moved past.
bool stale(const User& current, std::optional<std::int64_t> required_version)
{
    return required_version && *required_version != current.row_version;
}

Error last_admin()
{
    return make_error(ErrorCode::conflict, "error.last_admin");
}

}  // namespace

bool is_known_role(std::string_view role)
{
    return role == kRoleAdmin || role == kRoleTeacher;
}

Result<NewUser> validate_new_user(NewUser input)
{
    FieldErrors errors;
    check_username(errors, input.username);
    check_details(errors, input.firstname, input.lastname, input.position, input.phonenumber1, input.phonenumber2);
    check_role(errors, input.role);
    auth::check_password_policy(input.password, input.username, "password", errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    return input;
}

Result<std::int64_t> create_user(db::Database& db, const Clock& clock, NewUser input)
{
    auto valid = validate_new_user(std::move(input));
    if (!valid) {
        return valid.error();
    }
    auto hash = auth::hash_password(valid->password);
    auto tx = db.write();
    auto id = repo::insert(*tx, *valid, hash, clock.now());
    if (!id) {
        return username_taken();
    }
    tx.commit();
    return *id;
}

Result<User> UserService::get(std::int64_t user_id)
{
    auto lease = db_.read();
    auto user = repo::find_by_id(*lease, user_id);
    if (!user) {
        return make_error(ErrorCode::not_found);
    }
    return *user;
}

UserPage UserService::list(const UserFilter& filter)
{
    auto lease = db_.read();
    return repo::list(*lease, filter);
}

Result<User> UserService::create(const NewUser& valid, std::string_view password_hash)
{
    auto tx = db_.write();
    auto id = repo::insert(*tx, valid, password_hash, clock_.now());
    if (!id) {
        return username_taken();
    }
    auto user = repo::find_by_id(*tx, *id);
    tx.commit();
    return *user;
}

Result<UserUpdate> validate_update(UserUpdate input)
{
    FieldErrors errors;
    check_username(errors, input.username);
    check_details(errors, input.firstname, input.lastname, input.position, input.phonenumber1, input.phonenumber2);
    check_role(errors, input.role);
    if (input.password) {
        auth::check_password_policy(*input.password, input.username, "password", errors);
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    return input;
}

Result<User> UserService::update(std::int64_t user_id, const UserUpdate& input, std::optional<std::string> hash,
                                 std::optional<std::int64_t> required_version)
{
    auto now = clock_.now();
    auto tx = db_.write();
    auto current = repo::lock_by_id(*tx, user_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (stale(*current, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    bool demoting_admin = current->role == kRoleAdmin && input.role != kRoleAdmin && current->status == kStatusActive;
    if (demoting_admin && repo::count_other_active_admins(*tx, user_id) == 0) {
        return last_admin();
    }
    if (!repo::update(*tx, user_id, input, now)) {
        return username_taken();
    }
    if (hash) {
        repo::set_password_hash(*tx, user_id, *hash, now);
        auth_.revoke_user_sessions(*tx, user_id, "password_reset");
    }
    auto updated = repo::find_by_id(*tx, user_id);
    tx.commit();
    auth_.forget_user(user_id);  // the role may have changed
    return *updated;
}

Result<void> UserService::remove(std::int64_t user_id, std::optional<std::int64_t> required_version)
{
    auto now = clock_.now();
    auto tx = db_.write();
    auto current = repo::lock_by_id(*tx, user_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (stale(*current, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (current->role == kRoleAdmin && current->status == kStatusActive &&
        repo::count_other_active_admins(*tx, user_id) == 0) {
        return last_admin();
    }
    repo::soft_delete(*tx, user_id, now);
    auth_.revoke_user_sessions(*tx, user_id, "account_deleted");
    tx.commit();
    auth_.forget_user(user_id);
    keys_.forget_creator(user_id);
    return {};
}

Result<User> UserService::set_status(std::int64_t user_id, std::string status,
                                     std::optional<std::int64_t> required_version)
{
    FieldErrors errors;
    check_one_of(errors, "status", status, {kStatusActive, kStatusInactive});
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto now = clock_.now();
    auto tx = db_.write();
    auto current = repo::lock_by_id(*tx, user_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (stale(*current, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (status == kStatusInactive && current->role == kRoleAdmin && current->status == kStatusActive &&
        repo::count_other_active_admins(*tx, user_id) == 0) {
        return last_admin();
    }
    repo::set_status(*tx, user_id, status, now);
    if (status == kStatusInactive) {
        auth_.revoke_user_sessions(*tx, user_id, "account_disabled");
    }
    auto updated = repo::find_by_id(*tx, user_id);
    tx.commit();
    auth_.forget_user(user_id);
    keys_.forget_creator(user_id);
    return *updated;
}

Result<User> UserService::reset_login_attempts(std::int64_t user_id)
{
    return change_bookkeeping(user_id, &repo::reset_login_attempts);
}

Result<User> UserService::skip_lockout(std::int64_t user_id)
{
    return change_bookkeeping(user_id, &repo::clear_lockout);
}

Result<User> UserService::change_bookkeeping(std::int64_t user_id, Bookkeeping change)
{
    auto tx = db_.write();
    if (!repo::find_by_id(*tx, user_id)) {
        return make_error(ErrorCode::not_found);
    }
    change(*tx, user_id, clock_.now());
    auto updated = repo::find_by_id(*tx, user_id);
    tx.commit();
    return *updated;
}

Result<OwnChange> UserService::plan_own_change(std::int64_t user_id, ProfileChange change)
{
    std::optional<User> current;
    {
        auto lease = db_.read();
        current = repo::find_by_id(*lease, user_id);
    }
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    OwnChange plan;
    auto& p = plan.profile;
    p = Profile{current->firstname, current->lastname, current->phonenumber1, current->phonenumber2, current->avatar};
    if (change.firstname) {
        p.firstname = *change.firstname;
    }
    if (change.lastname) {
        p.lastname = *change.lastname;
    }
    if (change.phonenumber1) {
        p.phonenumber1 = *change.phonenumber1;
    }
    if (change.phonenumber2) {
        p.phonenumber2 = *change.phonenumber2;
    }
    if (change.avatar) {
        p.avatar = *change.avatar;
    }
    FieldErrors errors;
    std::optional<std::string> no_position;
    check_details(errors, p.firstname, p.lastname, no_position, p.phonenumber1, p.phonenumber2);
    optional_text(errors, "avatar", p.avatar, 500);
    if (change.new_password || change.current_password) {
        if (!change.current_password) {
            errors.add("currentPassword", "REQUIRED");
        }
        if (!change.new_password) {
            errors.add("newPassword", "REQUIRED");
        } else {
            auth::check_password_policy(*change.new_password, current->username, "newPassword", errors);
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    plan.current_hash = current->password_hash;
    plan.current_password = change.current_password;
    plan.new_password = change.new_password;
    return plan;
}

Result<User> UserService::apply_own_change(std::int64_t user_id, std::string_view session_id, const OwnChange& change,
                                           std::optional<std::string> new_hash)
{
    auto now = clock_.now();
    auto tx = db_.write();
    if (!repo::find_by_id(*tx, user_id)) {
        return make_error(ErrorCode::not_found);
    }
    repo::update_profile(*tx, user_id, change.profile, now);
    if (new_hash) {
        repo::set_password_hash(*tx, user_id, *new_hash, now);
        auth_.revoke_user_sessions(*tx, user_id, "password_changed", session_id);
    }
    auto updated = repo::find_by_id(*tx, user_id);
    tx.commit();
    if (new_hash) {
        auth_.forget_user(user_id);
    }
    return *updated;
}

}  // namespace sala::users
