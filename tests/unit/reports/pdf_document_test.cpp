// The PDF engine as a reader of its output sees it: Khmer and Latin text extracted intact, page
// sizes, tables that repeat their header on every page, "page X of Y" per section, and the same
// bytes for the same input.
#include "reports/pdf/document.hpp"
#include "reports/pdf/image.hpp"
#include "reports/pdf/table.hpp"
#include "support/pdf_inspect.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <set>
#include <sstream>

namespace sala::pdf {
namespace {

using test::pdf_info;
using test::pdf_page_text;
using test::pdf_text;

DocumentInfo info_at(TimePoint t = TimePoint(std::chrono::seconds(1'790'000'000)))
{
    return DocumentInfo{.title = "Test", .author = "Sala", .created = t,
                        .page_label = [](int page, int pages) {
                            return "Page " + std::to_string(page) + " of " + std::to_string(pages);
                        }};
}

TEST(PdfDocument, KhmerClustersAndLatinTextAreExtractedIntact)
{
    Document doc(PageSetup{}, info_at());
    doc.text(doc.left(), doc.top(), doc.content_width(), "ស្ត្រី ក្សត្រ មិត្តភាព", TextStyle{.size = 14});
    doc.text(doc.left(), doc.top() + 40, doc.content_width(), "Report card — Sok Dara", TextStyle{.size = 12});
    auto text = pdf_text(doc.finish());
    EXPECT_TRUE(test::has_text(text, "ស្ត្រី")) << text;
    EXPECT_TRUE(test::has_text(text, "ក្សត្រ")) << text;
    EXPECT_TRUE(test::has_text(text, "មិត្តភាព")) << text;
    EXPECT_NE(text.find("Report card — Sok Dara"), std::string::npos) << text;
}

TEST(PdfDocument, PaperSizesAndOrientation)
{
    struct Case {
        PageSetup setup;
        double width;
        double height;
    };
    for (const auto& c : {Case{{Paper::a4, Orientation::portrait}, 595.28, 841.89},
                          Case{{Paper::a4, Orientation::landscape}, 841.89, 595.28},
                          Case{{Paper::letter, Orientation::portrait}, 612, 792},
                          Case{{Paper::cr80, Orientation::landscape}, 242.65, 153.01}}) {
        Document doc(c.setup, info_at());
        doc.text(doc.left(), doc.top(), doc.content_width(), "x", {});
        auto info = pdf_info(doc.finish());
        EXPECT_NEAR(info.width_pt, c.width, 0.1);
        EXPECT_NEAR(info.height_pt, c.height, 0.1);
        EXPECT_EQ(info.pages, 1);
    }
}

TEST(PdfDocument, TablesRepeatTheirHeaderOnEveryPageAndPagesAreNumberedPerSection)
{
    Document doc(PageSetup{}, info_at());
    Table table{.columns = {{"No."}, {"ឈ្មោះ\nName", 4}, {"Score", 1, Align::right}}};
    for (int i = 1; i <= 120; ++i) {
        table.rows.push_back({std::to_string(i), "Student " + std::to_string(i), std::to_string(i % 100)});
    }
    double y = draw_table(doc, table, doc.top());
    EXPECT_GT(y, doc.top());
    int first_section = doc.pages();
    ASSERT_GE(first_section, 3);
    doc.new_section();
    doc.text(doc.left(), doc.top(), doc.content_width(), "Second student", {});
    auto pdf = doc.finish();

    auto info = pdf_info(pdf);
    EXPECT_EQ(info.pages, first_section + 1);
    for (int page = 1; page <= first_section; ++page) {
        auto text = pdf_page_text(pdf, page);
        EXPECT_TRUE(test::has_text(text, "ឈ្មោះ")) << "page " << page;
        EXPECT_NE(text.find("Score"), std::string::npos) << "page " << page;
        EXPECT_NE(text.find("Page " + std::to_string(page) + " of " + std::to_string(first_section)),
                  std::string::npos)
            << text;
    }
    EXPECT_NE(pdf_page_text(pdf, 2).find("Student 60"), std::string::npos);
    EXPECT_NE(pdf_page_text(pdf, first_section + 1).find("Page 1 of 1"), std::string::npos);
    // Every row is there once.
    auto all = pdf_text(pdf);
    EXPECT_NE(all.find("Student 120"), std::string::npos);
}

TEST(PdfDocument, TheSameInputGivesTheSameBytes)
{
    auto render = [] {
        Document doc(PageSetup{}, info_at());
        doc.text(doc.left(), doc.top(), doc.content_width(), "ស្ត្រី Sok Dara", TextStyle{.size = 12, .bold = true});
        doc.qr_code("https://school.example/verify/42", doc.left(), doc.top() + 30, 80);
        return doc.finish();
    };
    auto first = render();
    EXPECT_EQ(first, render());
    EXPECT_EQ(pdf_info(first).creation_date.substr(0, 10), "2026-09-21");
}

TEST(PdfDocument, QrCodesAreDrawnAsDarkModulesOnWhite)
{
    Document doc(PageSetup{.paper = Paper::cr80, .orientation = Orientation::landscape}, info_at());
    doc.qr_code("https://school.example/verify/42", 0, 0, doc.setup().height());
    auto image = test::pdf_render(doc.finish(), 72);
    // The quiet zone is white; the code's first finder pattern starts just inside it.
    EXPECT_EQ(image.pixels[0], 255);
    int dark = 0;
    for (auto p : image.pixels) {
        dark += p < 128 ? 1 : 0;
    }
    EXPECT_GT(dark, 1000);
}

TEST(PdfDocument, ImagesDecodeFromPngAndJpegAndAreScaledDownForPrint)
{
    EXPECT_FALSE(Image::decode("not an image").has_value());
    EXPECT_FALSE(Image::decode(std::string("\xFF\xD8\xFF\xE0 truncated", 14)).has_value());

    // A real JPEG (an A4 page at 100 dpi: 827 × 1169) scaled by halves toward 300 pixels.
    Document page(PageSetup{}, info_at());
    page.text(page.left(), page.top(), page.content_width(), "photo", TextStyle{.size = 40});
    auto jpeg = test::pdf_to_jpeg(page.finish(), 100);
    auto photo = Image::decode(jpeg, 300);
    ASSERT_TRUE(photo.has_value());
    EXPECT_EQ(photo->height(), 585);  // 1169 / 2: the smallest half that is still at least 300
    EXPECT_EQ(photo->width(), 414);

    // On a page it is embedded once as JPEG, whatever the number of places it is drawn.
    Document doc(PageSetup{}, info_at());
    for (int i = 0; i < 3; ++i) {
        doc.image(*photo, doc.left(), doc.top() + i * 100, 60, 80);
        doc.new_page();
    }
    auto list = test::pdf_image_list(doc.finish());
    std::istringstream lines(list);
    std::string line;
    std::getline(lines, line);  // the heading
    std::getline(lines, line);  // its rule
    std::set<std::string> objects;
    int placed = 0;
    while (std::getline(lines, line)) {
        std::istringstream columns(line);
        std::vector<std::string> c{std::istream_iterator<std::string>(columns), std::istream_iterator<std::string>()};
        ASSERT_GE(c.size(), 11u) << line;
        EXPECT_EQ(c[8], "jpeg") << line;  // enc
        objects.insert(c[10]);             // object
        ++placed;
    }
    EXPECT_EQ(placed, 3) << list;
    EXPECT_EQ(objects.size(), 1u) << list;
}

TEST(PdfText, KhmerDigitsReplaceAsciiDigitsOnly)
{
    EXPECT_EQ(khmer_digits("2026-11 Page 3"), "២០២៦-១១ Page ៣");
    EXPECT_EQ(khmer_digits("ស្ត្រី"), "ស្ត្រី");
}

TEST(PdfPageSetup, LengthsAndNames)
{
    EXPECT_NEAR(*parse_length("10mm"), mm(10), 1e-9);
    EXPECT_NEAR(*parse_length("1cm"), mm(10), 1e-9);
    EXPECT_NEAR(*parse_length("0.5in"), 36, 1e-9);
    EXPECT_NEAR(*parse_length("36pt"), 36, 1e-9);
    EXPECT_NEAR(*parse_length("96px"), 72, 1e-9);
    EXPECT_NEAR(*parse_length(" 12 "), mm(12), 1e-9);
    EXPECT_FALSE(parse_length("-1mm"));
    EXPECT_FALSE(parse_length("10 furlongs"));
    EXPECT_FALSE(parse_length(""));
    EXPECT_EQ(parse_paper("a4"), Paper::a4);
    EXPECT_EQ(parse_paper("LETTER"), Paper::letter);
    EXPECT_FALSE(parse_paper("A3"));
    EXPECT_EQ(parse_orientation("landscape"), Orientation::landscape);
}

}  // namespace
}  // namespace sala::pdf
