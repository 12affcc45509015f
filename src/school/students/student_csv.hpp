// Student records as CSV, without a database: RFC 4180 reading and writing with what spreadsheets
// add (a UTF-8 byte-order mark, `;` or tab delimiters), the documented columns, and the mapping
// between a row and a StudentInput that the import and the export share.
#pragma once

#include "core/error.hpp"
#include "school/students/student.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sala::students::csv {

// ---------------------------------------------------------------------------------------------
// CSV text

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

// ---------------------------------------------------------------------------------------------
// Student rows

// The documented columns, in the order the export writes them (README.md lists them).
inline constexpr std::array<std::string_view, 45> kColumns = {
    "studentCode",
    "firstName",
    "lastName",
    "firstNameKh",
    "lastNameKh",
    "dateOfBirth",
    "gender",
    "placeOfBirth",
    "nationality",
    "religion",
    "address",
    "commune",
    "district",
    "province",
    "phoneNumber",
    "email",
    "emergencyContact",
    "emergencyPhone",
    "medicalConditions",
    "allergies",
    "medications",
    "bloodType",
    "status",
    "enrollmentDate",
    "graduationDate",
    "primaryGuardianFirstName",
    "primaryGuardianLastName",
    "primaryGuardianRelation",
    "primaryGuardianPhone",
    "primaryGuardianOccupation",
    "primaryGuardianEmail",
    "primaryGuardianAddress",
    "secondaryGuardianFirstName",
    "secondaryGuardianLastName",
    "secondaryGuardianRelation",
    "secondaryGuardianPhone",
    "secondaryGuardianOccupation",
    "secondaryGuardianEmail",
    "secondaryGuardianAddress",
    "familyComposition",
    "familySize",
    "monthlyIncome",
    "hasPovertyCard",
    "povertyCardNumber",
    "specialCircumstances",
};
inline constexpr std::size_t kColumnCount = kColumns.size();

// The position of a documented column in kColumns; a name that is not one does not compile.
consteval std::size_t column(std::string_view name)
{
    for (std::size_t i = 0; i < kColumnCount; ++i) {
        if (kColumns[i] == name) {
            return i;
        }
    }
    throw "not a documented column";
}

// A row in the documented column order.
using Row = std::vector<std::string>;

// Columns whose cell may never be empty; a file's header must have them.
[[nodiscard]] bool is_required_column(std::string_view name);

// Where a file's header put each documented column.
struct Header {
    std::array<std::optional<std::size_t>, kColumnCount> position{};  // nullopt: not in the file
    std::size_t width = 0;                                              // cells in the header
};
// Names match case-insensitively, in any order. One validation error names every unknown,
// repeated and missing required column.
[[nodiscard]] Result<Header> read_header(std::span<const std::string> names);

// A record has the header's cells (any more must be empty); a blank record has only empty cells.
[[nodiscard]] bool fits_header(const Header& header, std::span<const std::string> record);
[[nodiscard]] bool is_blank(std::span<const std::string> record);
// A file's record as a row: cells trimmed and unshielded; columns the file lacks come from
// `fallback` (the stored student's row, for an update) or are empty.
[[nodiscard]] Row row_of_record(const Header& header, std::span<const std::string> record,
                                std::span<const std::string> fallback);

// The input a row means. Cells that are not a date, number or boolean where one is needed, and
// empty cells of required dates and numbers, are reported by column name. An empty cell is an
// absent value: no code (one is generated), no status or enrollment date (defaults), null.
[[nodiscard]] StudentInput input_of_row(std::span<const std::string> row, FieldErrors& errors);
// The row an input means (status and enrollment date from the filled-in `info`), so a stored
// record and an imported row compare cell by cell.
[[nodiscard]] Row row_of_input(const StudentInput& input);
// The row a stored record exports as: its primary and first other guardian; the family cells are
// empty when it has no family on record.
[[nodiscard]] Row row_of_stored(const StudentRecord& record);

// The column a field path of StudentService::validate names: "studentInfo.firstName" →
// "firstName", "guardianInfo.primaryGuardian.phone" → "primaryGuardianPhone".
[[nodiscard]] std::string column_of_field(std::string_view path);

// The export: the header line, and one line per record (comma-delimited, CRLF, formulas shielded).
[[nodiscard]] std::string header_line();
void append_student(std::string& out, const StudentRecord& record);

}  // namespace sala::students::csv
