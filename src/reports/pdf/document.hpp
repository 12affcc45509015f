// A PDF being drawn: pages of text shaped by Pango and HarfBuzz (so Khmer clusters come out
// right), lines, boxes, photos and QR codes, numbered "page X of Y" per section when finished.
// Knows nothing about schools: no HTTP, no SQL. One document belongs to one thread at a time.
#pragma once

#include "core/time.hpp"
#include "reports/pdf/page_setup.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sala::pdf {

class Image;

struct Color {
    double r = 0;
    double g = 0;
    double b = 0;
};
inline constexpr Color kBlack{};
inline constexpr Color kGrey{0.45, 0.45, 0.45};
inline constexpr Color kRule{0.6, 0.6, 0.6};
inline constexpr Color kShade{0.91, 0.93, 0.96};

enum class Align { left, center, right };
// body: Noto Sans for Latin, Khmer OS Battambang for Khmer. title: Khmer in Khmer OS Muol Light,
// the formal heading face of Cambodian documents; Latin stays Noto Sans.
enum class Face { body, title };

struct TextStyle {
    double size = 9;  // points
    bool bold = false;
    Align align = Align::left;
    Color color = kBlack;
    Face face = Face::body;
    int max_lines = 0;  // 0: as many lines as the text needs; otherwise cut with an ellipsis
};

struct DocumentInfo {
    std::string title;
    std::string author;
    TimePoint created;  // the PDF's creation date; a fixed value gives byte-identical output
    // The footer of each page ("Page 2 of 5"), numbered within its section; empty: no footer.
    std::function<std::string(int page, int pages)> page_label;
};

// Laid-out text, measured once and drawn where it fits.
class TextBlock {
public:
    TextBlock();
    ~TextBlock();
    TextBlock(TextBlock&&) noexcept;
    TextBlock& operator=(TextBlock&&) noexcept;
    [[nodiscard]] double width() const;   // the width it was laid out in
    [[nodiscard]] double height() const;  // points
    [[nodiscard]] double natural_width() const;  // of its longest line

private:
    friend class Document;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class Document {
public:
    Document(PageSetup setup, DocumentInfo info);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    [[nodiscard]] const PageSetup& setup() const { return setup_; }
    [[nodiscard]] double left() const { return setup_.margins.left; }
    [[nodiscard]] double top() const { return setup_.margins.top; }
    [[nodiscard]] double right() const { return setup_.width() - setup_.margins.right; }
    [[nodiscard]] double bottom() const { return setup_.height() - setup_.margins.bottom; }
    [[nodiscard]] double content_width() const { return setup_.content_width(); }

    // The document starts on page 1 of section 1. new_page() continues the section;
    // new_section() starts a page numbered 1 again (one student's report card in a class's).
    void new_page();
    void new_section();
    [[nodiscard]] int pages() const;

    [[nodiscard]] TextBlock layout(std::string_view text, const TextStyle& style, double width);
    void draw(const TextBlock& block, double x, double y);
    // Lays out and draws; returns the height used.
    double text(double x, double y, double width, std::string_view text, const TextStyle& style);

    void line(double x1, double y1, double x2, double y2, double width = 0.5, Color color = kBlack);
    void box(double x, double y, double w, double h, std::optional<Color> fill, std::optional<Color> stroke = kBlack,
             double line_width = 0.5);
    // The image scaled to fit inside the box, centred.
    void image(const Image& image, double x, double y, double w, double h);
    // A QR code (error correction M) of `payload` in a `size` × `size` square, quiet zone included.
    void qr_code(std::string_view payload, double x, double y, double size);

    // Draws the footers and returns the PDF's bytes. The document is spent afterwards.
    [[nodiscard]] std::string finish();

private:
    struct Impl;
    PageSetup setup_;
    std::unique_ptr<Impl> impl_;
};

// ASCII digits as Khmer digits (០ to ៩), everything else unchanged.
[[nodiscard]] std::string khmer_digits(std::string_view text);

}  // namespace sala::pdf
