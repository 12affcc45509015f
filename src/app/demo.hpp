// The demo: an admin and a teacher account with generated passwords, kept in
// <data-dir>/demo-credentials (mode 0600) so `make run` can show them every time.
#pragma once

#include "app/config.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

#include <string>
#include <vector>

namespace sala::app {

struct DemoAccount {
    std::string username;
    std::string password;
    std::string role;
};

// Creates the demo accounts if they are missing (or resets their passwords when the credentials
// file was lost) and returns their credentials.
std::vector<DemoAccount> ensure_demo_accounts(db::Database& db, const Clock& clock, const Config& config);

}  // namespace sala::app
