// See csv.hpp.
#include "reports/csv/csv.hpp"

#include <algorithm>

namespace sala::csv {
namespace {

constexpr std::string_view kFormulaStarts = "=+-@\t\r";

// Digits with the signs, spaces and brackets of phone numbers: no formula can hide in these.
bool is_numeric_text(std::string_view s)
{
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= '0' && c <= '9') || std::string_view(" +-().").find(c) != std::string_view::npos; });
}

bool needs_quotes(std::string_view cell, char delimiter)
{
    return std::any_of(cell.begin(), cell.end(),
                       [&](char c) { return c == delimiter || c == '"' || c == '\r' || c == '\n'; });
}

// Length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
std::size_t sequence_length(unsigned char lead)
{
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

// The second byte's range excludes overlong forms, UTF-16 surrogates and code points past U+10FFFF.
bool valid_second_byte(unsigned char lead, unsigned char second)
{
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead == 0xE0) {
        low = 0xA0;
    } else if (lead == 0xED) {
        high = 0x9F;
    } else if (lead == 0xF0) {
        low = 0x90;
    } else if (lead == 0xF4) {
        high = 0x8F;
    }
    return second >= low && second <= high;
}

}  // namespace

std::string_view strip_bom(std::string_view text)
{
    return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t n = sequence_length(lead);
        if (n == 0 || i + n > text.size()) {
            return i;
        }
        for (std::size_t k = 1; k < n; ++k) {
            auto b = static_cast<unsigned char>(text[i + k]);
            bool ok = k == 1 ? valid_second_byte(lead, b) : (b & 0xC0) == 0x80;
            if (!ok) {
                return i;
            }
        }
        i += n;
    }
    return std::nullopt;
}

char sniff_delimiter(std::string_view text)
{
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            commas += c == ',' ? 1 : 0;
            semicolons += c == ';' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
        }
    }
    if (semicolons > commas && semicolons >= tabs) {
        return ';';
    }
    if (tabs > commas && tabs > semicolons) {
        return '\t';
    }
    return ',';
}

Records read_records(std::string_view text, char delimiter)
{
    Records out;
    std::vector<std::string> record;
    std::string cell;
    bool quoted = false;        // inside a quoted cell
    bool cell_started = false;  // the cell has consumed a character (a quote opens only at its start)
    bool in_record = false;     // the record has consumed a character
    auto end_cell = [&] {
        record.push_back(std::move(cell));
        cell.clear();
        cell_started = false;
    };
    auto end_record = [&] {
        end_cell();
        out.records.push_back(std::move(record));
        record.clear();
        in_record = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c != '"') {
                cell += c;
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            end_record();
            continue;
        }
        in_record = true;
        if (c == delimiter) {
            end_cell();
        } else if (c == '"' && !cell_started) {
            quoted = true;
            cell_started = true;
        } else {
            cell += c;
            cell_started = true;
        }
    }
    if (quoted) {
        out.unclosed_quote = out.records.size();
    }
    if (in_record) {
        end_record();
    }
    return out;
}

void append_record(std::string& out, std::span<const std::string> cells, char delimiter)
{
    bool first = true;
    for (const auto& cell : cells) {
        if (!first) {
            out += delimiter;
        }
        first = false;
        if (!needs_quotes(cell, delimiter)) {
            out += cell;
            continue;
        }
        out += '"';
        for (char c : cell) {
            out += c;
            if (c == '"') {
                out += '"';
            }
        }
        out += '"';
    }
    out += "\r\n";
}

std::string shield_formula(std::string cell)
{
    if (cell.empty()) {
        return cell;
    }
    bool formula = kFormulaStarts.find(cell[0]) != std::string_view::npos && !is_numeric_text(cell);
    if (formula || cell[0] == '\'') {
        cell.insert(cell.begin(), '\'');
    }
    return cell;
}

std::string unshield_formula(std::string cell)
{
    if (cell.size() >= 2 && cell[0] == '\'' &&
        (cell[1] == '\'' || kFormulaStarts.find(cell[1]) != std::string_view::npos)) {
        cell.erase(cell.begin());
    }
    return cell;
}

}  // namespace sala::csv
