// What an uploaded file really is, decided from its bytes and never from its name or declared
// type: only JPEG and PNG images are accepted as photos and avatars.
#pragma once

#include <optional>
#include <string_view>

namespace sala::files {

struct ImageType {
    std::string_view content_type;  // "image/jpeg", "image/png"
    std::string_view extension;     // "jpg", "png"
};

// The type of a JPEG (SOI marker, then a segment marker) or PNG (signature, then an IHDR chunk
// with a non-zero size); nullopt for anything else.
[[nodiscard]] std::optional<ImageType> sniff_image(std::string_view bytes);

}  // namespace sala::files
