// The account routes. Requests and responses are described structs; the service holds the rules.
#include "school/users/user_routes.hpp"

#include "auth/password.hpp"
#include "auth/permissions.hpp"
#include "core/validation.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"

namespace asio = boost::asio;

namespace sala::users {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
namespace permission = auth::permission;

// The seed's UserResponse; never the password hash.
struct UserView {
    std::int64_t user_id = 0;
    std::string username;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
    std::optional<std::string> avatar;
    std::optional<std::string> photo;
    std::optional<TimePoint> last_login;
    std::string status;
    std::int64_t failed_login_attempts = 0;
    std::optional<TimePoint> account_locked_until;
    TimePoint created_at;
    TimePoint updated_at;
};
BOOST_DESCRIBE_STRUCT(UserView, (),
                      (user_id, username, firstname, lastname, role, position, phonenumber1, phonenumber2, avatar,
                       photo, last_login, status, failed_login_attempts, account_locked_until, created_at, updated_at))

struct CreateUserRequest {
    std::string username;
    std::string password;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
};
BOOST_DESCRIBE_STRUCT(CreateUserRequest, (),
                      (username, password, firstname, lastname, role, position, phonenumber1, phonenumber2))

struct UpdateUserRequest {
    std::string username;
    std::string firstname;
    std::string lastname;
    std::string role;
    std::optional<std::string> position;
    std::optional<std::string> phonenumber1;
    std::optional<std::string> phonenumber2;
    std::optional<std::string> password;  // set only to reset it; ends the user's sessions
};
BOOST_DESCRIBE_STRUCT(UpdateUserRequest, (),
                      (username, firstname, lastname, role, position, phonenumber1, phonenumber2, password))

struct StatusRequest {
    std::string status;
};
BOOST_DESCRIBE_STRUCT(StatusRequest, (), (status))

struct MeChange {
    json::Patch<std::string> firstname;
    json::Patch<std::string> lastname;
    json::Patch<std::string> phonenumber1;
    json::Patch<std::string> phonenumber2;
    json::Patch<std::string> avatar;
    std::optional<std::string> current_password;
    std::optional<std::string> new_password;
};
BOOST_DESCRIBE_STRUCT(MeChange, (),
                      (firstname, lastname, phonenumber1, phonenumber2, avatar, current_password, new_password))

UserView view(const User& u)
{
    return UserView{u.user_id,     u.username,     u.firstname,  u.lastname,   u.role,
                    u.position,    u.phonenumber1, u.phonenumber2, u.avatar,   u.photo,
                    u.last_login,  u.status,       u.failed_login_attempts, u.account_locked_until, u.created_at,
                    u.updated_at};
}

Response respond_user(const Result<User>& user)
{
    return http::respond_versioned(Status::ok, user, [](const User& x) { return view(x); });
}

constexpr http::SortField kSortable[] = {
    {"username", "lower(username)"}, {"firstname", "lower(firstname)"}, {"lastname", "lower(lastname)"},
    {"role", "role"},                {"status", "status"},             {"createdAt", "created_at"},
    {"lastLogin", "last_login"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable);
    params.push_back({.name = "role", .description = "admin or teacher", .allowed = {"admin", "teacher"}});
    params.push_back({.name = "status", .description = "active or inactive", .allowed = {"active", "inactive"}});
    params.push_back({.name = "q", .description = "Matches username, first and last name"});
    return params;
}

template <class Fn>
asio::awaitable<Response> on_user(RequestContext& ctx, Fn fn)
{
    auto user = co_await ctx.offload(fn);
    co_return respond_user(user);
}

}  // namespace

void register_user_routes(http::Router& router, UserService& users, WorkerPool& hashing)
{
    router.add(RouteSpec{.method = Method::get,
                         .path = "/users/me",
                         .summary = "The signed-in user's account",
                         .tag = "users",
                         .permission = std::string(auth::kSignedIn),
                         .response = &http::schema<UserView>},
               [&users](RequestContext& ctx) {
                   return on_user(ctx, [&users, id = ctx.principal->user_id] { return users.get(id); });
               });

    router.add(RouteSpec{.method = Method::patch,
                         .path = "/users/me",
                         .summary = "Change one's own names, phones, avatar or password (the current password is "
                                    "required to change it; other sessions end)",
                         .tag = "users",
                         .permission = std::string(auth::kSignedIn),
                         .request = &http::schema<MeChange>,
                         .response = &http::schema<UserView>,
                         .action = "users.update_self"},
               [&users, &hashing](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<MeChange>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   FieldErrors errors;
                   for (auto [field, patch] : {std::pair{"firstname", &body->firstname}, std::pair{"lastname", &body->lastname}}) {
                       if (patch->present && !patch->value) {
                           errors.add(field, "REQUIRED");
                       }
                   }
                   if (!errors.empty()) {
                       co_return Response::from_error(errors.to_error());
                   }
                   ProfileChange change;
                   auto take = [](const json::Patch<std::string>& p, std::optional<std::optional<std::string>>& out) {
                       if (p.present) {
                           out = p.value;
                       }
                   };
                   if (body->firstname.present) {
                       change.firstname = body->firstname.value;
                   }
                   if (body->lastname.present) {
                       change.lastname = body->lastname.value;
                   }
                   take(body->phonenumber1, change.phonenumber1);
                   take(body->phonenumber2, change.phonenumber2);
                   take(body->avatar, change.avatar);
                   change.current_password = body->current_password;
                   change.new_password = body->new_password;
                   ctx.audit_details = change.new_password ? R"({"passwordChanged":true})" : "{}";
                   auto plan = co_await ctx.offload([&] { return users.plan_own_change(ctx.principal->user_id, change); });
                   if (!plan) {
                       co_return Response::from_error(plan.error());
                   }
                   std::optional<std::string> new_hash;
                   if (plan->new_password) {
                       bool current_ok = false;
                       new_hash = co_await hashing.offload([&]() -> std::optional<std::string> {
                           current_ok = auth::verify_password(plan->current_hash, *plan->current_password);
                           return current_ok ? std::optional(auth::hash_password(*plan->new_password)) : std::nullopt;
                       });
                       if (!current_ok) {
                           FieldErrors wrong;
                           wrong.add("currentPassword", "INCORRECT");
                           co_return Response::from_error(wrong.to_error());
                       }
                   }
                   auto user = co_await ctx.offload([&] {
                       return users.apply_own_change(ctx.principal->user_id, ctx.principal->session_id, *plan,
                                                     new_hash);
                   });
                   co_return respond_user(user);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/users",
                         .summary = "Staff accounts, paginated; filter by role, status or text",
                         .tag = "users",
                         .permission = std::string(permission::users_read),
                         .query = list_query(),
                         .response = &http::schema<UserView>,
                         .list = true},
               [&users](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, kSortable, "username", "user_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   UserFilter filter;
                   if (auto role = ctx.query("role")) {
                       filter.role = std::string(*role);
                   }
                   if (auto status = ctx.query("status")) {
                       filter.status = std::string(*status);
                   }
                   if (auto q = ctx.query("q"); q && !q->empty()) {
                       filter.q = ascii_lowered(*q);
                   }
                   filter.order_by = page->order_by;
                   filter.page = page->page;
                   filter.limit = page->limit;
                   auto result = co_await ctx.offload([&] { return users.list(filter); });
                   std::vector<UserView> views;
                   for (const auto& u : result.users) {
                       views.push_back(view(u));
                   }
                   co_return json::respond_list(views, http::Pagination{filter.page, filter.limit, result.total});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/users",
                         .summary = "Create a staff account",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .request = &http::schema<CreateUserRequest>,
                         .response = &http::schema<UserView>,
                         .success = Status::created},
               [&users, &hashing](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateUserRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto valid = validate_new_user(NewUser{body->username, body->password, body->firstname,
                                                          body->lastname, body->role, body->position,
                                                          body->phonenumber1, body->phonenumber2});
                   if (!valid) {
                       co_return Response::from_error(valid.error());
                   }
                   auto hash = co_await hashing.offload([&] { return auth::hash_password(valid->password); });
                   auto user = co_await ctx.offload([&] { return users.create(*valid, hash); });
                   if (!user) {
                       co_return Response::from_error(user.error());
                   }
                   auto response = json::respond(Status::created, view(*user));
                   response.headers.set("Location", "/api/v1/users/" + std::to_string(user->user_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/users/{id:int}",
                         .summary = "One staff account",
                         .tag = "users",
                         .permission = std::string(permission::users_read),
                         .response = &http::schema<UserView>},
               [&users](RequestContext& ctx) {
                   return on_user(ctx, [&users, id = ctx.path_int("id")] { return users.get(id); });
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/users/{id:int}",
                         .summary = "Replace an account's details (a password resets it and ends its sessions)",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .request = &http::schema<UpdateUserRequest>,
                         .response = &http::schema<UserView>},
               [&users, &hashing](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<UpdateUserRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto valid = validate_update(UserUpdate{body->username, body->firstname, body->lastname,
                                                           body->role, body->position, body->phonenumber1,
                                                           body->phonenumber2, body->password});
                   if (!valid) {
                       co_return Response::from_error(valid.error());
                   }
                   ctx.audit_details = valid->password ? R"({"passwordReset":true})" : "{}";
                   std::optional<std::string> hash;
                   if (valid->password) {
                       hash = co_await hashing.offload([&] { return auth::hash_password(*valid->password); });
                   }
                   auto version = http::required_version(ctx);
                   auto user =
                       co_await ctx.offload([&] { return users.update(ctx.path_int("id"), *valid, hash, version); });
                   co_return respond_user(user);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/users/{id:int}",
                         .summary = "Delete an account (what it recorded, and its activity log, stay)",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .success = Status::no_content},
               [&users](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto result = co_await ctx.offload([&] { return users.remove(ctx.path_int("id"), version); });
                   co_return json::respond_done(result);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/users/{id:int}/status",
                         .summary = "Activate or deactivate an account (deactivating ends its sessions)",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .request = &http::schema<StatusRequest>,
                         .response = &http::schema<UserView>,
                         .action = "users.status"},
               [&users](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<StatusRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   ctx.audit_details = R"({"status":)" + json::dump(body->status) + "}";
                   auto version = http::required_version(ctx);
                   auto user = co_await ctx.offload(
                       [&] { return users.set_status(ctx.path_int("id"), body->status, version); });
                   co_return respond_user(user);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/users/{id:int}/reset-login-attempts",
                         .summary = "Set the failed sign-in count back to zero",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .response = &http::schema<UserView>,
                         .action = "users.reset_login_attempts"},
               [&users](RequestContext& ctx) {
                   return on_user(ctx, [&users, id = ctx.path_int("id")] { return users.reset_login_attempts(id); });
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/users/{id:int}/skip-lockout",
                         .summary = "Unlock a locked account now",
                         .tag = "users",
                         .permission = std::string(permission::users_write),
                         .response = &http::schema<UserView>,
                         .action = "users.skip_lockout"},
               [&users](RequestContext& ctx) {
                   return on_user(ctx, [&users, id = ctx.path_int("id")] { return users.skip_lockout(id); });
               });
}

}  // namespace sala::users
