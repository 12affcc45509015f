// Files a client saves rather than reads (exports, printed documents): the bytes with their media
// type and a Content-Disposition (RFC 6266) whose file name is safe on every system.
#pragma once

#include "http/message.hpp"

#include <string>
#include <string_view>

namespace sala::http {

// The longest file name safe_filename() gives, in characters before the extension.
inline constexpr std::size_t kMaxFilename = 100;

// `wanted` as a file name: its last path segment, without control characters or "*:<>?|, no
// space or dot at either end, at most kMaxFilename characters, ending with `extension` (".xlsx",
// matched in any case); `fallback` (without the extension) when nothing is left.
[[nodiscard]] std::string safe_filename(std::string_view wanted, std::string_view extension, std::string_view fallback);

// attachment; filename="…" with the name in ASCII (other characters as _), and, when the name is
// not ASCII, filename*=UTF-8''… with every character percent-encoded. `filename` is already safe.
[[nodiscard]] std::string content_disposition(std::string_view filename);

// A 200 with the bytes as an attachment named `filename`.
[[nodiscard]] Response download(std::string_view media_type, std::string bytes, std::string_view filename);

}  // namespace sala::http
