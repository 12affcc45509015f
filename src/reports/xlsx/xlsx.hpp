// Spreadsheets (.xlsx) without knowing what the rows mean: sheets of a styled, frozen header row
// and rows of typed cells, columns sized to their content, written by libxlsxwriter in
// constant-memory mode (rows go to disk in order, so a sheet of any length costs a few rows).
#pragma once

#include "core/time.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace sala::xlsx {

inline constexpr std::string_view kMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Excel's limits: characters in a sheet name and in a cell's text.
inline constexpr std::size_t kMaxSheetName = 31;
inline constexpr std::size_t kMaxCellText = 32767;
// The widest a column is made to fit its content, in characters.
inline constexpr double kMaxWidth = 60;

// Empty, text, a number or a boolean. Text is always a string cell: whatever it starts with
// (= + - @), a spreadsheet never runs it as a formula.
using Cell = std::variant<std::monostate, std::string, double, bool>;

// The cell of a value that may be absent (empty then); numbers of any type become number cells.
template <class T>
Cell optional_cell(const std::optional<T>& value)
{
    if (!value) {
        return std::monostate{};
    }
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
        return static_cast<double>(*value);
    } else {
        return Cell(*value);
    }
}

struct Column {
    std::string header;
    std::string number_format;    // of the column's number cells ("0.00", "yyyy-mm-dd"); empty: General
    std::optional<double> width;  // in characters; none: fitted to the header and cells, at most kMaxWidth
};

struct SheetSpec {
    std::string name;  // a valid sheet name: see sheet_name()
    std::vector<Column> columns;
    std::size_t frozen_columns = 0;  // left columns that stay in view; the header row always does
};

// A name Excel accepts for `wanted`: without []:*?/\ and control characters, without an
// apostrophe at either end, at most kMaxSheetName characters; `fallback` when nothing is left.
[[nodiscard]] std::string sheet_name(std::string_view wanted, std::string_view fallback = "Sheet1");

// The number Excel stores for a date (days since 1899-12-30); a date number format shows it.
[[nodiscard]] double serial_date(Date date);

// One workbook, written sheet after sheet and row after row into a temporary file whose bytes
// finish() returns; the file is removed whatever happens. libxlsxwriter's failures (and cells it
// cannot store: text past kMaxCellText, numbers that are not finite) throw Failure.
class Workbook {
public:
    // `temp_dir`: where the file and libxlsxwriter's row storage go; empty: the system's.
    explicit Workbook(std::filesystem::path temp_dir = {});
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    // Starts a sheet with its header row; the rows added next go into it.
    void add_sheet(const SheetSpec& spec);
    // The next row of the current sheet. Cells past the sheet's columns are an error.
    void add_row(std::span<const Cell> cells);
    [[nodiscard]] std::string finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// A sheet held in memory whole, for documents of a class's size.
struct Sheet {
    SheetSpec spec;
    std::vector<std::vector<Cell>> rows;
};
[[nodiscard]] std::string render(std::span<const Sheet> sheets, const std::filesystem::path& temp_dir = {});

}  // namespace sala::xlsx
