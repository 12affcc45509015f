// See test_app.hpp.
#include "support/test_app.hpp"

#include "core/log.hpp"
#include "school/users/user_service.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace sala::test {

TimePoint default_start_time()
{
    using namespace std::chrono;
    return sys_days(year(2026) / September / 1) + hours(8);
}

TestApp::TestApp(app::Config config) : clock_(default_start_time())
{
    log::configure(log::Level::warn);
    config.data_dir = dir_.str();
    config.access_log = false;
    config.synchronous_full = false;
    if (config.workers == 0) {
        config.workers = 2;
    }
    app_ = std::make_unique<app::App>(config, clock_);
}

Reply TestApp::get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers)
{
    return call(Call{http::Method::get, target, {}, std::move(headers)});
}

Reply TestApp::call(Call c)
{
    return send(app_->pipeline(), c);
}

std::int64_t TestApp::add_user(const std::string& username, const std::string& role, std::string_view password)
{
    users::NewUser user{username, std::string(password), "Test", username, role, std::nullopt, std::nullopt,
                        std::nullopt};
    auto id = users::create_user(app_->database(), clock_, user);
    if (!id) {
        throw std::runtime_error("could not create test user " + username);
    }
    return *id;
}

namespace {

std::string cookie_value(const Reply& reply, std::string_view name)
{
    for (const auto& h : reply.headers.list()) {
        if (http::iequals(h.name, "Set-Cookie") && h.value.starts_with(std::string(name) + "=")) {
            return h.value.substr(0, h.value.find(';'));
        }
    }
    return {};
}

}  // namespace

SignedIn TestApp::sign_in(const std::string& username, std::string_view password, bool remember_me)
{
    boost::json::object body{{"username", username}, {"password", password}, {"rememberMe", remember_me}};
    auto reply = call(Call{http::Method::post, "/api/v1/auth/login", boost::json::serialize(body)});
    EXPECT_EQ(reply.status, 200u) << reply.body;
    SignedIn s;
    if (reply.status == 200u) {
        s.user_id = reply.data().at("user").at("userId").as_int64();
        s.access_token = std::string(reply.data().at("accessToken").as_string());
        s.refresh_token = std::string(reply.data().at("refreshToken").as_string());
        s.access_cookie = cookie_value(reply, "sala_access");
        s.refresh_cookie = cookie_value(reply, "sala_refresh");
    }
    s.reply = std::move(reply);
    return s;
}

Reply TestApp::as(const SignedIn& who, Call c)
{
    c.headers.emplace_back("Authorization", "Bearer " + who.access_token);
    return call(std::move(c));
}

Reply TestApp::get_as(const SignedIn& who, const std::string& target)
{
    return as(who, Call{http::Method::get, target});
}

}  // namespace sala::test
