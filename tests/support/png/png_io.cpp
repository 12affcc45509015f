// See png_io.hpp. Cairo reads and writes the PNG files.
#include "support/png/png_io.hpp"

#include <cairo.h>

#include <cstdint>

namespace sala::test {

GreyImage read_png_grey(const std::string& path)
{
    auto* surface = cairo_image_surface_create_from_png(path.c_str());
    GreyImage image;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(surface);
        image.width = cairo_image_surface_get_width(surface);
        image.height = cairo_image_surface_get_height(surface);
        auto* data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < image.height; ++y) {
            auto* row = reinterpret_cast<std::uint32_t*>(data + y * stride);
            for (int x = 0; x < image.width; ++x) {
                image.pixels.push_back(static_cast<unsigned char>(row[x] & 0xFF));
            }
        }
    }
    cairo_surface_destroy(surface);
    return image;
}

void write_png_grey(const std::string& path, const GreyImage& image)
{
    auto* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height);
    cairo_surface_flush(surface);
    auto* data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + y * stride);
        for (int x = 0; x < image.width; ++x) {
            std::uint32_t g = image.pixels[static_cast<std::size_t>(y) * image.width + x];
            row[x] = (g << 16) | (g << 8) | g;
        }
    }
    cairo_surface_mark_dirty(surface);
    cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
}

}  // namespace sala::test
