// Numbered schema migrations (sql/migrations/NNNN_name.sql, compiled into the binary), applied in
// order, each in its own transaction, and recorded in schema_migrations.
#pragma once

#include "db/database.hpp"
#include "db/portable_sql.hpp"

#include <string>
#include <vector>

namespace sala::db {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

// The migrations in sql/migrations/, in version order (generated at build time).
const std::vector<Migration>& embedded_migrations();

struct MigrationReport {
    std::vector<int> applied;  // versions applied by this run
    int current = 0;           // schema version afterwards
};

// Applies every migration newer than the database's version. Throws DbError on failure, leaving
// the failed migration unapplied (its transaction rolled back).
MigrationReport migrate(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

}  // namespace sala::db
