// Transaction mechanics shared by both backends, and the URL → backend factory.
#include "db/database.hpp"

#include "core/log.hpp"
#include "db/postgres.hpp"
#include "db/sqlite.hpp"

#include <atomic>

namespace sala::db {

namespace {
std::atomic<std::uint64_t> statements{0};
}  // namespace

std::uint64_t statements_run()
{
    return statements.load(std::memory_order_relaxed);
}

void Connection::count_statement()
{
    statements.fetch_add(1, std::memory_order_relaxed);
}

std::string_view dialect_name(Dialect d)
{
    switch (d) {
    case Dialect::sqlite: return "sqlite";
    case Dialect::postgres: return "postgres";
    }
    return "sqlite";
}

Transaction::Transaction(Lease lease, ChangeCounter* changes) : lease_(std::move(lease)), changes_(changes)
{
    lease_->execute_script(lease_->dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (!done_) {
        try {
            lease_->execute_script("ROLLBACK");
        } catch (const std::exception& e) {
            log::error("rollback_failed", {{"error", e.what()}});
        }
    }
}

void Transaction::commit()
{
    lease_->execute_script("COMMIT");
    done_ = true;
    if (changes_ != nullptr) {
        changes_->bump();
    }
}

std::unique_ptr<Database> open_database(const std::string& url, const Options& options)
{
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return open_postgres(url, options);
    }
    std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    return open_sqlite(path, options);
}

}  // namespace sala::db
