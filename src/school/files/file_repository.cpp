// See file_repository.hpp.
#include "school/files/file_repository.hpp"

namespace sala::files::repo {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO files (storage_path, content_type, size_bytes, sha256, uploaded_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING file_id";
constexpr std::string_view kFind =
    "SELECT file_id, storage_path, content_type, size_bytes, sha256, uploaded_by, created_at FROM files "
    "WHERE file_id = $1";
constexpr std::string_view kReferenced =
    "SELECT 1 WHERE EXISTS (SELECT 1 FROM students WHERE photo_file_id = $1) "
    "OR EXISTS (SELECT 1 FROM users WHERE avatar_file_id = $1) "
    "OR EXISTS (SELECT 1 FROM settings_files WHERE file_id = $1)";
constexpr std::string_view kDelete = "DELETE FROM files WHERE file_id = $1";
constexpr std::string_view kPathInUse = "SELECT 1 FROM files WHERE storage_path = $1 LIMIT 1";
constexpr std::string_view kUnreferenced =
    "SELECT file_id, storage_path, content_type, size_bytes, sha256, uploaded_by, created_at FROM files f "
    "WHERE f.created_at < $1 AND NOT EXISTS (SELECT 1 FROM students s WHERE s.photo_file_id = f.file_id) "
    "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.avatar_file_id = f.file_id) "
    "AND NOT EXISTS (SELECT 1 FROM settings_files sf WHERE sf.file_id = f.file_id) LIMIT 100";
constexpr std::string_view kSettingFile = "SELECT file_id FROM settings_files WHERE name = $1";
constexpr std::string_view kSetSettingFile =
    "INSERT INTO settings_files (name, file_id) VALUES ($1, $2) "
    "ON CONFLICT (name) DO UPDATE SET file_id = excluded.file_id";
constexpr std::string_view kClearSettingFile = "DELETE FROM settings_files WHERE name = $1";

StoredFile from_row(const db::Row& r)
{
    return StoredFile{r.get<std::int64_t>("file_id"),          r.get<std::string>("storage_path"),
                      r.get<std::string>("content_type"),      r.get<std::int64_t>("size_bytes"),
                      r.get<std::string>("sha256"),            r.get<std::optional<std::int64_t>>("uploaded_by"),
                      r.get<TimePoint>("created_at")};
}

}  // namespace

std::int64_t insert(db::Connection& c, const StoredFile& f)
{
    return c.query_value<std::int64_t>(kInsert, f.storage_path, f.content_type, f.size_bytes, f.sha256, f.uploaded_by,
                                       f.created_at)
        .value_or(0);
}

std::optional<StoredFile> find(db::Connection& c, std::int64_t file_id)
{
    auto rows = c.query(kFind, file_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

bool is_referenced(db::Connection& c, std::int64_t file_id)
{
    return !c.query(kReferenced, file_id).empty();
}

void remove(db::Connection& c, std::int64_t file_id)
{
    c.execute(kDelete, file_id);
}

bool path_in_use(db::Connection& c, std::string_view storage_path)
{
    return !c.query(kPathInUse, storage_path).empty();
}

std::vector<StoredFile> unreferenced_before(db::Connection& c, TimePoint before)
{
    std::vector<StoredFile> out;
    for (auto row : c.query(kUnreferenced, before)) {
        out.push_back(from_row(row));
    }
    return out;
}

std::optional<std::int64_t> setting_file(db::Connection& c, std::string_view name)
{
    return c.query_value<std::int64_t>(kSettingFile, name);
}

void set_setting_file(db::Connection& c, std::string_view name, std::optional<std::int64_t> file_id)
{
    if (file_id) {
        c.execute(kSetSettingFile, name, *file_id);
    } else {
        c.execute(kClearSettingFile, name);
    }
}

}  // namespace sala::files::repo
