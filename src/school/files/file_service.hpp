// Photos and avatars: an upload is checked to be a JPEG or PNG by its bytes, stored once on disk
// and recorded in the database; a student's photo or an account's avatar points to one. A file
// nothing points to any more is removed with its bytes (at once when it is replaced, after a day
// when it was uploaded and never used). Blocking: run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/files/file.hpp"
#include "school/files/file_store.hpp"

#include <mutex>
#include <variant>

namespace sala::files {

// A photo given as the image itself, or as the id of an earlier upload.
using ImageSource = std::variant<std::string_view, std::int64_t>;

class FileService {
public:
    FileService(db::Database& db, const Clock& clock, std::filesystem::path uploads)
        : db_(db), clock_(clock), store_(std::move(uploads))
    {
    }

    // 415 unless the bytes are a JPEG or PNG image.
    [[nodiscard]] Result<StoredFile> upload(std::string_view bytes, std::optional<std::int64_t> uploader);
    [[nodiscard]] Result<FileContent> content(std::int64_t file_id);

    [[nodiscard]] Result<StoredFile> set_student_photo(std::int64_t student_id, ImageSource image,
                                                       std::optional<std::int64_t> required_version,
                                                       std::optional<std::int64_t> uploader);
    [[nodiscard]] Result<void> remove_student_photo(std::int64_t student_id,
                                                    std::optional<std::int64_t> required_version);
    [[nodiscard]] Result<FileContent> student_photo(std::int64_t student_id);

    [[nodiscard]] Result<StoredFile> set_avatar(std::int64_t user_id, std::string_view bytes);
    [[nodiscard]] Result<void> remove_avatar(std::int64_t user_id);
    [[nodiscard]] Result<FileContent> avatar(std::int64_t user_id);

    // Images the settings name ("school.logo", printed on every document).
    [[nodiscard]] Result<StoredFile> set_setting_image(std::string_view name, std::string_view bytes,
                                                       std::optional<std::int64_t> uploader);
    [[nodiscard]] Result<void> remove_setting_image(std::string_view name);
    [[nodiscard]] Result<FileContent> setting_image(std::string_view name);

    // Removes the file (row and bytes) unless something still points to it.
    void release(std::int64_t file_id);

private:
    [[nodiscard]] Result<StoredFile> store(std::string_view bytes, std::optional<std::int64_t> uploader);
    [[nodiscard]] Result<FileContent> read(db::Connection& c, std::optional<std::int64_t> file_id);
    void sweep();

    db::Database& db_;
    const Clock& clock_;
    FileStore store_;
    // Writing bytes and recording them, or forgetting a row and deleting its bytes, happen as one
    // step each: an upload of the same content never loses its bytes to a concurrent removal.
    std::mutex bytes_mutex_;
};

}  // namespace sala::files
