// Signing in and staying signed in, as a client sees it: tokens and cookies, lockout and its
// expiry, indistinguishable failures, refresh rotation and reuse, heartbeat, idle expiry,
// rememberMe, sign-out, the login picker, imported bcrypt hashes and the signing key.
#include "auth/password.hpp"
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <crypt.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace sala {
namespace {

using http::Method;
using namespace std::chrono_literals;
using test::Call;
using test::Reply;
using test::TestApp;

std::string login_body(std::string_view username, std::string_view password, bool remember_me = false)
{
    return boost::json::serialize(
        boost::json::object{{"username", username}, {"password", password}, {"rememberMe", remember_me}});
}

Reply login(TestApp& t, std::string_view username, std::string_view password, std::vector<std::pair<std::string, std::string>> headers = {})
{
    return t.call(Call{Method::post, "/api/v1/auth/login", login_body(username, password), std::move(headers)});
}

Reply refresh(TestApp& t, const std::string& token)
{
    return t.call(Call{Method::post, "/api/v1/auth/refresh", boost::json::serialize(boost::json::object{{"refreshToken", token}})});
}

std::vector<std::string> set_cookies(const Reply& r)
{
    std::vector<std::string> out;
    for (const auto& h : r.headers.list()) {
        if (http::iequals(h.name, "Set-Cookie")) {
            out.push_back(h.value);
        }
    }
    return out;
}

class AuthTest : public ::testing::Test {
protected:
    AuthTest()
    {
        admin_id = t.add_user("admin", "admin");
        teacher_id = t.add_user("sokha", "teacher");
    }
    TestApp t;
    std::int64_t admin_id = 0;
    std::int64_t teacher_id = 0;
};

TEST_F(AuthTest, SignInReturnsTokensTheUserAndCookies)
{
    auto r = login(t, "sokha", test::kTestPassword);
    ASSERT_EQ(r.status, 200u);
    const auto& d = r.data();
    EXPECT_FALSE(d.at("accessToken").as_string().empty());
    EXPECT_EQ(d.at("refreshToken").as_string().size(), 43u);
    EXPECT_EQ(d.at("expiresIn"), 900);
    EXPECT_EQ(d.at("tokenType"), "Bearer");
    const auto& u = d.at("user");
    EXPECT_EQ(u.at("userId"), teacher_id);
    EXPECT_EQ(u.at("username"), "sokha");
    EXPECT_EQ(u.at("role"), "teacher");
    for (auto field : {"firstname", "lastname", "position", "avatar"}) {
        EXPECT_TRUE(u.as_object().contains(field)) << field;
    }
    EXPECT_EQ(u.at("sessionStart"), "2026-09-01T08:00:00Z");
    EXPECT_EQ(u.at("lastActivity"), "2026-09-01T08:00:00Z");
    EXPECT_EQ(u.at("expiresAt"), "2026-09-01T08:30:00Z");
    EXPECT_EQ(r.body.find("passwordHash"), std::string::npos);
    EXPECT_EQ(r.body.find("$argon2id$"), std::string::npos);

    auto cookies = set_cookies(r);
    ASSERT_EQ(cookies.size(), 2u);
    EXPECT_TRUE(cookies[0].starts_with("sala_access=" + std::string(d.at("accessToken").as_string()) + ";"));
    EXPECT_TRUE(cookies[1].starts_with("sala_refresh=" + std::string(d.at("refreshToken").as_string()) + ";"));
    for (const auto& c : cookies) {
        EXPECT_NE(c.find("; HttpOnly"), std::string::npos) << c;
        EXPECT_NE(c.find("; SameSite=Strict"), std::string::npos) << c;
        EXPECT_EQ(c.find("Secure"), std::string::npos) << c;  // plain HTTP, no proxy
    }
    EXPECT_NE(cookies[0].find("Path=/;"), std::string::npos);
    EXPECT_NE(cookies[1].find("Path=/api;"), std::string::npos);

    // The token works, and so does the cookie alone.
    test::SignedIn who;
    who.access_token = std::string(d.at("accessToken").as_string());
    EXPECT_EQ(t.get_as(who, "/api/v1/users/me").data().at("userId"), teacher_id);
    auto by_cookie = t.get("/api/v1/users/me", {{"Cookie", "theme=dark; " + cookies[0].substr(0, cookies[0].find(';'))}});
    EXPECT_EQ(by_cookie.status, 200u);
}

TEST_F(AuthTest, CookiesAreSecureBehindATlsProxyThatSaysSo)
{
    app::Config config;
    config.trusted_proxies = {"127.0.0.1"};
    TestApp proxied(config);
    proxied.add_user("vanna", "teacher");
    auto r = login(proxied, "vanna", test::kTestPassword, {{"X-Forwarded-Proto", "https"}});
    ASSERT_EQ(r.status, 200u);
    for (const auto& c : set_cookies(r)) {
        EXPECT_NE(c.find("; Secure"), std::string::npos) << c;
    }
    EXPECT_FALSE(r.header("Strict-Transport-Security").empty());

    // The same header from an untrusted peer changes nothing.
    auto direct = login(t, "sokha", test::kTestPassword, {{"X-Forwarded-Proto", "https"}});
    for (const auto& c : set_cookies(direct)) {
        EXPECT_EQ(c.find("Secure"), std::string::npos) << c;
    }
}

TEST_F(AuthTest, UsernamesAreTrimmedAndCaseInsensitive)
{
    EXPECT_EQ(login(t, "  SoKhA \t", test::kTestPassword).status, 200u);
}

TEST_F(AuthTest, UnknownUserAndWrongPasswordLookTheSame)
{
    auto before = auth::verification_count();
    auto unknown = login(t, "nobody", test::kTestPassword);
    EXPECT_EQ(auth::verification_count(), before + 1);  // verified against the dummy hash
    auto wrong = login(t, "sokha", "not the right password");
    EXPECT_EQ(auth::verification_count(), before + 2);
    ASSERT_EQ(unknown.status, 401u);
    ASSERT_EQ(wrong.status, 401u);
    EXPECT_EQ(unknown.error_code(), wrong.error_code());
    EXPECT_EQ(unknown.json.at("error").at("message"), wrong.json.at("error").at("message"));
    EXPECT_EQ(unknown.json.at("error").at("details"), wrong.json.at("error").at("details"));
    EXPECT_EQ(unknown.header("Retry-After"), wrong.header("Retry-After"));
    EXPECT_TRUE(set_cookies(unknown).empty());
}

TEST_F(AuthTest, FiveFailuresLockTheAccountForTenMinutes)
{
    for (int i = 1; i <= 4; ++i) {
        EXPECT_EQ(login(t, "sokha", "wrong password " + std::to_string(i)).status, 401u) << i;
    }
    auto fifth = login(t, "sokha", "wrong password 5");
    EXPECT_EQ(fifth.status, 423u);
    EXPECT_EQ(fifth.error_code(), "ACCOUNT_LOCKED");
    EXPECT_EQ(fifth.header("Retry-After"), "600");

    t.clock().advance(4min);
    auto right = login(t, "sokha", test::kTestPassword);
    EXPECT_EQ(right.status, 423u);  // even with the right password
    EXPECT_EQ(right.header("Retry-After"), "360");

    t.clock().advance(6min);
    EXPECT_EQ(login(t, "sokha", test::kTestPassword).status, 200u);
    auto admin = t.sign_in("admin");
    auto user = t.get_as(admin, "/api/v1/users/" + std::to_string(teacher_id));
    EXPECT_EQ(user.data().at("failedLoginAttempts"), 0);
    EXPECT_TRUE(user.data().at("accountLockedUntil").is_null());
}

TEST_F(AuthTest, AnExpiredLockStartsTheCountAgain)
{
    for (int i = 1; i <= 5; ++i) {
        (void)login(t, "sokha", "wrong password");
    }
    t.clock().advance(11min);
    EXPECT_EQ(login(t, "sokha", "wrong again").status, 401u);  // one failure, not a sixth
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(login(t, "sokha", "wrong again").status, 401u);
    }
    EXPECT_EQ(login(t, "sokha", "wrong again").status, 423u);
}

TEST_F(AuthTest, AdminsCanUnlockOrResetTheCount)
{
    for (int i = 1; i <= 5; ++i) {
        (void)login(t, "sokha", "wrong password");
    }
    auto admin = t.sign_in("admin");
    auto id = std::to_string(teacher_id);
    auto reset = t.as(admin, Call{Method::post, "/api/v1/users/" + id + "/reset-login-attempts"});
    EXPECT_EQ(reset.status, 200u);
    EXPECT_EQ(reset.data().at("failedLoginAttempts"), 0);
    EXPECT_FALSE(reset.data().at("accountLockedUntil").is_null());  // still locked
    EXPECT_EQ(login(t, "sokha", test::kTestPassword).status, 423u);
    auto unlocked = t.as(admin, Call{Method::post, "/api/v1/users/" + id + "/skip-lockout"});
    EXPECT_EQ(unlocked.status, 200u);
    EXPECT_TRUE(unlocked.data().at("accountLockedUntil").is_null());
    EXPECT_EQ(login(t, "sokha", test::kTestPassword).status, 200u);
}

TEST_F(AuthTest, AnInactiveAccountCannotSignIn)
{
    auto admin = t.sign_in("admin");
    auto off = t.as(admin, Call{Method::put, "/api/v1/users/" + std::to_string(teacher_id) + "/status", R"({"status":"inactive"})"});
    ASSERT_EQ(off.status, 200u);
    auto r = login(t, "sokha", test::kTestPassword);
    EXPECT_EQ(r.status, 403u);
    EXPECT_EQ(r.json.at("error").at("message"), "This account is disabled. Ask an administrator.");
    EXPECT_EQ(login(t, "sokha", "wrong password").status, 401u);  // without the password, nothing is revealed
}

TEST_F(AuthTest, AccessTokensLastFifteenMinutes)
{
    auto who = t.sign_in("sokha");
    t.clock().advance(14min);
    EXPECT_EQ(t.get_as(who, "/api/v1/users/me").status, 200u);
    t.clock().advance(2min);
    auto expired = t.get_as(who, "/api/v1/users/me");
    EXPECT_EQ(expired.status, 401u);
    EXPECT_EQ(expired.json.at("error").at("message"), "The access token has expired; refresh it.");
}

TEST_F(AuthTest, RefreshRotatesAndTheOldTokenStopsWorking)
{
    auto who = t.sign_in("sokha");
    t.clock().advance(10min);
    auto first = refresh(t, who.refresh_token);
    ASSERT_EQ(first.status, 200u);
    std::string access = std::string(first.data().at("accessToken").as_string());
    std::string next = std::string(first.data().at("refreshToken").as_string());
    EXPECT_NE(next, who.refresh_token);
    EXPECT_NE(access, who.access_token);
    EXPECT_EQ(first.data().at("user").at("expiresAt"), "2026-09-01T08:40:00Z");  // idle timer restarted

    auto reused = refresh(t, who.refresh_token);
    EXPECT_EQ(reused.status, 401u);
    // Reuse ends the whole family: the token from the rotation and its access token die too.
    EXPECT_EQ(refresh(t, next).status, 401u);
    test::SignedIn rotated;
    rotated.access_token = access;
    EXPECT_EQ(t.get_as(rotated, "/api/v1/users/me").status, 401u);
    // Signing in again gives a fresh, working session.
    EXPECT_EQ(t.get_as(t.sign_in("sokha"), "/api/v1/users/me").status, 200u);
}

TEST_F(AuthTest, RefreshFromTheCookieNeedsTheCsrfHeader)
{
    auto who = t.sign_in("sokha");
    auto forged = t.call(Call{Method::post, "/api/v1/auth/refresh", {}, {{"Cookie", who.refresh_cookie}}});
    EXPECT_EQ(forged.status, 403u);
    auto ok = t.call(Call{Method::post, "/api/v1/auth/refresh", {},
                          {{"Cookie", who.refresh_cookie}, {"X-Requested-With", "XMLHttpRequest"}}});
    EXPECT_EQ(ok.status, 200u);
    EXPECT_EQ(set_cookies(ok).size(), 2u);
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/auth/refresh"}).status, 401u);
    EXPECT_EQ(refresh(t, "not-a-token").status, 401u);
}

TEST_F(AuthTest, SessionsIdleOutWithoutHeartbeatOrRefresh)
{
    auto who = t.sign_in("sokha");
    t.clock().advance(31min);
    auto r = refresh(t, who.refresh_token);
    EXPECT_EQ(r.status, 401u);
    EXPECT_EQ(r.json.at("error").at("message"), "The session has ended; sign in again.");
}

TEST_F(AuthTest, HeartbeatKeepsTheSessionAlive)
{
    auto who = t.sign_in("sokha");
    t.clock().advance(10min);
    auto beat = t.as(who, Call{Method::post, "/api/v1/auth/heartbeat"});
    ASSERT_EQ(beat.status, 200u);
    EXPECT_EQ(beat.data().at("expiresAt"), "2026-09-01T08:40:00Z");
    EXPECT_EQ(beat.data().at("lastActivity"), "2026-09-01T08:10:00Z");
    t.clock().advance(25min);  // 35 minutes after sign-in, 25 after the heartbeat
    EXPECT_EQ(refresh(t, who.refresh_token).status, 200u);
}

TEST_F(AuthTest, RememberMeKeepsTheSessionUpToSevenDays)
{
    auto who = t.sign_in("sokha", test::kTestPassword, true);
    t.clock().advance(std::chrono::hours(48));
    auto r = refresh(t, who.refresh_token);
    ASSERT_EQ(r.status, 200u);
    auto next = std::string(r.data().at("refreshToken").as_string());
    t.clock().advance(std::chrono::hours(24 * 5 + 1));  // seven days and an hour after sign-in
    EXPECT_EQ(refresh(t, next).status, 401u);
}

TEST_F(AuthTest, SignOutEndsTheSessionAtOnce)
{
    auto who = t.sign_in("sokha");
    auto other = t.sign_in("sokha");
    auto out = t.as(who, Call{Method::post, "/api/v1/auth/logout"});
    EXPECT_EQ(out.status, 204u);
    auto cookies = set_cookies(out);
    ASSERT_EQ(cookies.size(), 2u);
    for (const auto& c : cookies) {
        EXPECT_NE(c.find("Max-Age=0"), std::string::npos) << c;
    }
    EXPECT_EQ(t.get_as(who, "/api/v1/users/me").status, 401u);  // not at expiry: now
    EXPECT_EQ(refresh(t, who.refresh_token).status, 401u);
    EXPECT_EQ(t.get_as(other, "/api/v1/users/me").status, 200u);  // other sessions are untouched
}

TEST_F(AuthTest, DisablingOrDeletingAnAccountEndsItsSessions)
{
    auto admin = t.sign_in("admin");
    auto teacher = t.sign_in("sokha");
    ASSERT_EQ(t.as(admin, Call{Method::put, "/api/v1/users/" + std::to_string(teacher_id) + "/status", R"({"status":"inactive"})"}).status, 200u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/users/me").status, 401u);

    auto dara_id = t.add_user("dara", "teacher");
    auto dara = t.sign_in("dara");
    ASSERT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/users/" + std::to_string(dara_id)}).status, 204u);
    EXPECT_EQ(t.get_as(dara, "/api/v1/users/me").status, 401u);
    EXPECT_EQ(refresh(t, dara.refresh_token).status, 401u);
}

TEST_F(AuthTest, ARoleChangeTakesEffectOnTheNextRequest)
{
    auto admin = t.sign_in("admin");
    auto teacher = t.sign_in("sokha");
    EXPECT_EQ(t.get_as(teacher, "/api/v1/users").status, 403u);
    auto promoted = t.as(admin, Call{Method::put, "/api/v1/users/" + std::to_string(teacher_id),
                                     R"({"username":"sokha","firstname":"Sokha","lastname":"Chan","role":"admin"})"});
    ASSERT_EQ(promoted.status, 200u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/users").status, 200u);
}

TEST_F(AuthTest, ChangingOnesPasswordNeedsTheCurrentOneAndEndsOtherSessions)
{
    auto here = t.sign_in("sokha");
    auto elsewhere = t.sign_in("sokha");
    auto wrong = t.as(here, Call{Method::patch, "/api/v1/users/me",
                                 R"({"currentPassword":"not it","newPassword":"a brand new passphrase"})"});
    EXPECT_EQ(wrong.status, 422u);
    EXPECT_EQ(wrong.error_fields(), std::vector<std::string>{"currentPassword"});
    auto missing = t.as(here, Call{Method::patch, "/api/v1/users/me", R"({"newPassword":"a brand new passphrase"})"});
    EXPECT_EQ(missing.status, 422u);
    EXPECT_EQ(missing.error_fields(), std::vector<std::string>{"currentPassword"});
    auto weak = t.as(here, Call{Method::patch, "/api/v1/users/me",
                                R"({"currentPassword":"correct horse battery staple","newPassword":"password1234"})"});
    EXPECT_EQ(weak.status, 422u);

    auto changed = t.as(here, Call{Method::patch, "/api/v1/users/me",
                                   R"({"currentPassword":"correct horse battery staple","newPassword":"a brand new passphrase"})"});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(t.get_as(here, "/api/v1/users/me").status, 200u);
    EXPECT_EQ(t.get_as(elsewhere, "/api/v1/users/me").status, 401u);
    EXPECT_EQ(login(t, "sokha", test::kTestPassword).status, 401u);
    EXPECT_EQ(login(t, "sokha", "a brand new passphrase").status, 200u);
}

TEST_F(AuthTest, TheLoginPickerIsOffUnlessEnabled)
{
    EXPECT_EQ(t.get("/api/v1/auth/users").status, 404u);

    app::Config config;
    config.login_user_list = true;
    TestApp picker(config);
    picker.add_user("chenda", "teacher");
    auto hidden = picker.add_user("hidden", "teacher");
    auto admin_id_there = picker.add_user("boss", "admin");
    (void)admin_id_there;
    auto boss = picker.sign_in("boss");
    ASSERT_EQ(picker.as(boss, Call{Method::put, "/api/v1/users/" + std::to_string(hidden) + "/status", R"({"status":"inactive"})"}).status, 200u);
    auto r = picker.get("/api/v1/auth/users");
    ASSERT_EQ(r.status, 200u);
    std::vector<std::string> names;
    for (const auto& u : r.data().as_array()) {
        names.emplace_back(u.at("username").as_string());
        EXPECT_EQ(u.as_object().size(), 4u);  // userId, username, displayName, avatar: nothing else
        EXPECT_TRUE(u.as_object().contains("displayName"));
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"boss", "chenda"}));
}

TEST_F(AuthTest, ImportedBcryptHashesWorkAndAreUpgraded)
{
    crypt_data data{};
    std::string hash = crypt_rn("the original system's password", "$2b$05$abcdefghijklmnopqrstuu", &data, sizeof data);
    {
        auto tx = t.app().database().write();
        tx->execute("UPDATE users SET password_hash = $2 WHERE user_id = $1", teacher_id, hash);
        tx.commit();
    }
    EXPECT_EQ(login(t, "sokha", "wrong password").status, 401u);
    EXPECT_EQ(login(t, "sokha", "the original system's password").status, 200u);
    auto lease = t.app().database().read();
    auto stored = lease->query_value<std::string>("SELECT password_hash FROM users WHERE user_id = $1", teacher_id);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->starts_with("$argon2id$")) << *stored;
    EXPECT_EQ(login(t, "sokha", "the original system's password").status, 200u);
}

TEST_F(AuthTest, TheSigningKeyIsGeneratedOncePrivately)
{
    auto key_file = t.dir().path() / "jwt-secret";
    ASSERT_TRUE(std::filesystem::exists(key_file));
    EXPECT_EQ(std::filesystem::status(key_file).permissions(),
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto who = t.sign_in("sokha");
    // Another App on the same data directory (a restart) accepts the tokens.
    app::Config config;
    config.data_dir = t.dir().str();
    config.access_log = false;
    config.workers = 2;
    app::App restarted(config, t.clock());
    test::Call call{Method::get, "/api/v1/users/me", {}, {{"Authorization", "Bearer " + who.access_token}}};
    EXPECT_EQ(test::send(restarted.pipeline(), call).status, 200u);
    // A configured secret is used instead, and then the old tokens are foreign.
    config.jwt_secret = std::string(40, 's');
    app::App configured(config, t.clock());
    EXPECT_EQ(test::send(configured.pipeline(), call).status, 401u);
}

}  // namespace
}  // namespace sala
