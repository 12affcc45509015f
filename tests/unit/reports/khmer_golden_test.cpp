// Khmer shaping, checked by eye once and by pixels ever after: the clusters with coeng
// subscripts and reordered vowels ("ស្ត្រី", "ក្សត្រ", "មិត្តភាព") are rendered, rasterised by
// pdftoppm at a fixed resolution and compared with the reviewed rendering in tests/golden/.
// SALA_UPDATE_GOLDEN=1 rewrites the reference (review the PNG before committing it).
#include "reports/pdf/document.hpp"
#include "support/pdf_inspect.hpp"
#include "support/png/png_io.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace sala::pdf {
namespace {

constexpr int kDpi = 100;
const std::string kReference = std::string(SALA_SOURCE_DIR) + "/tests/golden/khmer_clusters.png";

// The three lines of the reference, the first with `words` (the clusters, or a broken copy).
std::string render_clusters(std::string_view words = "ស្ត្រី ក្សត្រ មិត្តភាព")
{
    Document doc(PageSetup{.paper = Paper::cr80, .orientation = Orientation::landscape, .margins = {8, 8, 8, 8}},
                 DocumentInfo{.created = TimePoint(std::chrono::seconds(1'790'000'000))});
    double y = doc.top();
    y += doc.text(doc.left(), y, doc.content_width(), words, TextStyle{.size = 18});
    y += doc.text(doc.left(), y, doc.content_width(), "ស្ត្រី ក្សត្រ", TextStyle{.size = 14, .face = Face::title});
    doc.text(doc.left(), y, doc.content_width(), "Sala ១២៣", TextStyle{.size = 14, .bold = true});
    return doc.finish();
}

TEST(KhmerGolden, ClustersMatchTheReviewedRendering)
{
    auto rendered = test::pdf_render(render_clusters(), kDpi);
    if (std::getenv("SALA_UPDATE_GOLDEN") != nullptr) {
        test::write_png_grey(kReference, rendered);
    }
    auto reference = test::read_png_grey(kReference);
    ASSERT_EQ(reference.width, rendered.width) << "missing or different reference " << kReference;
    ASSERT_EQ(reference.height, rendered.height);

    // Anti-aliasing may differ by a shade; a changed glyph or a broken cluster moves many pixels.
    std::size_t different = 0;
    double total = 0;
    for (std::size_t i = 0; i < rendered.pixels.size(); ++i) {
        int d = std::abs(int(rendered.pixels[i]) - int(reference.pixels[i]));
        total += d;
        different += d > 64 ? 1 : 0;
    }
    EXPECT_LT(total / rendered.pixels.size(), 1.0);
    EXPECT_LT(static_cast<double>(different) / rendered.pixels.size(), 0.002);
}

TEST(KhmerGolden, ABrokenClusterWouldBeCaught)
{
    // The same words with the coeng (U+17D2) dropped render visibly differently: the comparison
    // above can fail.
    auto broken = test::pdf_render(render_clusters("សតរី កសតរ មិតតភាព"), kDpi);
    auto reference = test::read_png_grey(kReference);
    ASSERT_EQ(reference.pixels.size(), broken.pixels.size());
    std::size_t different = 0;
    for (std::size_t i = 0; i < broken.pixels.size(); ++i) {
        different += std::abs(int(broken.pixels[i]) - int(reference.pixels[i])) > 64 ? 1 : 0;
    }
    EXPECT_GT(static_cast<double>(different) / broken.pixels.size(), 0.002);
}

}  // namespace
}  // namespace sala::pdf
