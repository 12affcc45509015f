// The activity log: who did what, when, from where. Authentication events are recorded by the
// auth service; every successful write through the API by the audit middleware.
#pragma once

#include "core/clock.hpp"
#include "core/time.hpp"
#include "db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::activity {

struct Entry {
    std::optional<std::int64_t> user_id;
    std::string action;       // "auth.login", "users.create" …
    std::string resource;     // "auth", "users" …
    std::string resource_id;  // empty when there is none
    std::string details;      // a JSON object; never a password, token or key
    std::string ip_address;
    std::string user_agent;
    std::string request_id;
    TimePoint at;
};

// Writes an entry inside the caller's transaction (so it commits or rolls back with the change).
void record(db::Connection& connection, const Entry& entry);
// Writes an entry in its own transaction.
void record(db::Database& database, const Entry& entry);

struct Filter {
    std::optional<std::int64_t> user_id;
    std::optional<std::string> action;
    std::optional<std::string> resource;
    std::optional<Date> from;  // inclusive
    std::optional<Date> to;    // inclusive
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct LoggedEntry {
    std::int64_t log_id = 0;
    Entry entry;
    std::optional<std::string> username;  // the user who acted, even if since deleted
    std::optional<std::string> firstname;
    std::optional<std::string> lastname;
};

struct Page {
    std::vector<LoggedEntry> entries;
    std::int64_t total = 0;
};

Page list(db::Connection& connection, const Filter& filter);

}  // namespace sala::activity
