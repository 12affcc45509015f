// See user_service.hpp.
#include "school/users/user_service.hpp"

#include "auth/password.hpp"
#include "school/users/user_repository.hpp"

namespace sala::users {
namespace {

std::string trim(std::string s)
{
    auto first = s.find_first_not_of(" \t\r\n");
    auto last = s.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

bool valid_username_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

}  // namespace

bool is_known_role(std::string_view role)
{
    return role == kRoleAdmin || role == kRoleTeacher;
}

Result<NewUser> validate_new_user(NewUser input)
{
    FieldErrors errors;
    input.username = trim(std::move(input.username));
    input.firstname = trim(std::move(input.firstname));
    input.lastname = trim(std::move(input.lastname));
    if (input.username.size() < 3) {
        errors.add("username", "TOO_SHORT", {{"min", "3"}});
    } else if (input.username.size() > 64) {
        errors.add("username", "TOO_LONG", {{"max", "64"}});
    } else {
        for (char c : input.username) {
            if (!valid_username_char(c)) {
                errors.add("username", "INVALID_FORMAT");
                break;
            }
        }
    }
    if (!is_known_role(input.role)) {
        errors.add("role", "INVALID_VALUE", {{"allowed", "admin, teacher"}});
    }
    if (input.firstname.size() > 100) {
        errors.add("firstname", "TOO_LONG", {{"max", "100"}});
    }
    if (input.lastname.size() > 100) {
        errors.add("lastname", "TOO_LONG", {{"max", "100"}});
    }
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
        Error e = make_error(ErrorCode::conflict);
        e.details.push_back(field_error("username", "ALREADY_EXISTS"));
        return e;
    }
    tx.commit();
    return *id;
}

}  // namespace sala::users
