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

class TestApp {
public:
    explicit TestApp(app::Config config = {});
    app::App& app() { return *app_; }
    ManualClock& clock() { return clock_; }
    const TempDir& dir() const { return dir_; }

    Reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
    Reply call(Call c);

private:
    TempDir dir_;
    ManualClock clock_;
    std::unique_ptr<app::App> app_;
};

}  // namespace sala::test
