// SQL that needs one of the few constructs SQLite and PostgreSQL spell differently, written once
// with a token and expanded for both dialects when the constant is created:
//   {{pk}}        an auto-generated 64-bit primary key column type (migrations)
//   {{ids:$N}}    the ids in parameter $N (bind db::id_list(...)) as a subquery for IN (...), so
//                 a page of any size is one statement with one fixed text
//   {{for_update}} locks the selected rows until the transaction ends (PostgreSQL); SQLite's one
//                 writer already excludes other writers
#pragma once

#include "db/database.hpp"

#include <span>
#include <string>

namespace sala::db {

std::string expand_dialect(std::string_view sql, Dialect dialect);

// The value to bind to an {{ids:$N}} parameter.
std::string id_list(std::span<const std::int64_t> ids);

class PortableSql {
public:
    explicit PortableSql(std::string_view sql)
        : sqlite_(expand_dialect(sql, Dialect::sqlite)), postgres_(expand_dialect(sql, Dialect::postgres))
    {
    }
    [[nodiscard]] const std::string& text(Dialect d) const { return d == Dialect::sqlite ? sqlite_ : postgres_; }
    [[nodiscard]] const std::string& text(const Connection& c) const { return text(c.dialect()); }

private:
    std::string sqlite_;
    std::string postgres_;
};

}  // namespace sala::db
