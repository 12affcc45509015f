// Who may call what, driven from the route table so a new route is covered without a new test:
// 401 without valid credentials, 403 for a teacher on every route the teacher role lacks, forged
// and expired tokens refused, and the CSRF rule for cookie-authenticated writes.
#include "auth/permissions.hpp"

#include "auth/crypto.hpp"
#include "auth/jwt.hpp"
#include "support/test_app.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace sala {
namespace {

using http::Method;
using namespace std::chrono_literals;
using test::Call;
using test::Reply;
using test::SignedIn;
using test::TestApp;

// Rate limits off: these tests call every route, and a growing table must not hit a budget.
app::Config unlimited()
{
    app::Config config;
    config.rate_limits = auth::RateLimits{0, 0, 0, 0, 0};
    return config;
}

// A concrete target for a route template: integers 1, dates 2026-09-01, strings "x".
std::string concrete(const std::string& path)
{
    std::string out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] != '{') {
            out += path[i++];
            continue;
        }
        auto close = path.find('}', i);
        auto param = std::string_view(path).substr(i + 1, close - i - 1);
        auto colon = param.find(':');
        auto type = colon == std::string_view::npos ? std::string_view("string") : param.substr(colon + 1);
        out += type == "int" ? "1" : type == "date" ? "2026-09-01" : "x";
        i = close + 1;
    }
    return out;
}

Call call_for(const http::Route& route)
{
    Call c{route.spec.method, concrete(route.full_path)};
    if (route.spec.request != nullptr) {
        c.body = "{}";
        c.headers.emplace_back("Content-Type", "application/json");
    }
    return c;
}

std::string describe(const http::Route& route)
{
    return std::string(http::method_name(route.spec.method)) + " " + route.full_path;
}

TEST(Permissions, EveryProtectedRouteAnswers401WithoutValidCredentials)
{
    TestApp t(unlimited());
    const std::vector<std::pair<std::string, std::string>> credentials[] = {
        {},
        {{"Authorization", "Bearer not-a-token"}},
        {{"Authorization", "Basic YWRtaW46YWRtaW4="}},
        {{"X-API-Key", "sala_not-a-key"}},
        {{"Cookie", "sala_access=not-a-token"}},
    };
    std::size_t covered = 0;
    for (const auto& route : t.app().router().routes()) {
        if (route->spec.permission.empty()) {
            continue;
        }
        ++covered;
        for (const auto& headers : credentials) {
            auto c = call_for(*route);
            c.headers.insert(c.headers.end(), headers.begin(), headers.end());
            auto r = t.call(c);
            EXPECT_EQ(r.status, 401u) << describe(*route) << " with "
                                      << (headers.empty() ? "nothing" : headers[0].second) << ": " << r.body;
            EXPECT_EQ(r.error_code(), "UNAUTHORIZED") << describe(*route);
        }
    }
    EXPECT_GE(covered, 15u);
}

TEST(Permissions, OnlyTheseRoutesArePublic)
{
    // A route without a permission is open to the internet; adding one should be a decision.
    TestApp t(unlimited());
    std::set<std::string> public_routes;
    for (const auto& route : t.app().router().routes()) {
        if (route->spec.permission.empty()) {
            public_routes.insert(describe(*route));
        }
    }
    const std::set<std::string> expected{
        "GET /healthz",
        "GET /readyz",
        "GET /metrics",
        "GET /api/v1",
        "GET /api/v1/openapi.json",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh",
        "GET /api/v1/auth/users",
        // What an ID card's QR code opens: a signed token, and only whose card it is.
        "GET /api/v1/id-cards/verify/{token}",
    };
    EXPECT_EQ(public_routes, expected);
}

TEST(Permissions, EveryPermissionARouteNamesIsInTheTable)
{
    TestApp t(unlimited());
    for (const auto& route : t.app().router().routes()) {
        const auto& p = route->spec.permission;
        EXPECT_TRUE(p.empty() || p == auth::kSignedIn || auth::is_known_permission(p))
            << describe(*route) << " needs unknown permission '" << p << "'";
    }
}

TEST(Permissions, ATeacherGets403OnEveryRouteTheRoleLacks)
{
    TestApp t(unlimited());
    t.add_user("admin", "admin");
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    ASSERT_EQ(t.get_as(teacher, "/api/v1/users/me").status, 200u);  // the token itself is good

    const auto held = auth::role_permissions("teacher");
    std::size_t covered = 0;
    for (const auto& route : t.app().router().routes()) {
        const auto& p = route->spec.permission;
        if (p.empty() || p == auth::kSignedIn || std::find(held.begin(), held.end(), p) != held.end()) {
            continue;
        }
        ++covered;
        auto r = t.as(teacher, call_for(*route));
        EXPECT_EQ(r.status, 403u) << describe(*route) << " (" << p << "): " << r.body;
        EXPECT_EQ(r.error_code(), "FORBIDDEN") << describe(*route);
    }
    // users, api-keys and the activity log at least: the loop must not pass by covering nothing.
    EXPECT_GE(covered, 12u);
    // The refused calls changed nothing (DELETE /users/1 among them).
    EXPECT_EQ(t.get_as(teacher, "/api/v1/users/me").status, 200u);
    auto admin = t.sign_in("admin");
    EXPECT_EQ(t.get_as(admin, "/api/v1/users/1").data().at("status"), "active");
}

TEST(Permissions, AnApiKeyGets403OnEveryRouteOutsideItsScopes)
{
    TestApp t(unlimited());
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    auto made = t.as(admin, Call{Method::post, "/api/v1/api-keys", R"({"name":"grades","scopes":["grades:read"]})"});
    ASSERT_EQ(made.status, 201u) << made.body;
    const std::string secret(made.data().at("key").as_string());

    std::size_t covered = 0;
    for (const auto& route : t.app().router().routes()) {
        const auto& p = route->spec.permission;
        if (p.empty() || p == auth::permission::grades_read) {
            continue;
        }
        ++covered;
        auto c = call_for(*route);
        c.headers.emplace_back("X-API-Key", secret);
        auto r = t.call(c);
        EXPECT_EQ(r.status, 403u) << describe(*route) << " (" << p << "): " << r.body;
    }
    EXPECT_GE(covered, 15u);
}

// --- Tokens --------------------------------------------------------------------------------------

std::string read_signing_key(const TestApp& t)
{
    std::ifstream in(t.dir().path() / "jwt-secret");
    std::string key;
    std::getline(in, key);
    return key;
}

boost::json::object payload_of(const std::string& token)
{
    auto first = token.find('.');
    auto second = token.find('.', first + 1);
    auto text = auth::base64url_decode(std::string_view(token).substr(first + 1, second - first - 1));
    return boost::json::parse(text.value_or("{}")).as_object();
}

// A token with any header and payload, HMAC-SHA256-signed with `key`.
std::string hand_made(std::string_view header, const boost::json::object& payload, std::string_view key)
{
    std::string input = auth::base64url_encode(header) + "." + auth::base64url_encode(boost::json::serialize(payload));
    return input + "." + auth::base64url_encode(auth::hmac_sha256(key, input));
}

TEST(Permissions, ForgedExpiredAndMisaddressedTokensAreRefused)
{
    TestApp t(unlimited());
    ASSERT_EQ(t.add_user("admin", "admin"), 1);
    t.add_user("sokha", "teacher");
    auto who = t.sign_in("sokha");
    const auto key = read_signing_key(t);
    ASSERT_GE(key.size(), 32u);
    auto mode = std::filesystem::status(t.dir().path() / "jwt-secret").permissions();
    EXPECT_EQ(mode & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    const auto real = payload_of(who.access_token);
    ASSERT_TRUE(real.contains("sid")) << who.access_token;
    const auto now = std::chrono::floor<std::chrono::seconds>(t.clock().now());
    auto claims_for = [&](std::string sub, std::string sid) {
        return auth::AccessClaims{std::move(sub), "teacher", std::move(sid), "jti-1", now, now + 15min};
    };
    const auth::AccessClaims good =
        claims_for(std::string(real.at("sub").as_string()), std::string(real.at("sid").as_string()));
    // The harness is right: a token made here with the real key, issuer and audience works.
    auto control = auth::TokenSigner(key, "sala", "sala-api").sign(good);
    ASSERT_EQ(t.get_as(SignedIn{.access_token = control}, "/api/v1/users/me").status, 200u);

    auto expired = good;
    expired.issued_at = now - 20min;
    expired.expires_at = now - 1s;
    auto from_the_future = good;
    from_the_future.issued_at = now + 5min;
    from_the_future.expires_at = now + 20min;

    auto admin_payload = real;
    admin_payload["role"] = "admin";
    admin_payload["sub"] = "1";
    const auto parts_end = who.access_token.find('.');
    const auto header_and_payload = who.access_token.substr(0, who.access_token.rfind('.'));
    const auto signature = who.access_token.substr(who.access_token.rfind('.') + 1);
    const auto payload_part = header_and_payload.substr(parts_end + 1);

    const std::pair<std::string, std::string> tokens[] = {
        {"another key", auth::TokenSigner(std::string(48, 'k'), "sala", "sala-api").sign(good)},
        {"wrong audience", auth::TokenSigner(key, "sala", "other-api").sign(good)},
        {"wrong issuer", auth::TokenSigner(key, "someone-else", "sala-api").sign(good)},
        {"expired", auth::TokenSigner(key, "sala", "sala-api").sign(expired)},
        {"issued in the future", auth::TokenSigner(key, "sala", "sala-api").sign(from_the_future)},
        {"unknown session",
         auth::TokenSigner(key, "sala", "sala-api").sign(claims_for(good.subject, "no-such-session"))},
        {"another user's session", auth::TokenSigner(key, "sala", "sala-api").sign(claims_for("1", good.session_id))},
        {"alg none, no signature", auth::base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + payload_part + "."},
        {"alg none, old signature",
         auth::base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + payload_part + "." + signature},
        {"alg HS512", hand_made(R"({"alg":"HS512","typ":"JWT"})", real, key)},
        {"alg hs256 in lower case", hand_made(R"({"alg":"hs256","typ":"JWT"})", real, key)},
        {"no alg", hand_made(R"({"typ":"JWT"})", real, key)},
        {"a key URL in the header",
         hand_made(R"({"alg":"HS256","typ":"JWT","jku":"https://evil.example/k"})", real, key)},
        {"payload changed, signature kept", who.access_token.substr(0, parts_end) + "." +
                                                auth::base64url_encode(boost::json::serialize(admin_payload)) + "." +
                                                signature},
        {"signature removed", header_and_payload + "."},
        {"signature of another token", header_and_payload + "." + auth::base64url_encode(std::string(32, 'x'))},
        {"two parts", header_and_payload},
        {"four parts", who.access_token + ".x"},
        {"not base64", "!!!.@@@.###"},
        {"not a JWT", "hello"},
    };
    for (const auto& [what, token] : tokens) {
        auto r = t.get_as(SignedIn{.access_token = token}, "/api/v1/users/me");
        EXPECT_EQ(r.status, 401u) << what << ": " << r.body;
        EXPECT_EQ(r.error_code(), "UNAUTHORIZED") << what;
        auto cookie = t.call(Call{Method::get, "/api/v1/users/me", {}, {{"Cookie", "sala_access=" + token}}});
        EXPECT_EQ(cookie.status, 401u) << what << " as a cookie";
    }

    // The genuine token, once its 15 minutes are over.
    EXPECT_EQ(t.get_as(who, "/api/v1/users/me").status, 200u);
    t.clock().advance(15min);
    auto late = t.get_as(who, "/api/v1/users/me");
    EXPECT_EQ(late.status, 401u) << late.body;
    EXPECT_EQ(late.error_code(), "UNAUTHORIZED");
}

// --- CSRF ----------------------------------------------------------------------------------------

TEST(Permissions, CookieWritesNeedXRequestedWithOrAMatchingOrigin)
{
    app::Config config = unlimited();
    config.cors_origins = {"https://app.school.example"};
    TestApp t(config);
    t.add_user("sokha", "teacher");
    auto who = t.sign_in("sokha");
    ASSERT_FALSE(who.access_cookie.empty());

    struct Case {
        std::string what;
        std::vector<std::pair<std::string, std::string>> headers;
        unsigned status;
    };
    const std::string name_change = R"({"firstname":"Dara"})";
    const Case cases[] = {
        {"cookie alone", {{"Cookie", who.access_cookie}}, 403u},
        {"cookie, foreign origin", {{"Cookie", who.access_cookie}, {"Origin", "https://evil.example"}}, 403u},
        {"cookie, origin null", {{"Cookie", who.access_cookie}, {"Origin", "null"}}, 403u},
        {"cookie, origin that only starts like ours",
         {{"Cookie", who.access_cookie}, {"Host", "sala.school"}, {"Origin", "https://sala.school.evil.example"}},
         403u},
        {"cookie, X-Requested-With", {{"Cookie", who.access_cookie}, {"X-Requested-With", "XMLHttpRequest"}}, 200u},
        {"cookie, same origin",
         {{"Cookie", who.access_cookie}, {"Host", "sala.school"}, {"Origin", "https://sala.school"}},
         200u},
        {"cookie, allowed CORS origin",
         {{"Cookie", who.access_cookie}, {"Origin", "https://app.school.example"}},
         200u},
        {"bearer alone", {{"Authorization", "Bearer " + who.access_token}}, 200u},
    };
    for (const auto& c : cases) {
        auto r = t.call(Call{Method::patch, "/api/v1/users/me", name_change, c.headers});
        EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body;
        if (c.status == 403u) {
            EXPECT_EQ(r.error_code(), "FORBIDDEN") << c.what;
        }
    }
    // Reading with the cookie needs nothing more.
    auto read = t.call(Call{Method::get, "/api/v1/users/me", {}, {{"Cookie", who.access_cookie}}});
    EXPECT_EQ(read.status, 200u);

    // A refused write changed nothing; an accepted one did.
    t.add_user("dara", "teacher");
    auto fresh = t.sign_in("dara");
    ASSERT_EQ(
        t.call(Call{Method::patch, "/api/v1/users/me", R"({"lastname":"Changed"})", {{"Cookie", fresh.access_cookie}}})
            .status,
        403u);
    EXPECT_EQ(t.get_as(fresh, "/api/v1/users/me").data().at("lastname"), "dara");

    // Signing out with the cookie is a write as well.
    auto logout = t.call(Call{Method::post, "/api/v1/auth/logout", {}, {{"Cookie", who.access_cookie}}});
    EXPECT_EQ(logout.status, 403u);
    EXPECT_EQ(t.get_as(who, "/api/v1/users/me").status, 200u);  // still signed in
}

}  // namespace
}  // namespace sala
