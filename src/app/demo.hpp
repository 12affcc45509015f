// The demo: an admin and a teacher account with generated passwords, kept in
// <data-dir>/demo-credentials (mode 0600) so `make run` can show them every time, and a demo
// school on a database that has no school year yet.
#pragma once

#include "app/config.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "school/demo/demo_school.hpp"

#include <optional>
#include <ostream>
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

// A demo school of more students than this reports its progress every this many.
inline constexpr std::int64_t kDemoProgressEvery = 1000;

// Creates the demo school (config.demo_students students, seed config.demo_seed, the configured
// grade levels and student code pattern) unless the database has a school year; the demo teacher
// account, when it exists, gets classes in it. nullopt when demo_students is 0. Progress lines go
// to `progress`, if given.
std::optional<demo::DemoSchoolSummary> ensure_demo_school(db::Database& db, const Clock& clock, const Config& config,
                                                          std::ostream* progress = nullptr);

}  // namespace sala::app
