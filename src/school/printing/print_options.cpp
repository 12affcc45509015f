// See print_options.hpp.
#include "school/printing/print_options.hpp"

namespace sala::printing {

Result<PrintSetup> print_setup(const std::optional<PrintOptions>& options, pdf::Orientation default_orientation)
{
    PrintSetup setup;
    setup.page.orientation = default_orientation;
    if (!options) {
        return setup;
    }
    FieldErrors errors;
    if (options->format) {
        if (auto paper = pdf::parse_paper(*options->format)) {
            setup.page.paper = *paper;
        } else {
            errors.add("options.format", "INVALID_VALUE", {{"allowed", "A4, Letter"}});
        }
    }
    if (options->orientation) {
        if (auto o = pdf::parse_orientation(*options->orientation)) {
            setup.page.orientation = *o;
        } else {
            errors.add("options.orientation", "INVALID_VALUE", {{"allowed", "portrait, landscape"}});
        }
    }
    if (options->margins) {
        const auto& m = *options->margins;
        for (auto [name, text, out] : {std::tuple{"top", &m.top, &setup.page.margins.top},
                                       std::tuple{"right", &m.right, &setup.page.margins.right},
                                       std::tuple{"bottom", &m.bottom, &setup.page.margins.bottom},
                                       std::tuple{"left", &m.left, &setup.page.margins.left}}) {
            if (!*text) {
                continue;
            }
            auto length = pdf::parse_length(**text);
            if (!length || *length > pdf::mm(50)) {
                errors.add(std::string("options.margins.") + name, "OUT_OF_RANGE", {{"min", "0mm"}, {"max", "50mm"}});
            } else {
                *out = *length;
            }
        }
    }
    if (errors.empty() && (setup.page.content_width() < setup.page.width() / 2 ||
                           setup.page.content_height() < setup.page.height() / 2)) {
        errors.add("options.margins", "TOO_WIDE");
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    setup.khmer_digits = options->khmer_digits.value_or(false);
    return setup;
}

}  // namespace sala::printing
