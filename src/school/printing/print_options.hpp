// The options every document request may carry, as the seed has them: paper format, orientation
// and margins (CSS-like lengths such as "15mm"), plus Khmer digits. Checked into a page setup.
#pragma once

#include "core/error.hpp"
#include "reports/pdf/page_setup.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace sala::printing {

struct MarginsInput {
    std::optional<std::string> top;
    std::optional<std::string> right;
    std::optional<std::string> bottom;
    std::optional<std::string> left;
};
BOOST_DESCRIBE_STRUCT(MarginsInput, (), (top, right, bottom, left))

struct PrintOptions {
    std::optional<std::string> format;       // "A4" (default) | "Letter"
    std::optional<std::string> orientation;  // "portrait" | "landscape"; each document has its default
    std::optional<MarginsInput> margins;
    std::optional<bool> khmer_digits;        // numbers written ០១២…
};
BOOST_DESCRIBE_STRUCT(PrintOptions, (), (format, orientation, margins, khmer_digits))

struct PrintSetup {
    pdf::PageSetup page;
    bool khmer_digits = false;
};

// The page the options ask for; 422 naming `options.format`, `options.margins.top` … otherwise.
// Margins are 0 to 50 mm and leave at least half the page's width and height to print on.
[[nodiscard]] Result<PrintSetup> print_setup(const std::optional<PrintOptions>& options,
                                             pdf::Orientation default_orientation);

}  // namespace sala::printing
