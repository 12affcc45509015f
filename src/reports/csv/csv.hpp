// CSV as spreadsheets write it, without knowing what the rows mean: RFC 4180 reading and writing,
// a UTF-8 byte-order mark, `;` or tab delimiters, UTF-8 checking, and the shield that keeps a
// spreadsheet from running a cell as a formula.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sala::csv {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[nodiscard]] std::string_view strip_bom(std::string_view text);
// The byte offset of the first byte that is not part of valid UTF-8, if any.
[[nodiscard]] std::optional<std::size_t> invalid_utf8_at(std::string_view text);
// `,`, `;` or tab: whichever the first record has most of outside quotes (`,` on a tie or none).
[[nodiscard]] char sniff_delimiter(std::string_view text);

struct Records {
    std::vector<std::vector<std::string>> records;
    // A quoted cell never closed: the index (in `records`) of the record it starts in.
    std::optional<std::size_t> unclosed_quote;
};
// RFC 4180: cells in double quotes may hold the delimiter, line breaks and doubled quotes; CRLF or
// LF ends a record; a line break at the very end does not start another record.
[[nodiscard]] Records read_records(std::string_view text, char delimiter);
// One record, quoted where needed, ended by CRLF.
void append_record(std::string& out, std::span<const std::string> cells, char delimiter = ',');

// Spreadsheets run a cell that starts with = + - @ as a formula. The export puts an apostrophe
// before such text (and before text that starts with one), the import takes it off again, so a
// round trip keeps every value. Phone numbers and other digits-only values are left alone.
[[nodiscard]] std::string shield_formula(std::string cell);
[[nodiscard]] std::string unshield_formula(std::string cell);

}  // namespace sala::csv
