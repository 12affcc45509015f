// SQL access for the school's settings: one JSON document per name, versioned like every other
// record. No rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sala::settings::repo {

struct Stored {
    std::string value;  // JSON text
    std::int64_t row_version = 0;
    TimePoint updated_at;
    std::optional<std::int64_t> updated_by;
};

// Nothing until the settings are first changed (the defaults apply: version 0).
[[nodiscard]] std::optional<Stored> find(db::Connection& c, std::string_view name);

// Creates or replaces the document. False when If-Match's version (if any) is not the stored one
// (0 when there is none yet).
[[nodiscard]] bool save(db::Connection& c, std::string_view name, const std::string& value,
                        std::optional<std::int64_t> required_version, std::optional<std::int64_t> user, TimePoint now);

}  // namespace sala::settings::repo
