// The scale-out backend: PostgreSQL through libpq, a fixed pool of connections, each with its own
// cache of prepared statements.
#pragma once

#include "db/database.hpp"

namespace sala::db {

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options);

}  // namespace sala::db
