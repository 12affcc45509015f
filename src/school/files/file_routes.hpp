// Registers POST /upload, /files/{id}, students' photos and accounts' avatars.
#pragma once

#include "http/router.hpp"

namespace sala::files {

class FileService;

void register_file_routes(http::Router& router, FileService& files, std::size_t upload_limit);

}  // namespace sala::files
