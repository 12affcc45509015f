// SQL access for uploaded files: no rules, no HTTP.
#pragma once

#include "db/database.hpp"
#include "school/files/file.hpp"

#include <vector>

namespace sala::files::repo {

[[nodiscard]] std::int64_t insert(db::Connection& c, const StoredFile& f);
[[nodiscard]] std::optional<StoredFile> find(db::Connection& c, std::int64_t file_id);
// Is the file some student's photo, some account's avatar or named by the settings (the logo)?
[[nodiscard]] bool is_referenced(db::Connection& c, std::int64_t file_id);
void remove(db::Connection& c, std::int64_t file_id);
// Does any file row still use these bytes?
[[nodiscard]] bool path_in_use(db::Connection& c, std::string_view storage_path);
// Files uploaded before `before` that nothing references (uploads never put to use).
[[nodiscard]] std::vector<StoredFile> unreferenced_before(db::Connection& c, TimePoint before);

// The file a setting names ("school.logo"), if any; set_setting_file(…, nullopt) clears it.
[[nodiscard]] std::optional<std::int64_t> setting_file(db::Connection& c, std::string_view name);
void set_setting_file(db::Connection& c, std::string_view name, std::optional<std::int64_t> file_id);

}  // namespace sala::files::repo
