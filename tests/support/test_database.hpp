// A fresh, migrated database for one test, on either backend: a SQLite file in a temporary
// directory, or a throwaway schema on the PostgreSQL server named by SALA_TEST_PG_URL.
#pragma once

#include "db/database.hpp"
#include "support/temp_dir.hpp"

#include <memory>
#include <optional>
#include <string>

namespace sala::test {

enum class Backend { sqlite, postgres };
std::string backend_name(Backend b);

// The PostgreSQL server for tests, when `make test` started one (SALA_TEST_PG_URL).
std::optional<std::string> postgres_url();

class TestDatabase {
public:
    // Unmigrated when `migrate` is false (for tests of the migration runner).
    explicit TestDatabase(Backend backend, bool migrate = true, std::size_t pool_size = 2);
    ~TestDatabase();
    db::Database& db() { return *db_; }
    [[nodiscard]] const std::string& url() const { return url_; }

private:
    Backend backend_;
    std::optional<TempDir> dir_;
    std::string schema_;
    std::string url_;
    std::unique_ptr<db::Database> db_;
};

}  // namespace sala::test
