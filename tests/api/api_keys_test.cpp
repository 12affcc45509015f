// API keys for integrations, as a client sees them: the secret shown once, Bearer and X-API-Key,
// scopes, validation, expiry, rotation with a grace period, revocation, last use, the admin-only
// routes, the activity log and a rate limit of their own.
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using namespace std::chrono_literals;
using test::Call;
using test::Reply;
using test::SignedIn;
using test::TestApp;

// A JSON value as text, to compare with a std::string (a string's characters, else its JSON).
std::string text(const boost::json::value& v)
{
    return v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
}

std::string json_text(const boost::json::value& v)
{
    return boost::json::serialize(v);
}

boost::json::object key_body(std::string name, std::initializer_list<std::string_view> scopes)
{
    boost::json::array list;
    for (auto s : scopes) {
        list.emplace_back(s);
    }
    return boost::json::object{{"name", std::move(name)}, {"scopes", std::move(list)}};
}

struct Key {
    std::int64_t id = 0;
    std::string secret;
    Reply reply;
};

Key create_key(TestApp& t, const SignedIn& admin, const boost::json::object& body)
{
    Key k;
    k.reply = t.as(admin, Call{Method::post, "/api/v1/api-keys", json_text(body)});
    EXPECT_EQ(k.reply.status, 201u) << k.reply.body;
    if (k.reply.status == 201u) {
        k.id = k.reply.data().at("apiKey").at("apiKeyId").as_int64();
        k.secret = std::string(k.reply.data().at("key").as_string());
    }
    return k;
}

Reply with_key(TestApp& t, const std::string& secret, Call c)
{
    c.headers.emplace_back("Authorization", "Bearer " + secret);
    return t.call(std::move(c));
}

Reply get_with_key(TestApp& t, const std::string& secret, const std::string& target)
{
    return with_key(t, secret, Call{Method::get, target});
}

Reply get_with_x_api_key(TestApp& t, const std::string& secret, const std::string& target)
{
    return t.call(Call{Method::get, target, {}, {{"X-API-Key", secret}}});
}

// The listed key with this id (a null value when it is not listed).
boost::json::value listed(const Reply& list, std::int64_t id)
{
    for (const auto& k : list.data().as_array()) {
        if (k.at("apiKeyId").as_int64() == id) {
            return k;
        }
    }
    return nullptr;
}

class ApiKeysTest : public ::testing::Test {
protected:
    ApiKeysTest()
    {
        admin_id = t.add_user("admin", "admin");
        admin = t.sign_in("admin");
    }

    Reply rotate(std::int64_t id, std::string body = {})
    {
        return t.as(admin, Call{Method::post, "/api/v1/api-keys/" + std::to_string(id) + "/rotate", std::move(body)});
    }
    Reply list()
    {
        auto r = t.get_as(admin, "/api/v1/api-keys");
        EXPECT_EQ(r.status, 200u) << r.body;
        return r;
    }
    // After the clock has moved past the access token's 15 minutes.
    void sign_in_again() { admin = t.sign_in("admin"); }

    TestApp t;
    std::int64_t admin_id = 0;
    SignedIn admin;
};

TEST_F(ApiKeysTest, CreatingShowsTheSecretOnce)
{
    auto body = key_body("Ministry sync", {"users:read", "students:read", "users:read"});
    auto k = create_key(t, admin, body);
    ASSERT_EQ(k.reply.status, 201u);
    EXPECT_EQ(k.reply.header("Location"), "/api/v1/api-keys/" + std::to_string(k.id));
    EXPECT_TRUE(k.secret.starts_with("sala_")) << k.secret;
    EXPECT_GE(k.secret.size(), 5u + 40u);  // 32 random bytes after the prefix
    const auto& made = k.reply.data().at("apiKey");
    EXPECT_EQ(made.at("name"), "Ministry sync");
    EXPECT_EQ(json_text(made.at("scopes")), R"(["students:read","users:read"])");  // sorted, once each
    EXPECT_EQ(made.at("status"), "active");
    EXPECT_EQ(made.at("createdAt"), "2026-09-01T08:00:00Z");
    EXPECT_TRUE(made.at("lastUsedAt").is_null());
    EXPECT_TRUE(made.at("expiresAt").is_null());
    const std::string prefix(made.at("prefix").as_string());
    EXPECT_TRUE(prefix.starts_with("sala_")) << prefix;
    EXPECT_TRUE(k.secret.starts_with(prefix));
    EXPECT_LT(prefix.size(), k.secret.size() - 20);  // the prefix recognises a key, it does not reveal it

    auto all = list();
    ASSERT_EQ(all.status, 200u) << all.body;
    EXPECT_EQ(all.body.find(k.secret), std::string::npos);
    EXPECT_EQ(all.body.find(k.secret.substr(prefix.size())), std::string::npos);  // not even the secret part
    auto entry = listed(all, k.id);
    ASSERT_TRUE(entry.is_object()) << all.body;
    EXPECT_EQ(entry.at("name"), "Ministry sync");
    EXPECT_EQ(text(entry.at("prefix")), prefix);
    EXPECT_EQ(json_text(entry.at("scopes")), R"(["students:read","users:read"])");
    EXPECT_EQ(entry.at("createdAt"), "2026-09-01T08:00:00Z");
    EXPECT_TRUE(entry.at("lastUsedAt").is_null());
    EXPECT_TRUE(entry.at("expiresAt").is_null());
    EXPECT_FALSE(entry.as_object().contains("key"));
    EXPECT_FALSE(entry.as_object().contains("secret"));
}

TEST_F(ApiKeysTest, AKeyWorksAsBearerAndAsXApiKey)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    auto bearer = get_with_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(bearer.status, 200u) << bearer.body;
    auto header = get_with_x_api_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(header.status, 200u) << header.body;
    EXPECT_EQ(header.data().as_array().size(), 1u);
}

TEST_F(ApiKeysTest, UnknownSecretsAreRejected)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    std::string tampered = k.secret;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    for (const std::string& secret :
         {tampered, std::string("sala_"), std::string("sala_nothing-like-a-key"), std::string("not-a-key")}) {
        auto bearer = get_with_key(t, secret, "/api/v1/users");
        EXPECT_EQ(bearer.status, 401u) << secret;
        EXPECT_EQ(bearer.error_code(), "UNAUTHORIZED") << secret;
        EXPECT_EQ(get_with_x_api_key(t, secret, "/api/v1/users").status, 401u) << secret;
    }
}

TEST_F(ApiKeysTest, AKeyActsWithItsScopesOnly)
{
    auto k = create_key(t, admin, key_body("reader", {"users:read"}));
    struct Case {
        Call call;
        unsigned status;
    };
    const Case cases[] = {
        {{Method::get, "/api/v1/users"}, 200u},
        {{Method::get, "/api/v1/users/" + std::to_string(admin_id)}, 200u},
        {{Method::post, "/api/v1/users",
          R"({"username":"newbie","password":"correct horse battery staple","firstname":"N","lastname":"B",)"
          R"("role":"teacher"})"},
         403u},
        {{Method::put, "/api/v1/users/" + std::to_string(admin_id) + "/status", R"({"status":"inactive"})"}, 403u},
        {{Method::get, "/api/v1/users/me"}, 403u},  // a key is not a signed-in user
        {{Method::post, "/api/v1/auth/heartbeat"}, 403u},
        {{Method::get, "/api/v1/api-keys"}, 403u},
        {{Method::post, "/api/v1/api-keys", json_text(key_body("more", {"users:write"}))}, 403u},
        {{Method::get, "/api/v1/activity-logs"}, 403u},
    };
    for (const auto& c : cases) {
        auto r = with_key(t, k.secret, c.call);
        EXPECT_EQ(r.status, c.status) << http::method_name(c.call.method) << " " << c.call.target << ": " << r.body;
        if (c.status == 403u) {
            EXPECT_EQ(r.error_code(), "FORBIDDEN") << c.call.target;
        }
    }
    // Nothing was changed by the refused writes.
    auto users = t.get_as(admin, "/api/v1/users");
    EXPECT_EQ(users.data().as_array().size(), 1u);
    EXPECT_EQ(users.data().at(0).at("status"), "active");
}

TEST_F(ApiKeysTest, BadInputIsA422NamingTheField)
{
    struct Case {
        std::string what;
        std::string body;
        std::string field;
    };
    const Case cases[] = {
        {"empty name", R"({"name":"","scopes":["users:read"]})", "name"},
        {"blank name", R"({"name":"   ","scopes":["users:read"]})", "name"},
        {"missing name", R"({"scopes":["users:read"]})", "name"},
        {"long name", json_text(key_body(std::string(101, 'n'), {"users:read"})), "name"},
        {"no scopes", R"({"name":"sync","scopes":[]})", "scopes"},
        {"missing scopes", R"({"name":"sync"})", "scopes"},
        {"unknown scope", R"({"name":"sync","scopes":["users:read","users:fly"]})", "scopes[1]"},
        {"a role is not a scope", R"({"name":"sync","scopes":["admin"]})", "scopes[0]"},
        {"expiry in the past", R"({"name":"sync","scopes":["users:read"],"expiresAt":"2026-09-01T07:59:59Z"})",
         "expiresAt"},
        {"expiry now", R"({"name":"sync","scopes":["users:read"],"expiresAt":"2026-09-01T08:00:00Z"})", "expiresAt"},
        {"expiry not a timestamp", R"({"name":"sync","scopes":["users:read"],"expiresAt":"tomorrow"})", "expiresAt"},
    };
    for (const auto& c : cases) {
        auto r = t.as(admin, Call{Method::post, "/api/v1/api-keys", c.body});
        EXPECT_EQ(r.status, 422u) << c.what << ": " << r.body;
        EXPECT_EQ(r.error_code(), "VALIDATION_ERROR") << c.what;
        EXPECT_EQ(r.error_fields(), std::vector<std::string>{c.field}) << c.what << ": " << r.body;
        EXPECT_EQ(r.body.find("sala_"), std::string::npos) << c.what;
    }
    EXPECT_TRUE(list().data().as_array().empty());
}

TEST_F(ApiKeysTest, AnExpiredKeyIsRejected)
{
    auto body = key_body("term", {"users:read"});
    body["expiresAt"] = "2026-09-01T09:00:00Z";
    auto k = create_key(t, admin, body);
    EXPECT_EQ(k.reply.data().at("apiKey").at("expiresAt"), "2026-09-01T09:00:00Z");
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    t.clock().advance(59min + 59s);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);  // now also cached
    t.clock().advance(1s);
    auto expired = get_with_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(expired.status, 401u) << expired.body;
    EXPECT_EQ(expired.error_code(), "UNAUTHORIZED");
    EXPECT_EQ(get_with_x_api_key(t, k.secret, "/api/v1/users").status, 401u);
    sign_in_again();
    auto entry = listed(list(), k.id);
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("status"), "expired");
    EXPECT_EQ(entry.at("expiresAt"), "2026-09-01T09:00:00Z");
}

TEST_F(ApiKeysTest, RotationKeepsTheOldSecretForTheDefaultGracePeriod)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    ASSERT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);  // the old secret is cached

    auto rotated = rotate(k.id);
    ASSERT_EQ(rotated.status, 200u) << rotated.body;
    std::string fresh(rotated.data().at("key").as_string());
    EXPECT_TRUE(fresh.starts_with("sala_"));
    EXPECT_NE(fresh, k.secret);
    const auto& view = rotated.data().at("apiKey");
    EXPECT_EQ(view.at("apiKeyId"), k.id);
    EXPECT_TRUE(fresh.starts_with(std::string(view.at("prefix").as_string())));
    EXPECT_EQ(view.at("rotatedAt"), "2026-09-01T08:00:00Z");
    EXPECT_EQ(view.at("previousValidUntil"), "2026-09-02T08:00:00Z");  // 24 hours

    EXPECT_EQ(get_with_key(t, fresh, "/api/v1/users").status, 200u);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    t.clock().advance(23h);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    EXPECT_EQ(get_with_x_api_key(t, fresh, "/api/v1/users").status, 200u);
    t.clock().advance(2h);
    auto old = get_with_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(old.status, 401u) << old.body;
    EXPECT_EQ(get_with_x_api_key(t, k.secret, "/api/v1/users").status, 401u);
    EXPECT_EQ(get_with_key(t, fresh, "/api/v1/users").status, 200u);

    sign_in_again();
    auto all = list();
    EXPECT_EQ(all.body.find(k.secret), std::string::npos);
    EXPECT_EQ(all.body.find(fresh), std::string::npos);
}

TEST_F(ApiKeysTest, GraceHoursSetsHowLongTheOldSecretWorks)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    auto rotated = rotate(k.id, R"({"graceHours":2})");
    ASSERT_EQ(rotated.status, 200u) << rotated.body;
    EXPECT_EQ(rotated.data().at("apiKey").at("previousValidUntil"), "2026-09-01T10:00:00Z");
    t.clock().advance(2h - 1s);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);  // and now cached
    t.clock().advance(1s);  // the cache is younger than its lifetime, but the grace period is over
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 401u);

    // No grace: the old secret stops at once.
    sign_in_again();
    auto again = create_key(t, admin, key_body("other", {"users:read"}));
    ASSERT_EQ(get_with_key(t, again.secret, "/api/v1/users").status, 200u);
    auto now = rotate(again.id, R"({"graceHours":0})");
    ASSERT_EQ(now.status, 200u) << now.body;
    EXPECT_EQ(get_with_key(t, again.secret, "/api/v1/users").status, 401u);
    EXPECT_EQ(get_with_key(t, std::string(now.data().at("key").as_string()), "/api/v1/users").status, 200u);

    for (std::string bad : {R"({"graceHours":-1})", R"({"graceHours":721})"}) {
        auto r = rotate(again.id, bad);
        EXPECT_EQ(r.status, 422u) << bad << ": " << r.body;
        EXPECT_EQ(r.error_fields(), std::vector<std::string>{"graceHours"}) << bad;
    }
    EXPECT_EQ(rotate(9999).status, 404u);
}

TEST_F(ApiKeysTest, RevokingStopsAKeyAtOnce)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    ASSERT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);  // cached from here on
    auto revoked = t.as(admin, Call{Method::delete_, "/api/v1/api-keys/" + std::to_string(k.id)});
    EXPECT_EQ(revoked.status, 204u) << revoked.body;
    EXPECT_TRUE(revoked.body.empty());
    auto refused = get_with_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(refused.status, 401u) << refused.body;
    EXPECT_EQ(refused.error_code(), "UNAUTHORIZED");
    EXPECT_EQ(get_with_x_api_key(t, k.secret, "/api/v1/users").status, 401u);

    auto entry = listed(list(), k.id);
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("status"), "revoked");
    EXPECT_EQ(entry.at("revokedAt"), "2026-09-01T08:00:00Z");

    EXPECT_EQ(rotate(k.id).status, 409u);  // a revoked key cannot come back by rotation
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 401u);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/api-keys/9999"}).status, 404u);
}

TEST_F(ApiKeysTest, RevokingDuringAGracePeriodEndsBothSecrets)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    auto rotated = rotate(k.id);
    ASSERT_EQ(rotated.status, 200u);
    std::string fresh(rotated.data().at("key").as_string());
    ASSERT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    ASSERT_EQ(get_with_key(t, fresh, "/api/v1/users").status, 200u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/api-keys/" + std::to_string(k.id)}).status, 204u);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 401u);
    EXPECT_EQ(get_with_key(t, fresh, "/api/v1/users").status, 401u);
}

TEST_F(ApiKeysTest, LastUseIsRecorded)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    t.clock().advance(5min);
    ASSERT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    auto entry = listed(list(), k.id);
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry.at("lastUsedAt"), "2026-09-01T08:05:00Z");
    t.clock().advance(2h);
    ASSERT_EQ(get_with_x_api_key(t, k.secret, "/api/v1/users").status, 200u);
    sign_in_again();
    EXPECT_EQ(listed(list(), k.id).at("lastUsedAt"), "2026-09-01T10:05:00Z");
}

TEST_F(ApiKeysTest, TeachersGet403OnEveryApiKeyRoute)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    const std::string one = "/api/v1/api-keys/" + std::to_string(k.id);
    const Call calls[] = {
        {Method::get, "/api/v1/api-keys"},
        {Method::post, "/api/v1/api-keys", json_text(key_body("mine", {"grades:read"}))},
        {Method::post, one + "/rotate"},
        {Method::delete_, one},
    };
    for (const auto& c : calls) {
        auto r = t.as(teacher, c);
        EXPECT_EQ(r.status, 403u) << http::method_name(c.method) << " " << c.target << ": " << r.body;
        EXPECT_EQ(r.error_code(), "FORBIDDEN");
        EXPECT_EQ(r.body.find("sala_"), std::string::npos);
    }
    // The key is untouched.
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
    EXPECT_EQ(list().data().as_array().size(), 1u);
}

TEST_F(ApiKeysTest, TheActivityLogRecordsKeyEventsWithoutSecrets)
{
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));
    t.clock().advance(1min);
    auto rotated = rotate(k.id);
    ASSERT_EQ(rotated.status, 200u);
    std::string fresh(rotated.data().at("key").as_string());
    t.clock().advance(1min);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/api-keys/" + std::to_string(k.id)}).status, 204u);

    auto log = t.get_as(admin, "/api/v1/activity-logs?resource=api-keys");
    ASSERT_EQ(log.status, 200u) << log.body;
    const auto& entries = log.data().as_array();
    ASSERT_EQ(entries.size(), 3u) << log.body;  // the routes' own events; the write hook adds none
    const char* actions[] = {"api_key.revoked", "api_key.rotated", "api_key.created"};  // newest first
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(entries[i].at("action"), actions[i]);
        EXPECT_EQ(text(entries[i].at("resourceId")), std::to_string(k.id));
        EXPECT_EQ(entries[i].at("userId"), admin_id);
        EXPECT_EQ(entries[i].at("details").at("name"), "sync");
    }
    auto everything = t.get_as(admin, "/api/v1/activity-logs?limit=100");
    for (const auto& secret : {k.secret, fresh}) {
        EXPECT_EQ(log.body.find(secret), std::string::npos);
        EXPECT_EQ(everything.body.find(secret), std::string::npos);
        EXPECT_EQ(everything.body.find(secret.substr(13)), std::string::npos);
    }
}

TEST_F(ApiKeysTest, ManagingKeysIsNotAScopeAKeyCanHave)
{
    auto r = t.as(admin, Call{Method::post, "/api/v1/api-keys", json_text(key_body("minter", {"api-keys:manage"}))});
    EXPECT_EQ(r.status, 422u);
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"scopes[0]"});
    // So no key can make keys, whatever scopes it holds.
    auto key = create_key(t, admin, key_body("everything", {"users:read", "users:write"}));
    auto made = with_key(t, key.secret, Call{Method::post, "/api/v1/api-keys", json_text(key_body("child", {"users:read"}))});
    EXPECT_EQ(made.status, 403u);
}

TEST_F(ApiKeysTest, AKeyStopsWithTheAccountThatMadeIt)
{
    auto deputy_id = t.add_user("deputy", "admin");
    auto deputy = t.sign_in("deputy");
    auto key = create_key(t, deputy, key_body("deputy's sync", {"users:read"}));
    ASSERT_EQ(get_with_key(t, key.secret, "/api/v1/users").status, 200u);  // now cached

    auto status = "/api/v1/users/" + std::to_string(deputy_id) + "/status";
    ASSERT_EQ(t.as(admin, Call{Method::put, status, R"({"status":"inactive"})"}).status, 200u);
    EXPECT_EQ(get_with_key(t, key.secret, "/api/v1/users").status, 401u);
    ASSERT_EQ(t.as(admin, Call{Method::put, status, R"({"status":"active"})"}).status, 200u);
    EXPECT_EQ(get_with_key(t, key.secret, "/api/v1/users").status, 200u);
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + std::to_string(deputy_id)}).status, 204u);
    EXPECT_EQ(get_with_key(t, key.secret, "/api/v1/users").status, 401u);
}

TEST_F(ApiKeysTest, TheLocationOfANewKeyAnswers)
{
    auto key = create_key(t, admin, key_body("reports", {"grades:read"}));
    auto location = key.reply.header("Location");
    auto one = t.get_as(admin, location);
    ASSERT_EQ(one.status, 200u) << location;
    EXPECT_EQ(one.data().at("apiKeyId"), key.id);
    EXPECT_EQ(one.data().at("name"), "reports");
    EXPECT_EQ(one.body.find(key.secret), std::string::npos);
    EXPECT_EQ(t.get_as(admin, "/api/v1/api-keys/999").status, 404u);
}

TEST_F(ApiKeysTest, TheCurrentSecretOutlivesThePreviousOnesGracePeriod)
{
    auto key = create_key(t, admin, key_body("sync", {"users:read"}));
    auto rotated = rotate(key.id, R"({"graceHours":1})");
    ASSERT_EQ(rotated.status, 200u);
    std::string current(rotated.data().at("key").as_string());
    EXPECT_EQ(get_with_key(t, current, "/api/v1/users").status, 200u);
    t.clock().advance(2h);
    EXPECT_EQ(get_with_key(t, key.secret, "/api/v1/users").status, 401u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(get_with_key(t, current, "/api/v1/users").status, 200u);
        t.clock().advance(1s);
    }
}

TEST(ApiKeyRateLimit, AKeyHasItsOwnBudgetApartFromItsCreator)
{
    app::Config config;
    config.rate_limits.api_key_per_minute = 3;
    TestApp t(config);
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    auto k = create_key(t, admin, key_body("sync", {"users:read"}));

    for (int i = 1; i <= 3; ++i) {
        // Both ways of presenting the key draw on the same budget.
        auto r =
            i % 2 == 0 ? get_with_x_api_key(t, k.secret, "/api/v1/users") : get_with_key(t, k.secret, "/api/v1/users");
        ASSERT_EQ(r.status, 200u) << i << ": " << r.body;
        EXPECT_EQ(r.header("X-RateLimit-Limit"), "3");
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), std::to_string(3 - i));
    }
    auto limited = get_with_key(t, k.secret, "/api/v1/users");
    EXPECT_EQ(limited.status, 429u) << limited.body;
    EXPECT_EQ(limited.error_code(), "RATE_LIMIT_EXCEEDED");
    EXPECT_EQ(limited.header("Retry-After"), "60");
    EXPECT_EQ(get_with_x_api_key(t, k.secret, "/api/v1/users").status, 429u);

    // The admin who created it is counted separately, with the user budget.
    auto own = t.get_as(admin, "/api/v1/users");
    EXPECT_EQ(own.status, 200u) << own.body;
    EXPECT_EQ(own.header("X-RateLimit-Limit"), "300");

    t.clock().advance(1min);
    EXPECT_EQ(get_with_key(t, k.secret, "/api/v1/users").status, 200u);
}

}  // namespace
}  // namespace sala
