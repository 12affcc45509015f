// See settings_repository.hpp.
#include "school/settings/settings_repository.hpp"

namespace sala::settings::repo {
namespace {

constexpr std::string_view kSelect =
    "SELECT value, row_version, updated_at, updated_by FROM settings WHERE name = $1";
constexpr std::string_view kUpdate =
    "UPDATE settings SET value = $2, row_version = row_version + 1, updated_by = $3, updated_at = $4 "
    "WHERE name = $1 AND (CAST($5 AS BIGINT) IS NULL OR row_version = CAST($5 AS BIGINT))";
// Serialises writers of one name: a concurrent first save finds the row the other one created.
constexpr std::string_view kInsertIfMissing =
    "INSERT INTO settings (name, value, row_version, updated_by, updated_at) VALUES ($1, $2, 0, $3, $4) "
    "ON CONFLICT (name) DO NOTHING";

}  // namespace

std::optional<Stored> find(db::Connection& c, std::string_view name)
{
    auto rows = c.query(kSelect, std::string(name));
    if (rows.empty()) {
        return std::nullopt;
    }
    const auto& r = rows.front();
    return Stored{r.get<std::string>("value"), r.get<std::int64_t>("row_version"), r.get<TimePoint>("updated_at"),
                  r.get<std::optional<std::int64_t>>("updated_by")};
}

bool save(db::Connection& c, std::string_view name, const std::string& value,
          std::optional<std::int64_t> required_version, std::optional<std::int64_t> user, TimePoint now)
{
    // A missing row is version 0: it is made (at version 0) and then updated like any other, so
    // If-Match "0" means "still the defaults" and two first saves cannot both win.
    c.execute(kInsertIfMissing, std::string(name), value, user, now);
    return c.execute(kUpdate, std::string(name), value, user, now, required_version) == 1;
}

}  // namespace sala::settings::repo
