// The CSV import of student records into the database (student_export.hpp is the export it
// inverts): every row is checked before anything is written, the real run writes all rows in one
// transaction or none, unchanged rows are skipped and guardians are matched by name and phone.
// Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/students/student_service.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sala::students {

// One problem of one row. Rows are numbered as the records after the header: row 1 is the first
// record under the header (a spreadsheet's line 2); blank records are skipped but keep their number.
struct ImportError {
    std::size_t row = 0;
    std::string column;  // a documented column; empty when the row as a whole is wrong
    std::string code;    // REQUIRED, NOT_A_DATE, DUPLICATE_ROW …
    std::string message_key;
    MessageArgs args;
};

struct ImportReport {
    bool dry_run = false;
    std::size_t rows = 0;       // data rows (blank ones not counted)
    std::size_t created = 0;    // a dry run counts what the real run would do
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::vector<ImportError> errors;
};

inline constexpr std::size_t kImportProgressEvery = 500;

struct ImportOptions {
    bool dry_run = false;
    // Called every kImportProgressEvery rows and once at the end of each stage ("checked",
    // "saved"), from the thread that runs the import.
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

class StudentImport {
public:
    StudentImport(db::Database& db, StudentService& students, const Clock& clock)
        : db_(db), students_(students), clock_(clock)
    {
    }

    // A file that is not the documented CSV (not UTF-8, empty, a quote never closed, a header with
    // unknown, repeated or missing required columns) is one validation error. The problems of rows
    // are in the report; the real run writes nothing unless there are none.
    [[nodiscard]] Result<ImportReport> run(std::string_view text, const ImportOptions& options);

private:
    db::Database& db_;
    StudentService& students_;
    const Clock& clock_;
};

}  // namespace sala::students
