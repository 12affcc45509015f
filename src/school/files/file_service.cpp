// See file_service.hpp.
#include "school/files/file_service.hpp"

#include "auth/crypto.hpp"
#include "school/files/file_repository.hpp"
#include "school/files/image_type.hpp"
#include "school/students/student_repository.hpp"
#include "school/users/user_repository.hpp"

namespace sala::files {
namespace {

// Uploads never put to use are kept this long (a client uploads, then links the photo).
constexpr auto kUnusedUploadLifetime = std::chrono::hours(24);

Error not_an_image()
{
    return make_error(ErrorCode::unsupported_media_type, "error.not_an_image");
}

Error not_found()
{
    return make_error(ErrorCode::not_found);
}

}  // namespace

Result<StoredFile> FileService::store(std::string_view bytes, std::optional<std::int64_t> uploader)
{
    auto type = sniff_image(bytes);
    if (!type) {
        return not_an_image();
    }
    StoredFile f;
    f.sha256 = auth::sha256_hex(bytes);
    f.content_type = std::string(type->content_type);
    f.size_bytes = static_cast<std::int64_t>(bytes.size());
    f.uploaded_by = uploader;
    f.created_at = clock_.now();
    f.storage_path = store_.put(bytes, f.sha256, type->extension);
    return f;
}

Result<StoredFile> FileService::upload(std::string_view bytes, std::optional<std::int64_t> uploader)
{
    sweep();
    std::lock_guard lock(bytes_mutex_);
    auto stored = store(bytes, uploader);
    if (!stored) {
        return stored;
    }
    auto tx = db_.write();
    stored->file_id = repo::insert(*tx, *stored);
    tx.commit();
    return stored;
}

Result<FileContent> FileService::read(db::Connection& c, std::optional<std::int64_t> file_id)
{
    if (!file_id) {
        return not_found();
    }
    auto file = repo::find(c, *file_id);
    if (!file) {
        return not_found();
    }
    auto bytes = store_.get(file->storage_path);
    if (!bytes) {
        throw Failure("the bytes of file " + std::to_string(*file_id) + " are missing from the uploads directory");
    }
    return FileContent{std::move(*file), std::move(*bytes)};
}

Result<FileContent> FileService::content(std::int64_t file_id)
{
    auto lease = db_.read();
    return read(*lease, file_id);
}

Result<StoredFile> FileService::set_student_photo(std::int64_t student_id, ImageSource image,
                                                  std::optional<std::int64_t> required_version,
                                                  std::optional<std::int64_t> uploader)
{
    std::optional<std::int64_t> previous;
    Result<StoredFile> result = not_found();
    {
        std::lock_guard lock(bytes_mutex_);
        std::optional<StoredFile> fresh;  // bytes given with the request
        if (const auto* bytes = std::get_if<std::string_view>(&image)) {
            auto stored = store(*bytes, uploader);
            if (!stored) {
                return stored;
            }
            fresh = std::move(*stored);
        }
        result = [&]() -> Result<StoredFile> {
            auto tx = db_.write();
            auto student = students::repo::find(*tx, student_id);
            if (!student) {
                return not_found();
            }
            StoredFile file;
            if (fresh) {
                file = *fresh;
                file.file_id = repo::insert(*tx, file);
            } else if (auto found = repo::find(*tx, std::get<std::int64_t>(image))) {
                file = *found;
            } else {
                FieldErrors errors;
                errors.add("fileId", "NOT_FOUND");
                return errors.to_error();
            }
            if (!students::repo::set_photo(*tx, student_id, file.file_id, required_version, clock_.now())) {
                return make_error(ErrorCode::precondition_failed);
            }
            tx.commit();
            previous = student->photo_file_id;
            return file;
        }();
        if (!result && fresh) {
            // Nothing records the bytes just written (the transaction rolled back): drop them.
            auto lease = db_.read();
            if (!repo::path_in_use(*lease, fresh->storage_path)) {
                store_.remove(fresh->storage_path);
            }
        }
    }
    if (previous && *previous != result->file_id) {
        release(*previous);
    }
    return result;
}

Result<void> FileService::remove_student_photo(std::int64_t student_id, std::optional<std::int64_t> required_version)
{
    std::optional<std::int64_t> previous;
    {
        auto tx = db_.write();
        auto student = students::repo::find(*tx, student_id);
        if (!student) {
            return not_found();
        }
        if (!students::repo::set_photo(*tx, student_id, std::nullopt, required_version, clock_.now())) {
            return make_error(ErrorCode::precondition_failed);
        }
        tx.commit();
        previous = student->photo_file_id;
    }
    if (previous) {
        release(*previous);
    }
    return {};
}

Result<FileContent> FileService::student_photo(std::int64_t student_id)
{
    auto lease = db_.read();
    auto student = students::repo::find(*lease, student_id);
    if (!student) {
        return not_found();
    }
    return read(*lease, student->photo_file_id);
}

Result<StoredFile> FileService::set_avatar(std::int64_t user_id, std::string_view bytes)
{
    std::optional<std::int64_t> previous;
    Result<StoredFile> result = not_found();
    {
        std::lock_guard lock(bytes_mutex_);
        auto stored = store(bytes, user_id);
        if (!stored) {
            return stored;
        }
        auto tx = db_.write();
        auto current = users::repo::avatar_file(*tx, user_id);
        if (current) {
            stored->file_id = repo::insert(*tx, *stored);
            auto address = "/api/v1/users/" + std::to_string(user_id) + "/avatar";
            (void)users::repo::set_avatar(*tx, user_id, stored->file_id, address, clock_.now());
            tx.commit();
            previous = *current;
            result = *stored;
        } else if (!repo::path_in_use(*tx, stored->storage_path)) {
            store_.remove(stored->storage_path);
        }
    }
    if (previous) {
        release(*previous);
    }
    return result;
}

Result<void> FileService::remove_avatar(std::int64_t user_id)
{
    std::optional<std::int64_t> previous;
    {
        auto tx = db_.write();
        auto current = users::repo::avatar_file(*tx, user_id);
        if (!current) {
            return not_found();
        }
        (void)users::repo::set_avatar(*tx, user_id, std::nullopt, std::nullopt, clock_.now());
        tx.commit();
        previous = *current;
    }
    if (previous) {
        release(*previous);
    }
    return {};
}

Result<FileContent> FileService::avatar(std::int64_t user_id)
{
    auto lease = db_.read();
    auto current = users::repo::avatar_file(*lease, user_id);
    if (!current) {
        return not_found();
    }
    return read(*lease, *current);
}

Result<StoredFile> FileService::set_setting_image(std::string_view name, std::string_view bytes,
                                                  std::optional<std::int64_t> uploader)
{
    std::optional<std::int64_t> previous;
    StoredFile saved;
    {
        std::lock_guard lock(bytes_mutex_);
        auto stored = store(bytes, uploader);
        if (!stored) {
            return stored;
        }
        auto tx = db_.write();
        previous = repo::setting_file(*tx, name);
        stored->file_id = repo::insert(*tx, *stored);
        repo::set_setting_file(*tx, name, stored->file_id);
        tx.commit();
        saved = *stored;
    }
    if (previous) {
        release(*previous);
    }
    return saved;
}

Result<void> FileService::remove_setting_image(std::string_view name)
{
    std::optional<std::int64_t> previous;
    {
        auto tx = db_.write();
        previous = repo::setting_file(*tx, name);
        if (!previous) {
            return not_found();
        }
        repo::set_setting_file(*tx, name, std::nullopt);
        tx.commit();
    }
    release(*previous);
    return {};
}

Result<FileContent> FileService::setting_image(std::string_view name)
{
    auto lease = db_.read();
    auto current = repo::setting_file(*lease, name);
    if (!current) {
        return not_found();
    }
    return read(*lease, *current);
}

void FileService::release(std::int64_t file_id)
{
    std::lock_guard lock(bytes_mutex_);
    auto tx = db_.write();
    auto file = repo::find(*tx, file_id);
    if (!file || repo::is_referenced(*tx, file_id)) {
        return;
    }
    repo::remove(*tx, file_id);
    bool keep_bytes = repo::path_in_use(*tx, file->storage_path);
    tx.commit();
    if (!keep_bytes) {
        store_.remove(file->storage_path);
    }
}

void FileService::sweep()
{
    std::vector<StoredFile> stale;
    {
        auto lease = db_.read();
        stale = repo::unreferenced_before(*lease, clock_.now() - kUnusedUploadLifetime);
    }
    for (const auto& f : stale) {
        release(f.file_id);
    }
}

}  // namespace sala::files
