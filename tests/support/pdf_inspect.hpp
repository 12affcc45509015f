// What a reader of a generated PDF sees, through poppler-utils: its text (pdftotext), its pages
// and their sizes (pdfinfo), and a page rendered to grey pixels (pdftoppm) for golden images.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sala::test {

struct PdfInfo {
    int pages = 0;
    double width_pt = 0;  // of the first page
    double height_pt = 0;
    std::string title;
    std::string creation_date;
};

[[nodiscard]] PdfInfo pdf_info(std::string_view pdf);
// All pages' text in reading order (pdftotext -layout would pad columns; this keeps raw order).
[[nodiscard]] std::string pdf_text(std::string_view pdf);
// One page's text.
[[nodiscard]] std::string pdf_page_text(std::string_view pdf, int page);

// Does the extracted text hold `expected`? Whitespace is ignored on both sides: pdftotext puts
// spaces inside Khmer words where a sign sits apart from its base (ឈ្មោះ → "ឈ្មោ ះ") and breaks
// lines where the layout wrapped them.
[[nodiscard]] bool has_text(std::string_view extracted, std::string_view expected);

// How many images the PDF holds (pdfimages -list): photos and logos.
[[nodiscard]] int pdf_image_count(std::string_view pdf);
// pdfimages -list as it prints it: one line per image with its size and encoding ("jpeg", "image").
[[nodiscard]] std::string pdf_image_list(std::string_view pdf);
// The first page as a JPEG file's bytes (a real photo-like JPEG for tests).
[[nodiscard]] std::string pdf_to_jpeg(std::string_view pdf, int dpi);
// The QR codes on one page, decoded (zbarimg on the page rendered at `dpi`), in reading order.
[[nodiscard]] std::vector<std::string> pdf_qr_codes(std::string_view pdf, int page = 1, int dpi = 300);

struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;  // row-major, 0 black … 255 white
};
// The first page at `dpi`, anti-aliased, in grey.
[[nodiscard]] GreyImage pdf_render(std::string_view pdf, int dpi);
[[nodiscard]] GreyImage read_pgm(const std::string& path);
void write_pgm(const std::string& path, const GreyImage& image);

}  // namespace sala::test
