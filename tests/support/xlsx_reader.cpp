// See xlsx_reader.hpp. A few string scans over the XML that libxlsxwriter and spreadsheets write;
// enough to read cells and styles back, not a general XML parser.
#include "support/xlsx_reader.hpp"

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace sala::test {
namespace {

// The output of a shell command, and whether it succeeded.
std::pair<bool, std::string> run(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return {false, out};
    }
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    return {::pclose(pipe) == 0, out};
}

// Every element `name` in `xml`, from its '<' to the end of its closing tag (or of "/>").
std::vector<std::string_view> elements(std::string_view xml, std::string_view name)
{
    std::vector<std::string_view> out;
    const std::string open = "<" + std::string(name);
    const std::string close = "</" + std::string(name) + ">";
    for (auto at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at + 1)) {
        auto next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
        if (next != ' ' && next != '>' && next != '/') {
            continue;  // <cols> is not <c>
        }
        auto tag_end = xml.find('>', at);
        if (xml[tag_end - 1] == '/') {
            out.push_back(xml.substr(at, tag_end + 1 - at));
            continue;
        }
        auto end = xml.find(close, tag_end);
        out.push_back(xml.substr(at, end + close.size() - at));
    }
    return out;
}

// The first element `name` in `xml`, or "".
std::string_view element(std::string_view xml, std::string_view name)
{
    auto all = elements(xml, name);
    return all.empty() ? std::string_view() : all.front();
}

// Between an element's opening and closing tags.
std::string_view inner(std::string_view element)
{
    auto open_end = element.find('>');
    if (open_end == std::string_view::npos || element[open_end - 1] == '/') {
        return {};
    }
    return element.substr(open_end + 1, element.rfind('<') - open_end - 1);
}

// An attribute of an element's opening tag, or "".
std::string attribute(std::string_view element, std::string_view name)
{
    auto tag = element.substr(0, element.find('>'));
    auto at = tag.find(" " + std::string(name) + "=\"");
    if (at == std::string_view::npos) {
        return {};
    }
    auto start = at + name.size() + 3;
    return std::string(tag.substr(start, tag.find('"', start) - start));
}

void append_utf8(std::string& out, unsigned long cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// XML entities and the _xHHHH_ escapes spreadsheets use for control characters.
std::string unescape(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            auto semi = text.find(';', i);
            auto entity = text.substr(i + 1, semi - i - 1);
            if (entity == "amp") {
                out += '&';
            } else if (entity == "lt") {
                out += '<';
            } else if (entity == "gt") {
                out += '>';
            } else if (entity == "quot") {
                out += '"';
            } else if (entity == "apos") {
                out += '\'';
            } else if (entity.starts_with("#x")) {
                append_utf8(out, std::stoul(std::string(entity.substr(2)), nullptr, 16));
            } else if (entity.starts_with("#")) {
                append_utf8(out, std::stoul(std::string(entity.substr(1))));
            }
            i = semi + 1;
        } else if (text.substr(i, 2) == "_x" && i + 6 < text.size() && text[i + 6] == '_') {
            append_utf8(out, std::stoul(std::string(text.substr(i + 2, 4)), nullptr, 16));
            i += 7;
        } else {
            out += text[i++];
        }
    }
    return out;
}

// The text of a string item: its <t> runs joined (rich text has several).
std::string text_of(std::string_view item)
{
    std::string out;
    for (auto t : elements(item, "t")) {
        out += unescape(inner(t));
    }
    return out;
}

XlsxCell cell_of(std::string_view c, const std::vector<std::string>& shared)
{
    XlsxCell cell;
    auto type = attribute(c, "t");
    auto style = attribute(c, "s");
    cell.style = style.empty() ? 0 : std::stoul(style);
    cell.formula = !element(c, "f").empty();
    auto value = unescape(inner(element(c, "v")));
    if (type == "inlineStr") {
        cell.type = "text";
        cell.text = text_of(element(c, "is"));
    } else if (type == "s") {
        cell.type = "text";
        cell.text = shared.at(std::stoul(value));
    } else if (type == "str") {
        cell.type = "text";
        cell.text = value;
    } else if (type == "b") {
        cell.type = "boolean";
        cell.text = value;
    } else {
        cell.type = "number";
        cell.text = value;
    }
    return cell;
}

// The style's <xf> in cellXfs.
std::string_view cell_format(const std::string& styles, std::size_t style)
{
    auto xfs = elements(element(styles, "cellXfs"), "xf");
    return style < xfs.size() ? xfs[style] : std::string_view();
}

}  // namespace

double XlsxCell::number() const
{
    EXPECT_EQ(type, "number") << text;
    return type == "number" && !text.empty() ? std::stod(text) : 0.0;
}

const XlsxCell& XlsxSheet::at(const std::string& ref) const
{
    static const XlsxCell empty{"text", "", 0, false};
    auto it = cells.find(ref);
    return it == cells.end() ? empty : it->second;
}

std::vector<std::string> XlsxSheet::row(std::size_t number) const
{
    std::vector<std::string> out;
    for (std::size_t c = 0; c < 16384; ++c) {
        auto it = cells.find(cell_ref(number - 1, c));
        if (it == cells.end()) {
            // A gap: look further only if the row goes on.
            bool more = false;
            for (std::size_t d = c + 1; d < c + 64 && !more; ++d) {
                more = cells.contains(cell_ref(number - 1, d));
            }
            if (!more) {
                break;
            }
            out.emplace_back();
            continue;
        }
        out.push_back(it->second.text);
    }
    return out;
}

std::size_t XlsxSheet::rows() const
{
    std::size_t last = 0;
    for (auto r : elements(xml, "row")) {
        last = std::max<std::size_t>(last, std::stoul(attribute(r, "r")));
    }
    return last;
}

const XlsxSheet& XlsxFile::sheet(std::string_view name) const
{
    for (const auto& s : sheets) {
        if (s.name == name) {
            return s;
        }
    }
    ADD_FAILURE() << "no sheet named " << name;
    static const XlsxSheet none;
    return none;
}

bool XlsxFile::bold(std::size_t style) const
{
    auto fonts = elements(element(styles, "fonts"), "font");
    auto font = attribute(cell_format(styles, style), "fontId");
    return !font.empty() && std::stoul(font) < fonts.size() && !element(fonts[std::stoul(font)], "b").empty();
}

bool XlsxFile::filled(std::size_t style) const
{
    auto fills = elements(element(styles, "fills"), "fill");
    auto fill = attribute(cell_format(styles, style), "fillId");
    return !fill.empty() && std::stoul(fill) < fills.size() &&
           attribute(element(fills[std::stoul(fill)], "patternFill"), "patternType") == "solid";
}

std::string XlsxFile::number_format(std::size_t style) const
{
    auto id = attribute(cell_format(styles, style), "numFmtId");
    if (id.empty() || id == "0") {
        return "General";
    }
    for (auto f : elements(styles, "numFmt")) {
        if (attribute(f, "numFmtId") == id) {
            return unescape(attribute(f, "formatCode"));
        }
    }
    return "builtin " + id;
}

XlsxFile read_xlsx(const std::string& bytes)
{
    TempDir dir;
    auto path = (dir.path() / "book.xlsx").string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    XlsxFile file;
    auto [listed, names] = run("unzip -Z1 '" + path + "' 2>/dev/null");
    EXPECT_TRUE(listed) << "not a zip package (" << bytes.size() << " bytes)";
    for (std::size_t at = 0; at < names.size();) {
        auto end = names.find('\n', at);
        file.parts.push_back(names.substr(at, end - at));
        at = end == std::string::npos ? names.size() : end + 1;
    }
    auto part = [&](const std::string& name) {
        return run("unzip -p '" + path + "' '" + name + "' 2>/dev/null").second;
    };
    std::vector<std::string> shared;
    for (auto si : elements(part("xl/sharedStrings.xml"), "si")) {
        shared.push_back(text_of(si));
    }
    file.styles = part("xl/styles.xml");
    auto workbook = part("xl/workbook.xml");
    std::size_t n = 0;
    for (auto s : elements(workbook, "sheet")) {
        XlsxSheet sheet;
        sheet.name = unescape(attribute(s, "name"));
        sheet.xml = part("xl/worksheets/sheet" + std::to_string(++n) + ".xml");
        for (auto c : elements(sheet.xml, "c")) {
            sheet.cells.emplace(attribute(c, "r"), cell_of(c, shared));
        }
        file.sheets.push_back(std::move(sheet));
    }
    EXPECT_FALSE(file.sheets.empty()) << "a workbook without sheets";
    return file;
}

std::string cell_ref(std::size_t row, std::size_t column)
{
    std::string letters;
    for (auto c = column + 1; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

}  // namespace sala::test
