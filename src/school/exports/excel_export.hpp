// POST /export-excel: any table a client sends (a header row and rows of text, numbers, booleans
// and nulls) as a one-sheet spreadsheet. Every rule is checked before anything is rendered, and
// one 422 names every bad field. Rows are objects keyed by header names (absent keys are empty
// cells) or arrays in header order (shorter rows end with empty cells). No SQL, no HTTP.
#pragma once

#include "core/error.hpp"

#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sala::exports {

inline constexpr std::size_t kMaxRows = 50'000;
inline constexpr std::size_t kMaxColumns = 200;
inline constexpr std::size_t kMaxHeader = 255;  // characters in a header
// A 422 stops listing problems after this many.
inline constexpr std::size_t kMaxErrors = 100;

struct ExcelRequest {
    std::vector<std::string> headers;
    std::vector<boost::json::value> data;
    std::optional<std::string> sheet_name;  // made one Excel accepts; default "Sheet1"
};

struct ExcelFile {
    std::string bytes;
    std::string sheet_name;
    std::size_t rows = 0;
};

// Text stays text (a cell starting with = + - @ is never a formula); numbers are number cells,
// integers past 2^53 text (a spreadsheet would round them); booleans are boolean cells.
[[nodiscard]] Result<ExcelFile> render_excel(const ExcelRequest& request);

}  // namespace sala::exports
