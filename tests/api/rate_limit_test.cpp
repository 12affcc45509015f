// Rate limits as a client sees them, with small configured limits and the clock moved by hand:
// the X-RateLimit-* headers and 429 with Retry-After, fixed windows, per-user and per-address
// budgets, unlimited operational endpoints, failed sign-ins per address, trusted proxies only.
#include "support/test_app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <future>

namespace sala {
namespace {

using http::Method;
using namespace std::chrono_literals;
using test::Call;
using test::Reply;
using test::TestApp;

std::string epoch_text(TimePoint t)
{
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

Reply get_from(TestApp& t, const std::string& target, const std::string& address,
               std::vector<std::pair<std::string, std::string>> headers = {})
{
    return t.call(Call{Method::get, target, {}, std::move(headers), address});
}

Reply login(TestApp& t, std::string_view username, std::string_view password, std::string address = "127.0.0.1")
{
    auto body = boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
    return t.call(Call{Method::post, "/api/v1/auth/login", body, {}, std::move(address)});
}

app::Config with_limits(auth::RateLimits limits)
{
    app::Config config;
    config.rate_limits = limits;
    return config;
}

TEST(RateLimit, LimitedRoutesCountDownThenAnswer429)
{
    TestApp t(with_limits({.anonymous_per_minute = 3}));
    const auto start = test::default_start_time();
    for (int i = 1; i <= 3; ++i) {
        auto r = t.get("/api/v1");
        ASSERT_EQ(r.status, 200u) << r.body;
        EXPECT_EQ(r.header("X-RateLimit-Limit"), "3");
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), std::to_string(3 - i));
        EXPECT_EQ(r.header("X-RateLimit-Reset"), epoch_text(start + 1min));
    }
    t.clock().advance(15s);
    auto limited = t.get("/api/v1");
    EXPECT_EQ(limited.status, 429u);
    EXPECT_EQ(limited.error_code(), "RATE_LIMIT_EXCEEDED");
    EXPECT_EQ(limited.json.at("success"), false);
    EXPECT_EQ(limited.header("Retry-After"), "45");
    EXPECT_EQ(limited.header("X-RateLimit-Limit"), "3");
    EXPECT_EQ(limited.header("X-RateLimit-Remaining"), "0");
    EXPECT_EQ(limited.header("X-RateLimit-Reset"), epoch_text(start + 1min));
    EXPECT_FALSE(limited.header("X-Request-ID").empty());
    // A protected route is limited too, before anyone learns it needs credentials.
    EXPECT_EQ(t.get("/api/v1/users").status, 429u);

    // The next window starts from nothing.
    t.clock().advance(45s);
    auto again = t.get("/api/v1");
    EXPECT_EQ(again.status, 200u);
    EXPECT_EQ(again.header("X-RateLimit-Remaining"), "2");
    EXPECT_EQ(again.header("X-RateLimit-Reset"), epoch_text(start + 2min));
}

TEST(RateLimit, SignedInUsersHaveBudgetsOfTheirOwn)
{
    TestApp t(with_limits({.authenticated_per_minute = 2, .anonymous_per_minute = 5}));
    t.add_user("admin", "admin");
    t.add_user("sokha", "teacher");
    auto admin = t.sign_in("admin");
    auto sokha = t.sign_in("sokha");

    for (int i = 1; i <= 2; ++i) {
        auto r = t.get_as(admin, "/api/v1/users/me");
        ASSERT_EQ(r.status, 200u) << r.body;
        EXPECT_EQ(r.header("X-RateLimit-Limit"), "2");
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), std::to_string(2 - i));
    }
    auto limited = t.get_as(admin, "/api/v1/users");
    EXPECT_EQ(limited.status, 429u);
    EXPECT_EQ(limited.error_code(), "RATE_LIMIT_EXCEEDED");
    EXPECT_FALSE(limited.header("Retry-After").empty());

    // Same address, another user: a budget of its own.
    auto other = t.get_as(sokha, "/api/v1/users/me");
    EXPECT_EQ(other.status, 200u) << other.body;
    EXPECT_EQ(other.header("X-RateLimit-Remaining"), "1");
    // Anonymous requests from that address are counted apart from both.
    auto anonymous = t.get("/api/v1");
    EXPECT_EQ(anonymous.status, 200u);
    EXPECT_EQ(anonymous.header("X-RateLimit-Limit"), "5");
    EXPECT_EQ(anonymous.header("X-RateLimit-Remaining"), "4");
    // A user's budget does not depend on the address it calls from.
    auto elsewhere = t.call(
        Call{Method::get, "/api/v1/users/me", {}, {{"Authorization", "Bearer " + admin.access_token}}, "198.51.100.9"});
    EXPECT_EQ(elsewhere.status, 429u);
}

TEST(RateLimit, AnonymousRequestsAreCountedPerAddress)
{
    TestApp t(with_limits({.anonymous_per_minute = 2}));
    EXPECT_EQ(get_from(t, "/api/v1", "198.51.100.1").status, 200u);
    EXPECT_EQ(get_from(t, "/api/v1/openapi.json", "198.51.100.1").status, 200u);
    EXPECT_EQ(get_from(t, "/api/v1", "198.51.100.1").status, 429u);
    // Credentials that do not authenticate leave the request anonymous, on the same budget.
    EXPECT_EQ(get_from(t, "/api/v1/users", "198.51.100.1", {{"Authorization", "Bearer forged"}}).status, 429u);

    auto other = get_from(t, "/api/v1", "198.51.100.2");
    EXPECT_EQ(other.status, 200u);
    EXPECT_EQ(other.header("X-RateLimit-Remaining"), "1");
    EXPECT_EQ(get_from(t, "/api/v1", "2001:db8::7").status, 200u);
}

TEST(RateLimit, OperationalEndpointsAreNeverLimited)
{
    TestApp t(with_limits({.anonymous_per_minute = 1}));
    ASSERT_EQ(t.get("/api/v1").status, 200u);
    ASSERT_EQ(t.get("/api/v1").status, 429u);  // this address is over its budget
    for (const std::string target : {"/healthz", "/readyz", "/metrics"}) {
        for (int i = 0; i < 5; ++i) {
            auto r = t.get(target);
            EXPECT_EQ(r.status, 200u) << target << " #" << i;
            EXPECT_FALSE(r.headers.has("X-RateLimit-Limit")) << target;
            EXPECT_FALSE(r.headers.has("X-RateLimit-Remaining")) << target;
            EXPECT_FALSE(r.headers.has("X-RateLimit-Reset")) << target;
            EXPECT_FALSE(r.headers.has("Retry-After")) << target;
        }
    }
}

TEST(RateLimit, TenFailedSignInsPerMinuteThenEvenTheRightPasswordWaits)
{
    TestApp t;  // the defaults: 10 a minute, 50 an hour
    t.add_user("admin", "admin");
    t.add_user("sokha", "teacher");
    for (int i = 0; i < 10; ++i) {
        // Unknown usernames and wrong passwords both count (never 5 on one account: no lockout).
        auto r = i % 3 == 0 ? login(t, "sokha", "wrong password " + std::to_string(i))
                            : login(t, "nobody" + std::to_string(i), "whatever it is");
        ASSERT_EQ(r.status, 401u) << i << ": " << r.body;
        EXPECT_EQ(r.header("X-RateLimit-Limit"), "10");
    }
    t.clock().advance(10s);
    auto limited = login(t, "admin", test::kTestPassword);
    EXPECT_EQ(limited.status, 429u) << limited.body;
    EXPECT_EQ(limited.error_code(), "RATE_LIMIT_EXCEEDED");
    EXPECT_EQ(limited.header("Retry-After"), "50");
    EXPECT_EQ(limited.header("X-RateLimit-Remaining"), "0");
    EXPECT_TRUE(limited.data().is_null());
    EXPECT_EQ(limited.body.find("accessToken"), std::string::npos);

    // Another address is not held back; this one may try again in the next minute.
    EXPECT_EQ(login(t, "admin", test::kTestPassword, "198.51.100.3").status, 200u);
    t.clock().advance(50s);
    EXPECT_EQ(login(t, "admin", test::kTestPassword).status, 200u);
}

TEST(RateLimit, SuccessfulSignInsAreNotCounted)
{
    TestApp t;
    t.add_user("admin", "admin");
    for (int i = 0; i < 12; ++i) {
        auto r = login(t, "admin", test::kTestPassword);
        ASSERT_EQ(r.status, 200u) << i << ": " << r.body;
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), "10") << i;
    }
    // Still the whole budget for failures.
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(login(t, "nobody", "whatever it is").status, 401u) << i;
    }
    EXPECT_EQ(login(t, "admin", test::kTestPassword).status, 429u);
}

TEST(RateLimit, RemainingCountsDownWithEachFailedSignIn)
{
    TestApp t(with_limits({.sign_in_failures_per_minute = 3, .sign_in_failures_per_hour = 50}));
    for (int i = 1; i <= 3; ++i) {
        auto r = login(t, "nobody", "whatever it is");
        ASSERT_EQ(r.status, 401u);
        // What is left after this failure: 0 means the next attempt is refused.
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), std::to_string(3 - i)) << "after failure " << i;
    }
    EXPECT_EQ(login(t, "nobody", "whatever it is").status, 429u);
}

TEST(RateLimit, ConcurrentFailedSignInsCannotOutrunTheLimit)
{
    // An attacker does not wait for one guess to fail before sending the next: 30 attempts in
    // flight at once from one address must still get no more than the 10 failures a minute.
    TestApp t;
    std::vector<http::Request> requests(30);
    boost::asio::io_context io;
    std::vector<std::future<http::Response>> answers;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        auto& r = requests[i];
        r.method = Method::post;
        r.target = "/api/v1/auth/login";
        r.body = boost::json::serialize(
            boost::json::object{{"username", "nobody" + std::to_string(i)}, {"password", "whatever it is"}});
        r.headers.add("Content-Type", "application/json");
        r.remote_address = "127.0.0.1";
        answers.push_back(boost::asio::co_spawn(io, t.app().pipeline().handle(r), boost::asio::use_future));
    }
    io.run();
    int failed = 0;
    int limited = 0;
    for (auto& a : answers) {
        auto status = a.get().status;
        failed += status == http::Status::unauthorized ? 1 : 0;
        limited += status == http::Status::too_many_requests ? 1 : 0;
    }
    EXPECT_LE(failed, 10);
    EXPECT_EQ(failed + limited, 30);
}

TEST(RateLimit, ABurstOfSuccessfulSignInsFromOneAddressAllGetIn)
{
    // A school behind one address at 8 o'clock: more people signing in at once than the failure
    // budget allows failures, and none of them is refused.
    TestApp t;
    t.add_user("teacher", "teacher");
    std::vector<http::Request> requests(15);
    boost::asio::io_context io;
    std::vector<std::future<http::Response>> answers;
    for (auto& r : requests) {
        r.method = Method::post;
        r.target = "/api/v1/auth/login";
        r.body = boost::json::serialize(
            boost::json::object{{"username", "teacher"}, {"password", test::kTestPassword}});
        r.headers.add("Content-Type", "application/json");
        r.remote_address = "127.0.0.1";
        answers.push_back(boost::asio::co_spawn(io, t.app().pipeline().handle(r), boost::asio::use_future));
    }
    io.run();
    for (auto& a : answers) {
        EXPECT_EQ(a.get().status, http::Status::ok);
    }
}

TEST(RateLimit, TheHourlySignInLimitHoldsAcrossMinutes)
{
    TestApp t(with_limits({.sign_in_failures_per_minute = 3, .sign_in_failures_per_hour = 5}));
    t.add_user("admin", "admin");
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(login(t, "nobody", "whatever it is").status, 401u);
    }
    EXPECT_EQ(login(t, "nobody", "whatever it is").status, 429u);  // the minute is used up
    t.clock().advance(1min);
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(login(t, "nobody", "whatever it is").status, 401u);
    }
    auto hourly = login(t, "admin", test::kTestPassword);
    EXPECT_EQ(hourly.status, 429u) << hourly.body;
    EXPECT_EQ(hourly.header("X-RateLimit-Limit"), "5");
    EXPECT_EQ(hourly.header("Retry-After"), std::to_string(59 * 60));  // until 09:00
    t.clock().advance(30min);
    EXPECT_EQ(login(t, "admin", test::kTestPassword).status, 429u);
    t.clock().advance(29min);  // 09:00: a new hour
    EXPECT_EQ(login(t, "admin", test::kTestPassword).status, 200u);
}

TEST(RateLimit, ForwardedForIsBelievedOnlyFromTrustedProxies)
{
    struct Case {
        std::string what;
        std::vector<std::string> proxies;
        bool separate;  // do two forwarded clients get budgets of their own?
    };
    const Case cases[] = {
        {"from a configured proxy", {"127.0.0.1"}, true},
        {"from a configured network", {"127.0.0.0/8"}, true},
        {"no proxy configured", {}, false},
        {"another proxy configured", {"10.0.0.1"}, false},
    };
    for (const auto& c : cases) {
        app::Config config;
        config.rate_limits.anonymous_per_minute = 2;
        config.trusted_proxies = c.proxies;
        TestApp t(config);
        auto from = [&](std::string client) { return t.get("/api/v1", {{"X-Forwarded-For", std::move(client)}}); };
        EXPECT_EQ(from("203.0.113.1").status, 200u) << c.what;
        EXPECT_EQ(from("203.0.113.1").status, 200u) << c.what;
        EXPECT_EQ(from("203.0.113.1").status, 429u) << c.what;
        auto other = from("203.0.113.2");
        EXPECT_EQ(other.status, c.separate ? 200u : 429u) << c.what;
        // A client cannot escape its budget by writing its own X-Forwarded-For in front.
        EXPECT_EQ(from("198.51.100.99, 203.0.113.1").status, 429u) << c.what;
    }
}

TEST(RateLimit, FailedSignInsFollowTheForwardedClient)
{
    app::Config config;
    config.rate_limits.sign_in_failures_per_minute = 2;
    config.trusted_proxies = {"127.0.0.1"};
    TestApp t(config);
    t.add_user("admin", "admin");
    auto attempt = [&](std::string client, std::string_view password) {
        auto body = boost::json::serialize(boost::json::object{{"username", "admin"}, {"password", password}});
        return t.call(Call{Method::post, "/api/v1/auth/login", body, {{"X-Forwarded-For", std::move(client)}}});
    };
    EXPECT_EQ(attempt("203.0.113.1", "wrong password one").status, 401u);
    EXPECT_EQ(attempt("203.0.113.1", "wrong password two").status, 401u);
    EXPECT_EQ(attempt("203.0.113.1", test::kTestPassword).status, 429u);
    EXPECT_EQ(attempt("203.0.113.2", test::kTestPassword).status, 200u);
}

}  // namespace
}  // namespace sala
