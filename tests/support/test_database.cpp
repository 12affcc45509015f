// See test_database.hpp.
#include "support/test_database.hpp"

#include "core/ids.hpp"
#include "db/migrations.hpp"

#include <cstdlib>

namespace sala::test {

std::string backend_name(Backend b)
{
    return b == Backend::sqlite ? "sqlite" : "postgres";
}

std::optional<std::string> postgres_url()
{
    const char* url = std::getenv("SALA_TEST_PG_URL");
    if (url == nullptr || *url == '\0') {
        return std::nullopt;
    }
    return std::string(url);
}

TestDatabase::TestDatabase(Backend backend, bool migrate, std::size_t pool_size) : backend_(backend)
{
    db::Options options;
    options.pool_size = pool_size;
    options.synchronous_full = false;
    if (backend == Backend::sqlite) {
        dir_.emplace();
        url_ = "sqlite:" + dir_->str() + "/test.db";
    } else {
        auto base = postgres_url();
        if (!base) {
            throw Failure("SALA_TEST_PG_URL is not set");
        }
        auto id = new_request_id();
        schema_ = "t_" + id.substr(0, 8) + id.substr(9, 4);
        {
            auto admin = db::open_database(*base, db::Options{.pool_size = 1});
            auto lease = admin->read();
            lease->execute_script("CREATE SCHEMA " + schema_);
        }
        url_ = *base + (base->find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
    }
    db_ = db::open_database(url_, options);
    if (migrate) {
        db::migrate(*db_);
    }
}

TestDatabase::~TestDatabase()
{
    db_.reset();
    if (backend_ == Backend::postgres) {
        try {
            auto admin = db::open_database(*postgres_url(), db::Options{.pool_size = 1});
            auto lease = admin->read();
            lease->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
        } catch (const std::exception&) {
            // The server is going away with the test run; nothing to clean.
        }
    }
}

}  // namespace sala::test
