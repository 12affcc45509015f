// See page_setup.hpp.
#include "reports/pdf/page_setup.hpp"

#include <charconv>
#include <cmath>
#include <utility>

namespace sala::pdf {
namespace {

// The engine stands alone (no other Sala library), so it keeps these two small text helpers.
std::string lowered(std::string_view text)
{
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string_view stripped(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// Portrait width and height in points.
std::pair<double, double> portrait_size(Paper paper)
{
    switch (paper) {
    case Paper::a4: return {mm(210), mm(297)};
    case Paper::letter: return {8.5 * 72, 11 * 72};
    case Paper::cr80: return {mm(53.98), mm(85.60)};
    }
    return {mm(210), mm(297)};
}

}  // namespace

double PageSetup::width() const
{
    auto [w, h] = portrait_size(paper);
    return orientation == Orientation::portrait ? w : h;
}

double PageSetup::height() const
{
    auto [w, h] = portrait_size(paper);
    return orientation == Orientation::portrait ? h : w;
}

std::optional<Paper> parse_paper(std::string_view name)
{
    auto lower = lowered(name);
    if (lower == "a4") {
        return Paper::a4;
    }
    if (lower == "letter") {
        return Paper::letter;
    }
    return std::nullopt;
}

std::optional<Orientation> parse_orientation(std::string_view name)
{
    auto lower = lowered(name);
    if (lower == "portrait") {
        return Orientation::portrait;
    }
    if (lower == "landscape") {
        return Orientation::landscape;
    }
    return std::nullopt;
}

std::optional<double> parse_length(std::string_view text)
{
    auto t = stripped(text);
    double value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || !std::isfinite(value) || value < 0) {
        return std::nullopt;
    }
    auto unit = lowered(stripped(std::string_view(end, t.data() + t.size() - end)));
    if (unit.empty() || unit == "mm") {
        return mm(value);
    }
    if (unit == "cm") {
        return mm(value * 10);
    }
    if (unit == "in") {
        return value * 72;
    }
    if (unit == "pt") {
        return value;
    }
    if (unit == "px") {
        return value * 72 / 96;
    }
    return std::nullopt;
}

}  // namespace sala::pdf
