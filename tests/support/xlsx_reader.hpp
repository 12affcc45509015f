// Opening an .xlsx the way a spreadsheet would, for tests: the package is unpacked with the
// `unzip` tool and each sheet's cells are read from its XML (inline and shared strings, numbers,
// booleans, formulas), with the styles that say how a cell looks.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sala::test {

struct XlsxCell {
    std::string type;  // "text", "number", "boolean"
    std::string text;  // the text, or the number or boolean as stored ("87.5", "1")
    std::size_t style = 0;
    bool formula = false;  // the cell holds a formula
    [[nodiscard]] double number() const;
};

struct XlsxSheet {
    std::string name;
    std::string xml;                        // the worksheet's XML (panes, column widths …)
    std::map<std::string, XlsxCell> cells;  // by reference: "A1", "AB12"
    // The cell at `ref`; an empty text cell when there is none.
    [[nodiscard]] const XlsxCell& at(const std::string& ref) const;
    // The row (1 for the header) as texts, up to its last cell.
    [[nodiscard]] std::vector<std::string> row(std::size_t number) const;
    [[nodiscard]] std::size_t rows() const;  // the last row with a cell
};

struct XlsxFile {
    std::vector<XlsxSheet> sheets;   // in the workbook's order
    std::vector<std::string> parts;  // the package's files
    [[nodiscard]] const XlsxSheet& sheet(std::string_view name) const;
    // What a cell style shows: bold text, a fill, the number format ("0.00"; "General").
    [[nodiscard]] bool bold(std::size_t style) const;
    [[nodiscard]] bool filled(std::size_t style) const;
    [[nodiscard]] std::string number_format(std::size_t style) const;

    std::string styles;  // xl/styles.xml
};

// Unpacks and reads the bytes of a workbook; fails the test when they are not one.
XlsxFile read_xlsx(const std::string& bytes);

// "A1" for zero-based row and column numbers.
std::string cell_ref(std::size_t row, std::size_t column);

}  // namespace sala::test
