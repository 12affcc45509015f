// An uploaded file as the database knows it, and its bytes when served.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sala::files {

struct StoredFile {
    std::int64_t file_id = 0;
    std::string storage_path;  // relative to <data-dir>/uploads
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::string sha256;
    std::optional<std::int64_t> uploaded_by;
    TimePoint created_at;
};

struct FileContent {
    StoredFile file;
    std::string bytes;
};

}  // namespace sala::files
