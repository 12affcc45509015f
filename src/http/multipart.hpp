// multipart/form-data bodies (RFC 7578), as browsers send file uploads: the parts with their
// field name, file name and type, pointing into the request body (no copies).
#pragma once

#include "core/error.hpp"

#include <string_view>
#include <vector>

namespace sala::http {

struct FormPart {
    std::string_view name;          // the form field: Content-Disposition name="…"
    std::string_view filename;      // empty when the part is not a file
    std::string_view content_type;  // as the client declared it (not to be trusted)
    std::string_view data;
};

[[nodiscard]] bool is_multipart(std::string_view content_type);

// The parts of `body`, whose Content-Type header is `content_type` (with its boundary). A
// malformed body is a 400.
[[nodiscard]] Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace sala::http
