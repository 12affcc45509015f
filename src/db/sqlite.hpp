// The embedded backend: one SQLite file in WAL mode, one writer connection behind a mutex and a
// pool of read-only connections, each with its own prepared-statement cache.
#pragma once

#include "db/database.hpp"

namespace sala::db {

std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options);

}  // namespace sala::db
