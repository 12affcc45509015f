// See image_type.hpp.
#include "school/files/image_type.hpp"

#include <cstdint>

namespace sala::files {
namespace {

std::uint32_t big_endian32(std::string_view b, std::size_t at)
{
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

bool is_png(std::string_view b)
{
    // Signature, then the first chunk: length 13, type IHDR, width and height above zero.
    constexpr std::string_view signature("\x89PNG\r\n\x1a\n", 8);
    return b.size() >= 33 && b.substr(0, 8) == signature && big_endian32(b, 8) == 13 && b.substr(12, 4) == "IHDR" &&
           big_endian32(b, 16) > 0 && big_endian32(b, 20) > 0;
}

bool is_jpeg(std::string_view b)
{
    // Start of image, then another marker (APPn, DQT, SOF …), and the end-of-image marker.
    if (b.size() < 8 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8 ||
        static_cast<unsigned char>(b[2]) != 0xFF) {
        return false;
    }
    auto marker = static_cast<unsigned char>(b[3]);
    if (marker < 0xC0 || marker == 0xFF) {
        return false;
    }
    return b.find("\xFF\xD9", 4) != std::string_view::npos;
}

}  // namespace

std::optional<ImageType> sniff_image(std::string_view bytes)
{
    if (is_jpeg(bytes)) {
        return ImageType{"image/jpeg", "jpg"};
    }
    if (is_png(bytes)) {
        return ImageType{"image/png", "png"};
    }
    return std::nullopt;
}

}  // namespace sala::files
