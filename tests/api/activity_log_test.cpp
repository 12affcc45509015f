// The activity log as an admin reads it: the seed's shape, every authentication event and every
// write through the API with the request id the client saw, the filters and pages, entries of
// deleted users, and no password, token or key anywhere in it.
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <set>

namespace sala {
namespace {

using http::Method;
using namespace std::chrono_literals;
using test::Call;
using test::Reply;
using test::SignedIn;
using test::TestApp;

using Headers = std::vector<std::pair<std::string, std::string>>;

// A JSON value as text, to compare with a std::string (a string's characters, else its JSON).
std::string text(const boost::json::value& v)
{
    return v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
}

Reply login(TestApp& t, std::string_view username, std::string_view password, Headers headers = {})
{
    auto body = boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
    return t.call(Call{Method::post, "/api/v1/auth/login", body, std::move(headers)});
}

class ActivityLogTest : public ::testing::Test {
protected:
    ActivityLogTest()
    {
        admin_id = t.add_user("admin", "admin");
        admin = t.sign_in("admin");
    }

    Reply log(const std::string& query = {})
    {
        return t.get_as(admin, "/api/v1/activity-logs" + (query.empty() ? "" : "?" + query));
    }

    // Every entry (all pages), newest first.
    std::vector<boost::json::value> everything(std::string* bodies = nullptr)
    {
        std::vector<boost::json::value> out;
        for (int page = 1; page < 100; ++page) {
            auto r = log("limit=100&page=" + std::to_string(page));
            EXPECT_EQ(r.status, 200u) << r.body;
            if (bodies != nullptr) {
                *bodies += r.body;
            }
            for (const auto& e : r.data().as_array()) {
                out.push_back(e);
            }
            if (r.status != 200u || !r.json.at("pagination").at("hasNext").as_bool()) {
                break;
            }
        }
        return out;
    }

    // The newest entry with this action (a null value when there is none).
    boost::json::value newest(std::string_view action)
    {
        auto r = log("action=" + std::string(action));
        EXPECT_EQ(r.status, 200u) << r.body;
        const auto& list = r.data().as_array();
        return list.empty() ? boost::json::value(nullptr) : list.front();
    }

    TestApp t;
    std::int64_t admin_id = 0;
    SignedIn admin;
};

TEST_F(ActivityLogTest, OnlyAdminsReadIt)
{
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    auto refused = t.get_as(teacher, "/api/v1/activity-logs");
    EXPECT_EQ(refused.status, 403u);
    EXPECT_EQ(refused.error_code(), "FORBIDDEN");
    EXPECT_EQ(t.get("/api/v1/activity-logs").status, 401u);
    EXPECT_EQ(log().status, 200u);
}

TEST_F(ActivityLogTest, EntriesHaveTheSeedsShape)
{
    t.clock().advance(1min);
    auto signed_in = login(t, "admin", test::kTestPassword, {{"User-Agent", "SalaTest/1.0"}});
    ASSERT_EQ(signed_in.status, 200u);

    auto r = log();
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto& p = r.json.at("pagination");
    EXPECT_EQ(p.at("page"), 1);
    EXPECT_EQ(p.at("limit"), 20);
    EXPECT_EQ(p.at("total"), 2);  // the fixture's sign-in and this one
    EXPECT_EQ(p.at("hasNext"), false);

    const auto& entry = r.data().at(0);  // newest first
    std::set<std::string> keys;
    for (const auto& kv : entry.as_object()) {
        keys.insert(std::string(kv.key()));
    }
    EXPECT_EQ(keys, (std::set<std::string>{"id", "userId", "action", "resource", "resourceId", "details", "ipAddress",
                                           "userAgent", "requestId", "timestamp", "user"}));
    EXPECT_TRUE(entry.at("id").is_int64());
    EXPECT_EQ(entry.at("userId"), admin_id);
    EXPECT_EQ(entry.at("action"), "auth.login");
    EXPECT_EQ(entry.at("resource"), "auth");
    EXPECT_EQ(text(entry.at("resourceId")), std::to_string(admin_id));
    EXPECT_TRUE(entry.at("details").is_object());
    EXPECT_EQ(entry.at("details").at("rememberMe"), false);
    EXPECT_EQ(entry.at("ipAddress"), "127.0.0.1");
    EXPECT_EQ(entry.at("userAgent"), "SalaTest/1.0");
    EXPECT_EQ(text(entry.at("requestId")), signed_in.header("X-Request-ID"));
    EXPECT_EQ(entry.at("timestamp"), "2026-09-01T08:01:00Z");
    EXPECT_EQ(boost::json::serialize(entry.at("user")),
              R"({"username":"admin","firstname":"Test","lastname":"admin"})");
    EXPECT_GT(entry.at("id").as_int64(), r.data().at(1).at("id").as_int64());
}

TEST_F(ActivityLogTest, FailedSignInsAreRecordedForKnownAndUnknownUsernames)
{
    auto wrong = login(t, "admin", "not the right password");
    ASSERT_EQ(wrong.status, 401u);
    auto failed = newest("auth.login_failed");
    ASSERT_TRUE(failed.is_object());
    EXPECT_EQ(failed.at("userId"), admin_id);
    EXPECT_EQ(text(failed.at("requestId")), wrong.header("X-Request-ID"));
    EXPECT_EQ(failed.at("details").at("reason"), "bad_credentials");
    EXPECT_EQ(failed.at("details").at("failedAttempts"), 1);
    EXPECT_EQ(failed.at("user").at("username"), "admin");

    auto unknown = login(t, "ghost", "not the right password");
    ASSERT_EQ(unknown.status, 401u);
    auto ghost = newest("auth.login_failed");
    ASSERT_TRUE(ghost.is_object());
    EXPECT_TRUE(ghost.at("userId").is_null());
    EXPECT_TRUE(ghost.at("user").is_null());
    EXPECT_TRUE(ghost.at("resourceId").is_null());
    EXPECT_EQ(ghost.at("details").at("username"), "ghost");
    EXPECT_EQ(text(ghost.at("requestId")), unknown.header("X-Request-ID"));
    EXPECT_EQ(ghost.at("ipAddress"), "127.0.0.1");
}

TEST_F(ActivityLogTest, ALockoutIsRecordedOnTheFifthFailure)
{
    auto id = t.add_user("sokha", "teacher");
    Reply last;
    for (int i = 1; i <= 5; ++i) {
        last = login(t, "sokha", "wrong password " + std::to_string(i));
    }
    ASSERT_EQ(last.status, 423u) << last.body;
    auto failures = log("action=auth.login_failed&userId=" + std::to_string(id));
    EXPECT_EQ(failures.json.at("pagination").at("total"), 4);
    auto lockout = newest("auth.lockout");
    ASSERT_TRUE(lockout.is_object());
    EXPECT_EQ(lockout.at("userId"), id);
    EXPECT_EQ(text(lockout.at("requestId")), last.header("X-Request-ID"));
    EXPECT_EQ(lockout.at("details").at("failedAttempts"), 5);
}

TEST_F(ActivityLogTest, SignOutIsRecorded)
{
    auto id = t.add_user("sokha", "teacher");
    auto who = t.sign_in("sokha");
    auto out = t.as(who, Call{Method::post, "/api/v1/auth/logout", {}, {{"User-Agent", "Tablet"}}});
    ASSERT_EQ(out.status, 204u);
    auto entry = newest("auth.logout");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("userId"), id);
    EXPECT_EQ(text(entry.at("requestId")), out.header("X-Request-ID"));
    EXPECT_EQ(entry.at("userAgent"), "Tablet");
}

TEST_F(ActivityLogTest, RefreshTokenReuseIsRecorded)
{
    auto id = t.add_user("sokha", "teacher");
    auto who = t.sign_in("sokha");
    auto refresh = [&](const std::string& token) {
        return t.call(Call{Method::post, "/api/v1/auth/refresh",
                           boost::json::serialize(boost::json::object{{"refreshToken", token}})});
    };
    auto first = refresh(who.refresh_token);
    ASSERT_EQ(first.status, 200u) << first.body;
    EXPECT_FALSE(newest("auth.refresh_reuse").is_object());
    auto reused = refresh(who.refresh_token);
    EXPECT_EQ(reused.status, 401u);
    auto entry = newest("auth.refresh_reuse");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("userId"), id);
    EXPECT_EQ(text(entry.at("requestId")), reused.header("X-Request-ID"));
    // The whole family ended with it.
    EXPECT_EQ(refresh(std::string(first.data().at("refreshToken").as_string())).status, 401u);
}

TEST_F(ActivityLogTest, WritesThroughTheApiAreRecordedByTheHook)
{
    auto created = t.as(admin, Call{Method::post,
                                    "/api/v1/users",
                                    R"({"username":"dara","password":"a long enough passphrase","firstname":"Dara",)"
                                    R"("lastname":"Chan","role":"teacher"})",
                                    {{"User-Agent", "AdminPanel"}}});
    ASSERT_EQ(created.status, 201u) << created.body;
    auto new_id = created.data().at("userId").as_int64();
    auto entry = newest("users.create");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("userId"), admin_id);
    EXPECT_EQ(entry.at("resource"), "users");
    EXPECT_EQ(text(entry.at("resourceId")), std::to_string(new_id));
    EXPECT_EQ(text(entry.at("requestId")), created.header("X-Request-ID"));
    EXPECT_EQ(entry.at("userAgent"), "AdminPanel");
    EXPECT_EQ(entry.at("user").at("username"), "admin");

    auto status = t.as(
        admin, Call{Method::put, "/api/v1/users/" + std::to_string(new_id) + "/status", R"({"status":"inactive"})"});
    ASSERT_EQ(status.status, 200u) << status.body;
    auto changed = newest("users.status");
    ASSERT_TRUE(changed.is_object());
    EXPECT_EQ(changed.at("resource"), "users");
    EXPECT_EQ(text(changed.at("resourceId")), std::to_string(new_id));
    EXPECT_EQ(text(changed.at("requestId")), status.header("X-Request-ID"));
    // The entry says what the account was set to.
    EXPECT_NE(boost::json::serialize(changed.at("details")).find("inactive"), std::string::npos)
        << boost::json::serialize(changed.at("details"));

    // Refused writes and reads leave no entry.
    auto before = log().json.at("pagination").at("total").as_int64();
    auto invalid = t.as(admin, Call{Method::post, "/api/v1/users", R"({"username":"x"})"});
    ASSERT_EQ(invalid.status, 422u);
    ASSERT_EQ(t.get_as(admin, "/api/v1/users").status, 200u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/9999"}).status, 404u);
    EXPECT_EQ(log().json.at("pagination").at("total").as_int64(), before);
}

TEST_F(ActivityLogTest, FiltersAndPagesWork)
{
    // Day one: the fixture's sign-in, an admin write, a failed sign-in.
    auto dara = t.add_user("dara", "teacher");
    ASSERT_EQ(t.as(admin, Call{Method::post, "/api/v1/users/" + std::to_string(dara) + "/reset-login-attempts"}).status,
              200u);
    ASSERT_EQ(login(t, "ghost", "not the right password").status, 401u);
    // Day three: dara signs in twice and updates her profile.
    t.clock().advance(48h);
    auto who = t.sign_in("dara");
    t.sign_in("dara");
    ASSERT_EQ(t.as(who, Call{Method::patch, "/api/v1/users/me", R"({"phonenumber1":"012345678"})"}).status, 200u);
    admin = t.sign_in("admin");

    struct Case {
        std::string query;
        std::vector<std::string> actions;  // newest first
    };
    const Case cases[] = {
        {"userId=" + std::to_string(dara), {"users.update_self", "auth.login", "auth.login"}},
        {"action=auth.login", {"auth.login", "auth.login", "auth.login", "auth.login"}},
        {"action=auth.login&userId=" + std::to_string(admin_id), {"auth.login", "auth.login"}},
        {"resource=users", {"users.update_self", "users.reset_login_attempts"}},
        {"resource=auth&to=2026-09-01", {"auth.login_failed", "auth.login"}},
        {"to=2026-09-01", {"auth.login_failed", "users.reset_login_attempts", "auth.login"}},
        {"from=2026-09-03", {"auth.login", "users.update_self", "auth.login", "auth.login"}},
        {"from=2026-09-02&to=2026-09-02", {}},
        {"from=2026-09-01&to=2026-09-03&action=auth.login_failed", {"auth.login_failed"}},
        {"action=no.such.action", {}},
    };
    for (const auto& c : cases) {
        auto r = log(c.query);
        ASSERT_EQ(r.status, 200u) << c.query << ": " << r.body;
        std::vector<std::string> actions;
        for (const auto& e : r.data().as_array()) {
            actions.emplace_back(e.at("action").as_string());
        }
        EXPECT_EQ(actions, c.actions) << c.query;
        EXPECT_EQ(r.json.at("pagination").at("total"), static_cast<std::int64_t>(c.actions.size())) << c.query;
    }

    // Pages of two over the seven entries, newest first, none repeated.
    std::set<std::int64_t> seen;
    std::string previous = "9999";
    for (int page = 1; page <= 4; ++page) {
        auto r = log("limit=2&page=" + std::to_string(page));
        ASSERT_EQ(r.status, 200u);
        const auto& p = r.json.at("pagination");
        EXPECT_EQ(p.at("page"), page);
        EXPECT_EQ(p.at("limit"), 2);
        EXPECT_EQ(p.at("total"), 7);
        EXPECT_EQ(p.at("totalPages"), 4);
        EXPECT_EQ(p.at("hasNext"), page < 4);
        EXPECT_EQ(p.at("hasPrev"), page > 1);
        ASSERT_EQ(r.data().as_array().size(), page < 4 ? 2u : 1u);
        for (const auto& e : r.data().as_array()) {
            EXPECT_TRUE(seen.insert(e.at("id").as_int64()).second);
            std::string ts(e.at("timestamp").as_string());
            EXPECT_LE(ts, previous);
            previous = ts;
        }
    }
    EXPECT_EQ(seen.size(), 7u);
    EXPECT_TRUE(log("limit=2&page=5").data().as_array().empty());

    for (std::string bad : {"limit=0", "limit=101", "page=0", "userId=abc", "from=2026-13-01", "to=yesterday",
                            "sort=action", "colour=red"}) {
        auto r = log(bad);
        EXPECT_EQ(r.status, 400u) << bad << ": " << r.body;
        EXPECT_EQ(r.error_code(), "BAD_REQUEST") << bad;
    }
}

TEST_F(ActivityLogTest, ADeletedUsersEntriesStayReadable)
{
    auto dara = t.add_user("dara", "teacher");
    auto who = t.sign_in("dara");
    ASSERT_EQ(t.as(who, Call{Method::patch, "/api/v1/users/me", R"({"lastname":"Chan"})"}).status, 200u);
    auto removed = t.as(admin, Call{Method::delete_, "/api/v1/users/" + std::to_string(dara)});
    ASSERT_EQ(removed.status, 204u) << removed.body;

    auto r = log("userId=" + std::to_string(dara));
    ASSERT_EQ(r.status, 200u);
    ASSERT_EQ(r.data().as_array().size(), 2u) << r.body;
    for (const auto& e : r.data().as_array()) {
        EXPECT_EQ(e.at("userId"), dara);
        EXPECT_EQ(boost::json::serialize(e.at("user")), R"({"username":"dara","firstname":"Test","lastname":"Chan"})");
    }
    auto deleted = newest("users.delete");
    ASSERT_TRUE(deleted.is_object());
    EXPECT_EQ(deleted.at("userId"), admin_id);
    EXPECT_EQ(text(deleted.at("resourceId")), std::to_string(dara));
    EXPECT_EQ(text(deleted.at("requestId")), removed.header("X-Request-ID"));
}

TEST_F(ActivityLogTest, NoSecretAppearsAnywhereInTheLog)
{
    std::vector<std::string> secrets{std::string(test::kTestPassword), admin.access_token, admin.refresh_token};
    auto note = [&](const std::string& s) {
        ASSERT_FALSE(s.empty());
        secrets.push_back(s);
    };
    // Passwords: a wrong one, one for a new account, a change and a reset.
    const std::string wrong = "Tr0ub4dor&3-wrong";
    note(wrong);
    ASSERT_EQ(login(t, "admin", wrong).status, 401u);
    ASSERT_EQ(login(t, "ghost", wrong).status, 401u);
    const std::string created_password = "another fine passphrase";
    note(created_password);
    auto created = t.as(admin, Call{Method::post, "/api/v1/users",
                                    R"({"username":"dara","password":")" + created_password +
                                        R"(","firstname":"Dara","lastname":"Chan","role":"teacher"})"});
    ASSERT_EQ(created.status, 201u) << created.body;
    auto dara_id = created.data().at("userId").as_int64();
    auto dara = t.sign_in("dara", created_password);
    note(dara.access_token);
    note(dara.refresh_token);
    const std::string changed_password = "a completely new passphrase";
    note(changed_password);
    ASSERT_EQ(t.as(dara, Call{Method::patch, "/api/v1/users/me",
                              R"({"currentPassword":")" + created_password + R"(","newPassword":")" + changed_password +
                                  R"("})"})
                  .status,
              200u);
    const std::string reset_password = "the admin chose this one";
    note(reset_password);
    ASSERT_EQ(t.as(admin, Call{Method::put, "/api/v1/users/" + std::to_string(dara_id),
                               R"({"username":"dara","firstname":"Dara","lastname":"Chan","role":"teacher",)"
                               R"("password":")" +
                                   reset_password + R"("})"})
                  .status,
              200u);
    // Tokens: a refresh, and its reuse.
    auto renewed = t.call(Call{Method::post, "/api/v1/auth/refresh",
                               boost::json::serialize(boost::json::object{{"refreshToken", admin.refresh_token}})});
    ASSERT_EQ(renewed.status, 200u);
    note(std::string(renewed.data().at("accessToken").as_string()));
    note(std::string(renewed.data().at("refreshToken").as_string()));
    ASSERT_EQ(t.call(Call{Method::post, "/api/v1/auth/refresh",
                          boost::json::serialize(boost::json::object{{"refreshToken", admin.refresh_token}})})
                  .status,
              401u);
    admin = t.sign_in("admin");
    note(admin.access_token);
    note(admin.refresh_token);
    // Keys: created, rotated, revoked.
    auto key = t.as(admin, Call{Method::post, "/api/v1/api-keys", R"({"name":"sync","scopes":["users:read"]})"});
    ASSERT_EQ(key.status, 201u);
    note(std::string(key.data().at("key").as_string()));
    auto key_id = std::to_string(key.data().at("apiKey").at("apiKeyId").as_int64());
    auto rotated = t.as(admin, Call{Method::post, "/api/v1/api-keys/" + key_id + "/rotate"});
    ASSERT_EQ(rotated.status, 200u);
    note(std::string(rotated.data().at("key").as_string()));
    ASSERT_EQ(t.call(Call{Method::get, "/api/v1/users", {}, {{"X-API-Key", secrets.back()}}}).status, 200u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/api-keys/" + key_id}).status, 204u);
    ASSERT_EQ(t.as(admin, Call{Method::post, "/api/v1/auth/logout"}).status, 204u);
    admin = t.sign_in("admin");

    std::string bodies;
    auto entries = everything(&bodies);
    EXPECT_GE(entries.size(), 12u);
    for (const auto& s : secrets) {
        EXPECT_EQ(bodies.find(s), std::string::npos) << "the log holds a secret: " << s.substr(0, 12) << "…";
    }
}

TEST(ActivityLog, RecordsTheForwardedClientBehindATrustedProxy)
{
    app::Config config;
    config.trusted_proxies = {"127.0.0.1"};
    TestApp t(config);
    t.add_user("admin", "admin");
    auto r = login(t, "admin", test::kTestPassword, {{"X-Forwarded-For", "203.0.113.50"}});
    ASSERT_EQ(r.status, 200u);
    SignedIn admin;
    admin.access_token = std::string(r.data().at("accessToken").as_string());
    auto log = t.get_as(admin, "/api/v1/activity-logs?action=auth.login");
    ASSERT_EQ(log.data().as_array().size(), 1u);
    EXPECT_EQ(log.data().at(0).at("ipAddress"), "203.0.113.50");
}

}  // namespace
}  // namespace sala
