// Staff accounts through the API: the seed's shapes, every validation rule in one 422, duplicate
// usernames, filters and sorting, the last active admin, and one's own account.
#include "support/test_app.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

class UsersTest : public ::testing::Test {
protected:
    UsersTest()
    {
        admin_id = t.add_user("admin", "admin");
        admin = t.sign_in("admin");
    }
    Reply post(const std::string& target, std::string body) { return t.as(admin, Call{Method::post, target, std::move(body)}); }
    Reply put(const std::string& target, std::string body) { return t.as(admin, Call{Method::put, target, std::move(body)}); }

    TestApp t;
    std::int64_t admin_id = 0;
    test::SignedIn admin;
};

TEST_F(UsersTest, CreateReadUpdateDelete)
{
    auto created = post("/api/v1/users", R"({"username":"Sokha.Chan","password":"correct horse battery staple",
        "firstname":"Sokha","lastname":"Chan","role":"teacher","position":"Mathematics","phonenumber1":"+855 12 345 678"})");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("userId").as_int64();
    EXPECT_EQ(created.header("Location"), "/api/v1/users/" + std::to_string(id));
    const auto& u = created.data();
    for (auto field : {"userId", "username", "firstname", "lastname", "role", "position", "phonenumber1",
                       "phonenumber2", "avatar", "photo", "lastLogin", "status", "failedLoginAttempts",
                       "accountLockedUntil", "createdAt", "updatedAt"}) {
        EXPECT_TRUE(u.as_object().contains(field)) << field;
    }
    EXPECT_EQ(u.as_object().size(), 16u);
    EXPECT_EQ(u.at("status"), "active");
    EXPECT_EQ(created.body.find("password"), std::string::npos);

    auto fetched = t.get_as(admin, "/api/v1/users/" + std::to_string(id));
    EXPECT_EQ(fetched.data(), created.data());

    auto updated = put("/api/v1/users/" + std::to_string(id),
                       R"({"username":"sokha.chan","firstname":"Sokha","lastname":"Chan","role":"teacher","phonenumber1":null})");
    ASSERT_EQ(updated.status, 200u) << updated.body;
    EXPECT_EQ(updated.data().at("username"), "sokha.chan");
    EXPECT_TRUE(updated.data().at("position").is_null());  // PUT replaces
    EXPECT_TRUE(updated.data().at("phonenumber1").is_null());

    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + std::to_string(id)}).status, 204u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/" + std::to_string(id)).status, 404u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + std::to_string(id)}).status, 404u);
    // The name is free again.
    EXPECT_EQ(post("/api/v1/users", R"({"username":"sokha.chan","password":"correct horse battery staple",
        "firstname":"Sokha","lastname":"Chan","role":"teacher"})").status, 201u);
}

TEST_F(UsersTest, EveryBadFieldIsReportedAtOnce)
{
    auto r = post("/api/v1/users", R"({"username":"x!","password":"short","firstname":"  ","lastname":"Chan",
        "role":"principal","phonenumber1":"call me","position":")" + std::string(101, 'p') + R"("})");
    ASSERT_EQ(r.status, 422u);
    auto fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"firstname", "password", "phonenumber1", "position", "role", "username"}));

    auto missing = post("/api/v1/users", R"({"username":"dara"})");
    EXPECT_EQ(missing.status, 422u);
    fields = missing.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"firstname", "lastname", "password", "role"}));

    auto common = post("/api/v1/users", R"({"username":"dara","password":"Sunshine2024!","firstname":"Dara",
        "lastname":"Sok","role":"teacher"})");
    EXPECT_EQ(common.status, 422u);
    EXPECT_EQ(common.json.at("error").at("details").at(0).at("code"), "TOO_COMMON");

    auto named = post("/api/v1/users", R"({"username":"dara","password":"dara-is-my-name-2026","firstname":"Dara",
        "lastname":"Sok","role":"teacher"})");
    EXPECT_EQ(named.json.at("error").at("details").at(0).at("code"), "CONTAINS_USERNAME");
}

TEST_F(UsersTest, UsernamesAreUniqueRegardlessOfCase)
{
    auto r = post("/api/v1/users", R"({"username":"ADMIN","password":"correct horse battery staple",
        "firstname":"Other","lastname":"Admin","role":"admin"})");
    EXPECT_EQ(r.status, 409u);
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"username"});
    auto other = t.add_user("dara", "teacher");
    auto rename = put("/api/v1/users/" + std::to_string(other),
                      R"({"username":"Admin","firstname":"Dara","lastname":"Sok","role":"teacher"})");
    EXPECT_EQ(rename.status, 409u);
}

TEST_F(UsersTest, ListsFilterSortAndPage)
{
    t.add_user("chenda", "teacher");
    t.add_user("bopha", "teacher");
    auto vanna = t.add_user("vanna", "teacher");
    ASSERT_EQ(put("/api/v1/users/" + std::to_string(vanna) + "/status", R"({"status":"inactive"})").status, 200u);

    auto all = t.get_as(admin, "/api/v1/users");
    ASSERT_EQ(all.status, 200u);
    EXPECT_EQ(all.json.at("pagination").at("total"), 4);
    std::vector<std::string> names;
    for (const auto& u : all.data().as_array()) {
        names.emplace_back(u.at("username").as_string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"admin", "bopha", "chenda", "vanna"}));

    auto teachers = t.get_as(admin, "/api/v1/users?role=teacher&status=active&sort=-username");
    names.clear();
    for (const auto& u : teachers.data().as_array()) {
        names.emplace_back(u.at("username").as_string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"chenda", "bopha"}));

    auto search = t.get_as(admin, "/api/v1/users?q=OPH");
    ASSERT_EQ(search.data().as_array().size(), 1u);
    EXPECT_EQ(search.data().at(0).at("username"), "bopha");

    auto page = t.get_as(admin, "/api/v1/users?limit=3&page=2");
    EXPECT_EQ(page.data().as_array().size(), 1u);
    EXPECT_EQ(page.json.at("pagination").at("totalPages"), 2);
    EXPECT_EQ(page.json.at("pagination").at("hasPrev"), true);
    EXPECT_EQ(page.json.at("pagination").at("hasNext"), false);

    for (std::string bad : {"/api/v1/users?sort=password", "/api/v1/users?limit=101", "/api/v1/users?page=0",
                            "/api/v1/users?role=principal", "/api/v1/users?colour=red"}) {
        auto r = t.get_as(admin, bad);
        EXPECT_EQ(r.status, 400u) << bad;
    }
    EXPECT_EQ(t.get_as(admin, "/api/v1/users?sort=password").json.at("error").at("message"),
              "Cannot sort by 'password'.");
}

TEST_F(UsersTest, TheLastActiveAdminStays)
{
    auto id = std::to_string(admin_id);
    EXPECT_EQ(put("/api/v1/users/" + id + "/status", R"({"status":"inactive"})").status, 409u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + id}).status, 409u);
    auto demote = put("/api/v1/users/" + id, R"({"username":"admin","firstname":"A","lastname":"B","role":"teacher"})");
    EXPECT_EQ(demote.status, 409u);
    EXPECT_EQ(demote.error_code(), "CONFLICT");
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/me").data().at("role"), "admin");

    // With a second active admin, the first may go.
    t.add_user("deputy", "admin");
    EXPECT_EQ(put("/api/v1/users/" + id + "/status", R"({"status":"inactive"})").status, 200u);
    auto deputy = t.sign_in("deputy");
    EXPECT_EQ(t.as(deputy, Call{Method::put, "/api/v1/users/" + id + "/status", R"({"status":"active"})"}).status, 200u);
}

TEST_F(UsersTest, ChangesHonourIfMatch)
{
    auto id = std::to_string(t.add_user("dara", "teacher"));
    auto read = t.get_as(admin, "/api/v1/users/" + id);
    auto etag = read.header("ETag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(t.as(admin, Call{Method::get, "/api/v1/users/" + id, {}, {{"If-None-Match", etag}}}).status, 304u);
    auto body = R"({"username":"dara","firstname":"Dara","lastname":"Sok","role":"teacher"})";
    auto changed = t.as(admin, Call{Method::put, "/api/v1/users/" + id, body, {{"If-Match", etag}}});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_NE(changed.header("ETag"), etag);
    // Whoever read the old version cannot overwrite, disable or delete the new one.
    EXPECT_EQ(t.as(admin, Call{Method::put, "/api/v1/users/" + id, body, {{"If-Match", etag}}}).status, 412u);
    EXPECT_EQ(t.as(admin, Call{Method::put, "/api/v1/users/" + id + "/status", R"({"status":"inactive"})",
                               {{"If-Match", etag}}})
                  .status,
              412u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + id, {}, {{"If-Match", etag}}}).status, 412u);
    // Signing in changes what the account shows (lastLogin), so its version moves too.
    auto before = t.get_as(admin, "/api/v1/users/" + id).header("ETag");
    t.sign_in("dara");
    EXPECT_NE(t.get_as(admin, "/api/v1/users/" + id).header("ETag"), before);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + id, {}, {{"If-Match", "*"}}}).status, 204u);
}

TEST_F(UsersTest, StatusMustBeKnown)
{
    auto other = t.add_user("dara", "teacher");
    auto r = put("/api/v1/users/" + std::to_string(other) + "/status", R"({"status":"suspended"})");
    EXPECT_EQ(r.status, 422u);
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"status"});
}

TEST_F(UsersTest, AnAdminCanResetAPassword)
{
    auto other = t.add_user("dara", "teacher");
    auto session = t.sign_in("dara");
    auto r = put("/api/v1/users/" + std::to_string(other),
                 R"({"username":"dara","firstname":"Dara","lastname":"Sok","role":"teacher","password":"a new school year"})");
    ASSERT_EQ(r.status, 200u);
    EXPECT_EQ(t.get_as(session, "/api/v1/users/me").status, 401u);  // the reset ends the sessions
    EXPECT_EQ(t.sign_in("dara", "a new school year").reply.status, 200u);
}

TEST_F(UsersTest, OnesOwnAccount)
{
    t.add_user("dara", "teacher");
    auto dara = t.sign_in("dara");
    auto me = t.get_as(dara, "/api/v1/users/me");
    ASSERT_EQ(me.status, 200u);
    EXPECT_EQ(me.data().at("username"), "dara");

    auto changed = t.as(dara, Call{Method::patch, "/api/v1/users/me",
                                   R"({"firstname":"Dara","lastname":"Sok","phonenumber1":"012 345 678","avatar":"/uploads/dara.png"})"});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(changed.data().at("phonenumber1"), "012 345 678");
    EXPECT_EQ(changed.data().at("avatar"), "/uploads/dara.png");

    auto cleared = t.as(dara, Call{Method::patch, "/api/v1/users/me", R"({"phonenumber1":null})"});
    ASSERT_EQ(cleared.status, 200u);
    EXPECT_TRUE(cleared.data().at("phonenumber1").is_null());
    EXPECT_EQ(cleared.data().at("lastname"), "Sok");  // absent fields stay

    for (std::string body : {R"({"firstname":null})", R"({"lastname":""})", R"({"phonenumber2":"abc"})",
                             R"({"role":"admin"})", R"({"username":"boss"})"}) {
        EXPECT_EQ(t.as(dara, Call{Method::patch, "/api/v1/users/me", body}).status, 422u) << body;
    }
    EXPECT_EQ(t.get_as(dara, "/api/v1/users/me").data().at("role"), "teacher");
    EXPECT_EQ(t.get_as(dara, "/api/v1/users").status, 403u);
}

TEST_F(UsersTest, UnknownIdsAreNotFound)
{
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/999").status, 404u);
    EXPECT_EQ(put("/api/v1/users/999/status", R"({"status":"inactive"})").status, 404u);
    EXPECT_EQ(post("/api/v1/users/999/skip-lockout", "").status, 404u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/abc").status, 400u);
}

}  // namespace
}  // namespace sala
