// The paper a document is printed on: A4, Letter or an ID card (CR80), portrait or landscape, and
// the margins. Everything the renderers draw is in PDF points (1/72 inch) from the page's top left.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sala::pdf {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

[[nodiscard]] constexpr double mm(double millimetres) { return millimetres * kPointsPerMm; }

enum class Paper { a4, letter, cr80 };
enum class Orientation { portrait, landscape };

struct Margins {  // points
    double top = mm(15);
    double right = mm(15);
    double bottom = mm(15);
    double left = mm(15);
};

struct PageSetup {
    Paper paper = Paper::a4;
    Orientation orientation = Orientation::portrait;
    Margins margins;

    [[nodiscard]] double width() const;   // points, after orientation
    [[nodiscard]] double height() const;
    [[nodiscard]] double content_width() const { return width() - margins.left - margins.right; }
    [[nodiscard]] double content_height() const { return height() - margins.top - margins.bottom; }
};

// "A4" / "Letter" (case-insensitive); nullopt for anything else.
[[nodiscard]] std::optional<Paper> parse_paper(std::string_view name);
[[nodiscard]] std::optional<Orientation> parse_orientation(std::string_view name);
// A CSS-like length as print dialogs take it: "12mm", "1.5cm", "0.5in", "36pt", "48px" (96 per
// inch) or a bare number of millimetres. Points; nullopt when it is not one, or is negative.
[[nodiscard]] std::optional<double> parse_length(std::string_view text);

}  // namespace sala::pdf
