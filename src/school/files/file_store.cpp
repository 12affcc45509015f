// See file_store.hpp.
#include "school/files/file_store.hpp"

#include "auth/crypto.hpp"
#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace sala::files {
namespace {

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path)
{
    while (!bytes.empty()) {
        auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Failure("cannot write " + path.string());
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void sync_directory(const std::filesystem::path& dir)
{
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

std::string FileStore::put(std::string_view bytes, std::string_view sha256, std::string_view extension)
{
    auto relative = std::string(sha256.substr(0, 2)) + "/" + std::string(sha256) + "." + std::string(extension);
    auto path = root_ / relative;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        return relative;
    }
    std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::permissions(root_, std::filesystem::perms::owner_all, ec);
    auto temporary = path;
    temporary += ".tmp-" + auth::random_token(9);
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw Failure("cannot create " + temporary.string());
    }
    try {
        write_all(fd, bytes, temporary);
        if (::fsync(fd) != 0) {
            throw Failure("cannot flush " + temporary.string());
        }
    } catch (...) {
        ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        throw Failure("cannot rename into " + path.string());
    }
    sync_directory(path.parent_path());
    return relative;
}

std::optional<std::string> FileStore::get(const std::string& relative) const
{
    std::ifstream in(root_ / relative, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return std::move(out).str();
}

void FileStore::remove(const std::string& relative)
{
    std::error_code ec;
    std::filesystem::remove(root_ / relative, ec);
}

}  // namespace sala::files
