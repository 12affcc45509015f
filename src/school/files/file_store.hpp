// The bytes of uploaded files on disk, under <data-dir>/uploads, each stored once under its
// SHA-256 ("3f/3fa4….jpg"): written to a temporary file, flushed, then renamed, so a crash never
// leaves half a photo behind. Blocking: call from a worker pool.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sala::files {

class FileStore {
public:
    explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}

    // Stores the bytes (unless the same content is there already); returns the path relative to
    // the root. Throws Failure when the disk refuses.
    std::string put(std::string_view bytes, std::string_view sha256, std::string_view extension);
    [[nodiscard]] std::optional<std::string> get(const std::string& relative) const;
    void remove(const std::string& relative);

private:
    std::filesystem::path root_;
};

}  // namespace sala::files
