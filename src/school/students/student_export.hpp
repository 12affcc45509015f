// The export of student records: every student (of one status, when given), ordered by student
// code, in the documented columns, as the CSV the import reads or as a spreadsheet. Pages of 500
// students, a fixed number of queries each. Blocking (SQL): run on a worker pool.
#pragma once

#include "db/database.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace sala::students {

struct ExportedFile {
    std::string bytes;
    std::size_t rows = 0;  // students
};

// UTF-8 with a byte-order mark, comma-delimited, CRLF, formulas shielded (what the import reads).
[[nodiscard]] ExportedFile export_csv(db::Database& db, const std::optional<std::string>& status);

// One sheet with the CSV's header and columns; dates, numbers and booleans as typed cells (dates
// shown YYYY-MM-DD), text as text cells (never a formula, so unshielded).
[[nodiscard]] ExportedFile export_xlsx(db::Database& db, const std::optional<std::string>& status);

}  // namespace sala::students
