// A photo or logo ready to be placed on PDF pages: JPEG or PNG bytes decoded once and scaled down
// to what print needs (a 12-megapixel phone photo on an ID card would make every card megabytes).
// A JPEG is kept as a compact re-encoded JPEG that the PDF embeds as it is, without a bitmap in
// memory; a PNG keeps its pixels. Placing one image on many pages stores it once in the PDF. For
// PDF surfaces only: other targets would draw a JPEG's (absent) pixels.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

using cairo_surface_t = struct _cairo_surface;

namespace sala::pdf {

class Image {
public:
    // nullopt when the bytes are not a JPEG or PNG this can read. Images larger than `max_side`
    // pixels (at most 800) on their longer side are scaled down (JPEGs by halves, to between
    // max_side and twice it).
    [[nodiscard]] static std::optional<Image> decode(std::string_view bytes, int max_side = 800);

    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] cairo_surface_t* surface() const { return surface_.get(); }

private:
    Image(std::shared_ptr<cairo_surface_t> surface, int width, int height)
        : surface_(std::move(surface)), width_(width), height_(height)
    {
    }
    std::shared_ptr<cairo_surface_t> surface_;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace sala::pdf
