// See image.hpp. libjpeg reports errors by longjmp, so the JPEG steps are kept to plain C data
// between setjmp and the end of each function.
#include "reports/pdf/image.hpp"

#include <cairo.h>
#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace sala::pdf {
namespace {

constexpr int kJpegQuality = 85;
constexpr int kLargestSide = 800;  // the largest max_side honoured

struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
};

void on_jpeg_error(j_common_ptr info)
{
    std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

void silence(j_common_ptr) {}

struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;  // width × height × 3
};

// Decodes at the largest DCT scale (1/1, 1/2, 1/4, 1/8) that keeps the longer side ≥ max_side.
bool decode_jpeg(std::string_view bytes, int max_side, Pixels& out)
{
    jpeg_decompress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = on_jpeg_error;
    error.manager.output_message = silence;
    if (setjmp(error.jump) != 0) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    auto longer = std::max(info.image_width, info.image_height);
    info.scale_num = 1;
    info.scale_denom = 1;
    while (info.scale_denom < 8 && longer / (info.scale_denom * 2) >= static_cast<unsigned>(max_side)) {
        info.scale_denom *= 2;
    }
    jpeg_start_decompress(&info);
    out.width = static_cast<int>(info.output_width);
    out.height = static_cast<int>(info.output_height);
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    while (info.output_scanline < info.output_height) {
        unsigned char* row = out.rgb.data() + static_cast<std::size_t>(info.output_scanline) * out.width * 3;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

// The pixels as a baseline JPEG (malloc'ed; the caller frees it).
bool encode_jpeg(const Pixels& pixels, unsigned char*& data, unsigned long& size)
{
    jpeg_compress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = on_jpeg_error;
    error.manager.output_message = silence;
    data = nullptr;
    size = 0;
    if (setjmp(error.jump) != 0) {
        jpeg_destroy_compress(&info);
        std::free(data);
        data = nullptr;
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &data, &size);
    info.image_width = static_cast<JDIMENSION>(pixels.width);
    info.image_height = static_cast<JDIMENSION>(pixels.height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, kJpegQuality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        auto* row = const_cast<unsigned char*>(pixels.rgb.data()) +
                    static_cast<std::size_t>(info.next_scanline) * pixels.width * 3;
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

std::shared_ptr<cairo_surface_t> owned(cairo_surface_t* surface)
{
    return {surface, cairo_surface_destroy};
}

// The pixels a JPEG surface stands on. A PDF embeds the JPEG bytes attached to the surface and
// never reads its pixels, so every photo shares this one zeroed block (never written, so never
// resident; zero-initialised, so it takes no room in the binary either) instead of holding its own:
// 500 ID cards cost their JPEGs, not 500 bitmaps.
constexpr int kMaxDecoded = 2 * kLargestSide;
alignas(16) unsigned char no_pixels[static_cast<std::size_t>(kMaxDecoded) * kMaxDecoded * 4] = {};

std::shared_ptr<cairo_surface_t> from_jpeg(std::string_view bytes, int max_side)
{
    Pixels pixels;
    if (!decode_jpeg(bytes, max_side, pixels) || pixels.width <= 0 || pixels.height <= 0 ||
        pixels.width > kMaxDecoded || pixels.height > kMaxDecoded) {
        return nullptr;
    }
    unsigned char* jpeg = nullptr;
    unsigned long size = 0;
    if (!encode_jpeg(pixels, jpeg, size)) {
        return nullptr;
    }
    auto stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, pixels.width);
    auto surface = owned(cairo_image_surface_create_for_data(no_pixels, CAIRO_FORMAT_RGB24,
                                                             pixels.width, pixels.height, stride));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, jpeg, size, std::free, jpeg) !=
            CAIRO_STATUS_SUCCESS) {
        return nullptr;
    }
    return surface;
}

struct PngReader {
    std::string_view bytes;
    std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length)
{
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes.size() - reader->at < length) {
        return CAIRO_STATUS_READ_ERROR;
    }
    std::memcpy(data, reader->bytes.data() + reader->at, length);
    reader->at += length;
    return CAIRO_STATUS_SUCCESS;
}

std::shared_ptr<cairo_surface_t> from_png(std::string_view bytes, int max_side)
{
    PngReader reader{bytes};
    auto surface = owned(cairo_image_surface_create_from_png_stream(read_png, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return nullptr;
    }
    int w = cairo_image_surface_get_width(surface.get());
    int h = cairo_image_surface_get_height(surface.get());
    if (std::max(w, h) <= max_side) {
        return surface;
    }
    double scale = static_cast<double>(max_side) / std::max(w, h);
    int sw = std::max(1, static_cast<int>(w * scale));
    int sh = std::max(1, static_cast<int>(h * scale));
    auto scaled = owned(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, sw, sh));
    auto* cr = cairo_create(scaled.get());
    cairo_scale(cr, static_cast<double>(sw) / w, static_cast<double>(sh) / h);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_destroy(cr);
    return scaled;
}

}  // namespace

std::optional<Image> Image::decode(std::string_view bytes, int max_side)
{
    max_side = std::clamp(max_side, 16, kLargestSide);
    std::shared_ptr<cairo_surface_t> surface;
    if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xD8) {
        surface = from_jpeg(bytes, max_side);
    } else if (bytes.size() > 8 && bytes.substr(1, 3) == "PNG") {
        surface = from_png(bytes, max_side);
    }
    if (!surface) {
        return std::nullopt;
    }
    int w = cairo_image_surface_get_width(surface.get());
    int h = cairo_image_surface_get_height(surface.get());
    return Image(std::move(surface), w, h);
}

}  // namespace sala::pdf
