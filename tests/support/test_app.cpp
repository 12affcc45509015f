// See test_app.hpp.
#include "support/test_app.hpp"

#include "core/log.hpp"

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

}  // namespace sala::test
