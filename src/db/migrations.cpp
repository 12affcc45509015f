// The migration runner. PostgreSQL instances starting together serialise on an advisory lock;
// SQLite serialises on its single writer.
#include "db/migrations.hpp"

#include "core/time.hpp"

#include <set>

namespace sala::db {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectVersions = "SELECT version FROM schema_migrations";
constexpr std::string_view kInsertVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
constexpr std::string_view kAdvisoryLock = "SELECT pg_advisory_xact_lock(7453421)";

}  // namespace

MigrationReport migrate(Database& db, const std::vector<Migration>& migrations)
{
    MigrationReport report;
    {
        auto tx = db.write();
        tx->execute_script(kCreateTable);
        tx.commit();
    }
    for (const auto& m : migrations) {
        auto tx = db.write();
        if (db.dialect() == Dialect::postgres) {
            tx->query(kAdvisoryLock);
        }
        std::set<int> applied;
        for (auto row : tx->query(kSelectVersions)) {
            applied.insert(static_cast<int>(row.get<std::int64_t>(std::size_t{0})));
        }
        if (applied.contains(m.version)) {
            report.current = std::max(report.current, m.version);
            continue;
        }
        try {
            tx->execute_script(expand_dialect(m.sql, db.dialect()));
        } catch (const DbError& e) {
            throw DbError(e.kind(), "migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + e.what());
        }
        tx->execute(kInsertVersion, m.version, m.name, format_timestamp(std::chrono::system_clock::now()));
        tx.commit();
        report.applied.push_back(m.version);
        report.current = m.version;
    }
    return report;
}

}  // namespace sala::db
