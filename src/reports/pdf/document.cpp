// See document.hpp. Each page is drawn into a cairo recording surface; finish() replays them into
// the PDF surface once the page count of every section is known, adding the footers. Text is
// always set as plain text (never Pango markup), so a name can never change the formatting.
#include "reports/pdf/document.hpp"

#include "core/error.hpp"
#include "reports/pdf/image.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <array>
#include <ctime>
#include <vector>

namespace sala::pdf {
namespace {

constexpr std::string_view kBodyFamily = "Noto Sans,Khmer OS Battambang";
constexpr std::string_view kTitleFamily = "Noto Sans,Khmer OS Muol Light";

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
void unref_object(void* p) { g_object_unref(p); }
using ContextPtr = std::unique_ptr<PangoContext, Deleter<void, unref_object>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<void, unref_object>>;

// The Pango context for this thread: the default font map is per thread, and each holds its
// fonts once loaded. Text is measured at 72 dpi (sizes in points are page units) without hinting,
// so a layout measures the same as it prints.
PangoContext* thread_context()
{
    thread_local ContextPtr context = [] {
        auto* map = pango_cairo_font_map_get_default();
        ContextPtr c(pango_font_map_create_context(map));
        pango_cairo_context_set_resolution(c.get(), 72);
        auto* options = cairo_font_options_create();
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(c.get(), options);
        cairo_font_options_destroy(options);
        return c;
    }();
    return context.get();
}

PangoFontDescription* font_for(const TextStyle& style)
{
    // Four faces in use, each kept for the life of the thread.
    thread_local std::array<PangoFontDescription*, 4> fonts{};
    auto index = (style.face == Face::title ? 2 : 0) + (style.bold ? 1 : 0);
    if (fonts[index] == nullptr) {
        auto family = std::string(style.face == Face::title ? kTitleFamily : kBodyFamily);
        fonts[index] = pango_font_description_from_string(family.c_str());
        pango_font_description_set_weight(fonts[index], style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    }
    return fonts[index];
}

void set_color(cairo_t* cr, Color c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// ISO 8601 in UTC, which cairo writes into the PDF as its creation date.
std::string pdf_date(TimePoint t)
{
    auto seconds = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(t));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

struct TextBlock::Impl {
    LayoutPtr layout;
    Color color;
    double width = 0;
    double height = 0;
    double natural_width = 0;
};

TextBlock::TextBlock() = default;
TextBlock::~TextBlock() = default;
TextBlock::TextBlock(TextBlock&&) noexcept = default;
TextBlock& TextBlock::operator=(TextBlock&&) noexcept = default;
double TextBlock::width() const { return impl_ ? impl_->width : 0; }
double TextBlock::height() const { return impl_ ? impl_->height : 0; }
double TextBlock::natural_width() const { return impl_ ? impl_->natural_width : 0; }

struct Document::Impl {
    struct Page {
        cairo_surface_t* recording = nullptr;
        int section = 0;
    };
    DocumentInfo info;
    std::vector<Page> pages;
    cairo_t* cr = nullptr;  // draws on the last page
    int section = 0;

    ~Impl()
    {
        if (cr != nullptr) {
            cairo_destroy(cr);
        }
        for (auto& p : pages) {
            cairo_surface_destroy(p.recording);
        }
    }

    void start_page(const PageSetup& setup)
    {
        if (cr != nullptr) {
            cairo_destroy(cr);
        }
        cairo_rectangle_t extents{0, 0, setup.width(), setup.height()};
        pages.push_back({cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents), section});
        cr = cairo_create(pages.back().recording);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    }
};

Document::Document(PageSetup setup, DocumentInfo info) : setup_(setup), impl_(std::make_unique<Impl>())
{
    impl_->info = std::move(info);
    impl_->start_page(setup_);
}

Document::~Document() = default;

void Document::new_page()
{
    impl_->start_page(setup_);
}

void Document::new_section()
{
    ++impl_->section;
    impl_->start_page(setup_);
}

int Document::pages() const
{
    return static_cast<int>(impl_->pages.size());
}

TextBlock Document::layout(std::string_view text, const TextStyle& style, double width)
{
    TextBlock block;
    block.impl_ = std::make_unique<TextBlock::Impl>();
    auto& b = *block.impl_;
    b.layout.reset(pango_layout_new(thread_context()));
    auto* layout = b.layout.get();
    auto* font = pango_font_description_copy_static(font_for(style));
    pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, style.align == Align::center  ? PANGO_ALIGN_CENTER
                                       : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
    if (style.max_lines > 0) {
        pango_layout_set_height(layout, -style.max_lines);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    b.color = style.color;
    b.width = width;
    b.height = static_cast<double>(logical.height) / PANGO_SCALE;
    b.natural_width = static_cast<double>(logical.width) / PANGO_SCALE;
    return block;
}

void Document::draw(const TextBlock& block, double x, double y)
{
    if (!block.impl_) {
        return;
    }
    auto* cr = impl_->cr;
    set_color(cr, block.impl_->color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, block.impl_->layout.get());
}

double Document::text(double x, double y, double width, std::string_view text, const TextStyle& style)
{
    auto block = layout(text, style, width);
    draw(block, x, y);
    return block.height();
}

void Document::line(double x1, double y1, double x2, double y2, double width, Color color)
{
    auto* cr = impl_->cr;
    set_color(cr, color);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
}

void Document::box(double x, double y, double w, double h, std::optional<Color> fill, std::optional<Color> stroke,
                   double line_width)
{
    auto* cr = impl_->cr;
    cairo_rectangle(cr, x, y, w, h);
    if (fill) {
        set_color(cr, *fill);
        cairo_fill_preserve(cr);
    }
    if (stroke) {
        set_color(cr, *stroke);
        cairo_set_line_width(cr, line_width);
        cairo_stroke(cr);
    } else {
        cairo_new_path(cr);
    }
}

void Document::image(const Image& image, double x, double y, double w, double h)
{
    if (image.width() <= 0 || image.height() <= 0) {
        return;
    }
    double scale = std::min(w / image.width(), h / image.height());
    double dw = image.width() * scale;
    double dh = image.height() * scale;
    auto* cr = impl_->cr;
    cairo_save(cr);
    cairo_translate(cr, x + (w - dw) / 2, y + (h - dh) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, image.surface(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, image.width(), image.height());
    cairo_fill(cr);
    cairo_restore(cr);
}

void Document::qr_code(std::string_view payload, double x, double y, double size)
{
    std::string text(payload);
    auto* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr) {
        throw Failure("QR code: payload cannot be encoded");
    }
    constexpr int kQuiet = 2;  // modules of white around the code
    int modules = code->width + 2 * kQuiet;
    double unit = size / modules;
    auto* cr = impl_->cr;
    set_color(cr, {1, 1, 1});
    cairo_rectangle(cr, x, y, size, size);
    cairo_fill(cr);
    set_color(cr, kBlack);
    for (int row = 0; row < code->width; ++row) {
        int col = 0;
        while (col < code->width) {
            if ((code->data[row * code->width + col] & 1) == 0) {
                ++col;
                continue;
            }
            int run = col;
            while (run < code->width && (code->data[row * code->width + run] & 1) != 0) {
                ++run;
            }
            // Runs of dark modules as one rectangle each, slightly overlapping so no hairline gaps show.
            cairo_rectangle(cr, x + (col + kQuiet) * unit, y + (row + kQuiet) * unit, (run - col) * unit + 0.01,
                            unit + 0.01);
            col = run;
        }
    }
    cairo_fill(cr);
    QRcode_free(code);
}

std::string Document::finish()
{
    cairo_destroy(impl_->cr);
    impl_->cr = nullptr;

    std::string out;
    auto* surface = cairo_pdf_surface_create_for_stream(append_bytes, &out, setup_.width(), setup_.height());
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
    auto created = pdf_date(impl_->info.created);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Sala");
    if (!impl_->info.title.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, impl_->info.title.c_str());
    }
    if (!impl_->info.author.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, impl_->info.author.c_str());
    }

    // Pages per section, for "page X of Y".
    std::vector<int> section_pages;
    for (const auto& p : impl_->pages) {
        if (static_cast<std::size_t>(p.section) >= section_pages.size()) {
            section_pages.resize(p.section + 1, 0);
        }
        ++section_pages[p.section];
    }

    auto* cr = cairo_create(surface);
    TextStyle footer{.size = 7, .align = Align::center, .color = kGrey};
    int in_section = 0;
    int last_section = -1;
    for (const auto& p : impl_->pages) {
        in_section = p.section == last_section ? in_section + 1 : 1;
        last_section = p.section;
        cairo_set_source_surface(cr, p.recording, 0, 0);
        cairo_paint(cr);
        if (impl_->info.page_label) {
            auto label = impl_->info.page_label(in_section, section_pages[p.section]);
            auto block = layout(label, footer, content_width());
            set_color(cr, footer.color);
            cairo_move_to(cr, left(), bottom() + (setup_.margins.bottom - block.height()) / 2);
            pango_cairo_show_layout(cr, block.impl_->layout.get());
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Failure(std::string("PDF rendering failed: ") + cairo_status_to_string(status));
    }
    return out;
}

std::string khmer_digits(std::string_view text)
{
    std::string out;
    out.reserve(text.size() * 3);
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            // U+17E0 KHMER DIGIT ZERO: E1 9F A0.
            out += "\xE1\x9F";
            out += static_cast<char>(0xA0 + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace sala::pdf
