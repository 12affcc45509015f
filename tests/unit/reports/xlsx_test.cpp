// Spreadsheets without knowing what the rows mean, opened again as a spreadsheet would: Khmer text
// intact, numbers and booleans as typed cells, a bold filled header row that stays in view,
// formula-looking text kept as text, columns sized to their content, Excel's sheet-name rules, and
// no temporary file left behind, even when writing fails.
#include "reports/xlsx/xlsx.hpp"

#include "core/error.hpp"
#include "support/temp_dir.hpp"
#include "support/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <regex>

namespace sala::xlsx {
namespace {

using test::read_xlsx;

Sheet sheet_of(std::vector<std::vector<Cell>> rows, std::size_t frozen_columns = 0)
{
    return Sheet{{"Class 7A",
                  {{"Name", {}, std::nullopt}, {"Score", "0.00", std::nullopt}, {"Passed", {}, std::nullopt}},
                  frozen_columns},
                 std::move(rows)};
}

std::string render_one(const Sheet& sheet)
{
    return render({&sheet, 1});
}

// The width a column was given: <col min="N" max="N" width="…"/>.
double width_of(const test::XlsxSheet& sheet, int column)
{
    std::smatch m;
    std::regex col("<col min=\"" + std::to_string(column) + "\" max=\"" + std::to_string(column) +
                   "\" width=\"([0-9.]+)\"");
    EXPECT_TRUE(std::regex_search(sheet.xml, m, col)) << sheet.xml;
    return m.empty() ? 0.0 : std::stod(m[1]);
}

TEST(Xlsx, KhmerTextRoundTrips)
{
    Sheet sheet{{sheet_name("សិស្ស ៧ក"), {{"ឈ្មោះ", {}, std::nullopt}}, 0},
                {{std::string("សុខ ដារា")}, {std::string("ចាន់ បុប្ផា")}}};
    auto file = read_xlsx(render_one(sheet));
    ASSERT_EQ(file.sheets.size(), 1u);
    const auto& s = file.sheets[0];
    EXPECT_EQ(s.name, "សិស្ស ៧ក");
    EXPECT_EQ(s.at("A1").text, "ឈ្មោះ");
    EXPECT_EQ(s.at("A2").text, "សុខ ដារា");
    EXPECT_EQ(s.at("A2").type, "text");
    EXPECT_EQ(s.at("A3").text, "ចាន់ បុប្ផា");
}

TEST(Xlsx, NumbersAndBooleansAreTypedCells)
{
    auto file =
        read_xlsx(render_one(sheet_of({{std::string("Dara"), 87.125, true}, {std::string("Bopha"), 0.5, false}})));
    const auto& s = file.sheets[0];
    EXPECT_EQ(s.at("B2").type, "number");
    EXPECT_DOUBLE_EQ(s.at("B2").number(), 87.125);
    EXPECT_EQ(file.number_format(s.at("B2").style), "0.00");
    EXPECT_DOUBLE_EQ(s.at("B3").number(), 0.5);
    EXPECT_EQ(s.at("C2").type, "boolean");
    EXPECT_EQ(s.at("C2").text, "1");
    EXPECT_EQ(s.at("C3").text, "0");
    // The XML itself: a number cell has no t attribute (or t="n").
    EXPECT_NE(s.xml.find("<c r=\"B2\" s=\"" + std::to_string(s.at("B2").style) + "\"><v>87.125</v></c>"),
              std::string::npos)
        << s.xml;
}

TEST(Xlsx, EmptyCellsAreLeftOut)
{
    auto file = read_xlsx(render_one(sheet_of({{std::monostate{}, 1.0, std::monostate{}}, {std::string(), 2.0}})));
    const auto& s = file.sheets[0];
    EXPECT_FALSE(s.cells.contains("A2"));
    EXPECT_FALSE(s.cells.contains("C2"));
    EXPECT_FALSE(s.cells.contains("A3"));
    EXPECT_DOUBLE_EQ(s.at("B3").number(), 2.0);
    EXPECT_EQ(s.rows(), 3u);
}

TEST(Xlsx, TheHeaderRowIsBoldFilledAndFrozen)
{
    auto file = read_xlsx(render_one(sheet_of({{std::string("Dara"), 1.0, true}})));
    const auto& s = file.sheets[0];
    EXPECT_EQ(s.row(1), (std::vector<std::string>{"Name", "Score", "Passed"}));
    for (const auto* ref : {"A1", "B1", "C1"}) {
        EXPECT_TRUE(file.bold(s.at(ref).style)) << ref;
        EXPECT_TRUE(file.filled(s.at(ref).style)) << ref;
    }
    EXPECT_FALSE(file.bold(s.at("A2").style));
    EXPECT_NE(s.xml.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
              std::string::npos)
        << s.xml;

    // Frozen name columns too.
    auto names = read_xlsx(render_one(sheet_of({{std::string("Dara"), 1.0, true}}, 2)));
    EXPECT_NE(names.sheets[0].xml.find("<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\""), std::string::npos)
        << names.sheets[0].xml;
}

TEST(Xlsx, FormulaLookingTextStaysText)
{
    const std::vector<std::string> texts = {"=1+1", "+855 12 345 678", "-5", "@SUM(A1:A2)", "=HYPERLINK(\"x\")"};
    std::vector<std::vector<Cell>> rows;
    for (const auto& t : texts) {
        rows.push_back({t});
    }
    auto file = read_xlsx(render_one(sheet_of(rows)));
    const auto& s = file.sheets[0];
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& cell = s.at(test::cell_ref(i + 1, 0));
        EXPECT_EQ(cell.type, "text") << texts[i];
        EXPECT_FALSE(cell.formula) << texts[i];
        EXPECT_EQ(cell.text, texts[i]);  // unchanged: no apostrophe is needed in a string cell
    }
    EXPECT_EQ(s.xml.find("<f>"), std::string::npos);
}

TEST(Xlsx, ColumnsFitTheirContentUpToALimit)
{
    Sheet sheet{
        {"Widths",
         {{"Code", {}, std::nullopt}, {"Note", {}, std::nullopt}, {"Amount", "0.00", std::nullopt}, {"Fixed", {}, 7.5}},
         0},
        {{std::string("STU-2026-0001"), std::string(200, 'x'), 1234.5, std::string(50, 'y')},
         {std::string("ស"), std::string("short"), 1.0, std::string()}}};
    auto file = read_xlsx(render_one(sheet));
    const auto& s = file.sheets[0];
    // Characters, not bytes; a little room besides; never past the limit; an explicit width kept.
    EXPECT_NEAR(width_of(s, 1), 13 + 2, 1);
    EXPECT_NEAR(width_of(s, 2), kMaxWidth, 1);
    EXPECT_NEAR(width_of(s, 3), 7 + 2, 1);  // "1234.50"
    EXPECT_NEAR(width_of(s, 4), 7.5, 1);
}

TEST(Xlsx, SheetNamesFollowExcelsRules)
{
    EXPECT_EQ(sheet_name("Grades [7A]: 2026/27?"), "Grades 7A 202627");
    EXPECT_EQ(sheet_name("a*b\\c"), "abc");
    EXPECT_EQ(sheet_name("'quoted'"), "quoted");
    EXPECT_EQ(sheet_name(std::string(40, 'n')), std::string(31, 'n'));
    EXPECT_EQ(sheet_name("ថ្នាក់ទី ៧ក"), "ថ្នាក់ទី ៧ក");
    std::string khmer;
    for (int i = 0; i < 40; ++i) {
        khmer += "ក";
    }
    EXPECT_EQ(sheet_name(khmer), khmer.substr(0, 31 * std::string("ក").size()));  // characters, not bytes
    EXPECT_EQ(sheet_name(std::string(12, 'x') + std::string(30, ' ') + "y"), std::string(12, 'x'));
    EXPECT_EQ(sheet_name(""), "Sheet1");
    EXPECT_EQ(sheet_name("[]:*?/\\", "Data"), "Data");
    EXPECT_EQ(sheet_name("History"), "Sheet1");
    EXPECT_EQ(sheet_name("tab\there"), "tabhere");
}

TEST(Xlsx, DatesAreExcelSerialNumbers)
{
    using namespace std::chrono;
    EXPECT_EQ(serial_date(sys_days(year{2026} / September / 1)), 46266.0);
    EXPECT_EQ(serial_date(sys_days(year{1900} / March / 1)), 61.0);
}

TEST(Xlsx, SeveralSheetsAndManyRowsStayInOrder)
{
    Workbook book;
    book.add_sheet({"First", {{"n", "0", std::nullopt}}, 0});
    for (int i = 0; i < 3000; ++i) {
        const Cell row[] = {static_cast<double>(i)};
        book.add_row(row);
    }
    book.add_sheet({"Second", {{"t", {}, std::nullopt}}, 0});
    const Cell last[] = {std::string("end")};
    book.add_row(last);
    auto file = read_xlsx(book.finish());
    ASSERT_EQ(file.sheets.size(), 2u);
    EXPECT_EQ(file.sheets[0].name, "First");
    EXPECT_EQ(file.sheets[0].rows(), 3001u);
    EXPECT_DOUBLE_EQ(file.sheets[0].at("A3001").number(), 2999.0);
    EXPECT_EQ(file.sheets[1].at("A2").text, "end");
}

TEST(Xlsx, NoTemporaryFileIsLeftBehind)
{
    test::TempDir dir;
    auto is_empty = [&] { return std::filesystem::is_empty(dir.path()); };
    auto sheet = sheet_of({{std::string("Dara"), 1.0, true}});
    EXPECT_FALSE(render({&sheet, 1}, dir.path()).empty());
    EXPECT_TRUE(is_empty());

    // Failures throw, and clean up all the same.
    auto bad_name = [&] {
        Workbook book(dir.path());
        book.add_sheet({"Bad[name]", {}, 0});
    };
    auto write_one = [&](Cell cell, std::size_t columns) {
        Workbook book(dir.path());
        book.add_sheet({"Cells", std::vector<Column>(columns, Column{"c", {}, std::nullopt}), 0});
        const Cell row[] = {cell, cell};
        book.add_row(row);
    };
    EXPECT_THROW(bad_name(), Failure);
    EXPECT_TRUE(is_empty());
    EXPECT_THROW(write_one(std::numeric_limits<double>::infinity(), 2), Failure);
    EXPECT_THROW(write_one(std::string(kMaxCellText + 1, 'a'), 2), Failure);
    EXPECT_THROW(write_one(1.0, 1), Failure);  // more cells than columns
    EXPECT_NO_THROW(write_one(1.0, 2));
    EXPECT_TRUE(is_empty());
}

}  // namespace
}  // namespace sala::xlsx
