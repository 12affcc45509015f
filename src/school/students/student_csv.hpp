// Student records as CSV rows, without a database: the documented columns, the header check, and
// the mapping between a row and a StudentInput that the import and the export share. The CSV
// text itself (quoting, delimiters, byte-order mark) is reports/csv/csv.hpp.
#pragma once

#include "core/error.hpp"
#include "reports/csv/csv.hpp"
#include "school/students/student.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sala::students::csv {

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
