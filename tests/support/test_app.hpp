// A whole Sala (App) on a fresh SQLite file in a temporary directory, with a clock the test moves.
// API tests drive its real pipeline in memory.
#pragma once

#include "app/app.hpp"
#include "support/client.hpp"
#include "support/temp_dir.hpp"

#include <memory>

namespace sala::test {

// 2026-09-01T08:00:00Z: a school day, so date rules behave.
TimePoint default_start_time();

// A password every test account shares (it passes the password policy).
inline constexpr std::string_view kTestPassword = "correct horse battery staple";

// What signing in gave back.
struct SignedIn {
    std::int64_t user_id = 0;
    std::string access_token;
    std::string refresh_token;
    std::string access_cookie;   // "sala_access=…" as the browser would send it
    std::string refresh_cookie;  // "sala_refresh=…"
    Reply reply;
};

class TestApp {
public:
    explicit TestApp(app::Config config = {});
    app::App& app() { return *app_; }
    ManualClock& clock() { return clock_; }
    const TempDir& dir() const { return dir_; }

    Reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
    Reply call(Call c);

    // Creates an account directly (argon2id: ~15 ms each); returns its id.
    std::int64_t add_user(const std::string& username, const std::string& role,
                          std::string_view password = kTestPassword);
    // POST /auth/login; fails the test unless it answers 200.
    SignedIn sign_in(const std::string& username, std::string_view password = kTestPassword, bool remember_me = false);
    // The same call with the signed-in user's bearer token.
    Reply as(const SignedIn& who, Call c);
    Reply get_as(const SignedIn& who, const std::string& target);

private:
    TempDir dir_;
    ManualClock clock_;
    std::unique_ptr<app::App> app_;
};

}  // namespace sala::test
