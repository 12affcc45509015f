// Everything the server can be told, with its defaults. Filled by the command line (flags, then
// SALA_* environment variables); tests build one directly.
#pragma once

#include "auth/rate_limit.hpp"
#include "auth/session.hpp"
#include "core/i18n.hpp"
#include "http/server.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::app {

struct Config {
    std::string listen = "127.0.0.1:8080";
    std::string data_dir = "./data";
    std::string database;             // empty: the SQLite file sala.db in data_dir
    std::size_t threads = 0;          // I/O threads; 0: one per core
    std::size_t workers = 0;          // blocking-work threads; 0: two per core, at least 4
    std::string locale = "en";        // messages when the client states no language
    std::vector<std::string> cors_origins;
    bool demo = false;                // serve: create the demo accounts (and school, on an empty database)
    std::int64_t demo_students = 600; // students of the demo school; 0: accounts only
    std::uint64_t demo_seed = 1;      // the same seed and size give the same demo school
    std::string log_level = "info";
    std::string log_file;             // empty: standard error
    bool access_log = true;
    bool synchronous_full = true;     // SQLite: fsync each commit
    std::size_t json_body_limit = 1024 * 1024;
    std::size_t upload_limit = 10 * 1024 * 1024;
    std::chrono::milliseconds busy_timeout{5000};
    http::ServerLimits server;        // header limit, read/write/idle/handler timeouts, shutdown grace
    // Answers to repeated reads kept until the next write; unset: 64 MiB on SQLite, none on
    // PostgreSQL (where another server process may write).
    std::optional<std::size_t> response_cache_mb;

    // Accounts.
    std::string jwt_secret;           // SALA_JWT_SECRET; empty: a key generated into data_dir
    bool login_user_list = false;     // GET /auth/users lists active users for a login picker
    std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-For/-Proto are believed
    std::size_t hash_concurrency = 0; // concurrent password hashes; 0: half the cores, at least 1
    auth::SessionSettings sessions;
    auth::RateLimits rate_limits;
    std::chrono::seconds api_key_rotation_grace{24 * 3600};

    // School structure.
    // What GET /classes lists while the current school year has no courses.
    std::vector<std::int64_t> grade_levels{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    // Printed documents.
    std::size_t render_concurrency = 0;  // documents rendered at once; 0: one per core
    bool deterministic_pdf = false;      // fixed creation date: the same data gives the same bytes

    // Student records.
    std::string student_code_pattern = "STU-{year}-{seq:4}";  // {year} and one {seq:N}

    [[nodiscard]] std::string database_url() const;
    [[nodiscard]] std::size_t io_threads() const;
    [[nodiscard]] std::size_t worker_threads() const;
    [[nodiscard]] std::size_t hash_threads() const;
    // Threads that run writes: one on SQLite (it has a single writer), as many as the workers on
    // PostgreSQL.
    [[nodiscard]] std::size_t write_threads() const;
    [[nodiscard]] Locale default_locale() const;
    [[nodiscard]] std::size_t response_cache_bytes() const;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0", ":8080" (all interfaces). Throws Failure.
http::Endpoint parse_listen(const std::string& text);

}  // namespace sala::app
