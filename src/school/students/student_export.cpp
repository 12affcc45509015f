// See student_export.hpp. Both formats take the rows the CSV export has always written
// (student_csv.hpp's row_of_stored), so their columns never drift apart.
#include "school/students/student_export.hpp"

#include "reports/xlsx/xlsx.hpp"
#include "school/students/student_csv.hpp"
#include "school/students/student_repository.hpp"

#include <charconv>

namespace sala::students {
namespace {

constexpr std::size_t kExportBatch = 500;

// Calls `each` with every student of the export, in order; gives how many there were.
template <class Each>
std::size_t for_each_student(db::Database& db, const std::optional<std::string>& status, Each each)
{
    StudentFilter filter;
    filter.status = status;
    filter.order = {SortKey{"s.student_code", false}, SortKey{"s.student_id", false}};
    filter.limit = static_cast<std::int64_t>(kExportBatch);
    filter.count_total = false;
    std::size_t count = 0;
    auto lease = db.read();
    for (;;) {
        auto page = repo::list(*lease, filter);
        for (const auto& record : page.records) {
            each(record);
        }
        count += page.records.size();
        if (!page.more) {
            return count;
        }
        filter.after = std::move(page.last_key);
    }
}

enum class Kind { text, date, whole, amount, boolean };

Kind kind_of(std::size_t c)
{
    using csv::column;
    if (c == column("dateOfBirth") || c == column("enrollmentDate") || c == column("graduationDate")) {
        return Kind::date;
    }
    if (c == column("familySize")) {
        return Kind::whole;
    }
    if (c == column("monthlyIncome")) {
        return Kind::amount;
    }
    return c == column("hasPovertyCard") ? Kind::boolean : Kind::text;
}

std::vector<xlsx::Column> sheet_columns()
{
    std::vector<xlsx::Column> out;
    for (std::size_t c = 0; c < csv::kColumnCount; ++c) {
        std::string format;
        switch (kind_of(c)) {
        case Kind::date: format = "yyyy-mm-dd"; break;
        case Kind::whole: format = "0"; break;
        case Kind::amount: format = "0.00"; break;
        default: break;
        }
        out.push_back(xlsx::Column{std::string(csv::kColumns[c]), std::move(format), std::nullopt});
    }
    return out;
}

// A cell of the CSV row as a typed cell (a value its column cannot hold stays text).
xlsx::Cell typed(std::string cell, Kind kind)
{
    if (cell.empty()) {
        return std::monostate{};
    }
    switch (kind) {
    case Kind::date:
        if (auto date = parse_date(cell)) {
            return xlsx::serial_date(*date);
        }
        break;
    case Kind::whole:
    case Kind::amount: {
        double value = 0;
        auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
        if (ec == std::errc{} && end == cell.data() + cell.size()) {
            return value;
        }
        break;
    }
    case Kind::boolean: return cell == "true";
    case Kind::text: break;
    }
    return cell;
}

}  // namespace

ExportedFile export_csv(db::Database& db, const std::optional<std::string>& status)
{
    ExportedFile out{std::string(sala::csv::kBom) + csv::header_line(), 0};
    out.rows =
        for_each_student(db, status, [&](const StudentRecord& record) { csv::append_student(out.bytes, record); });
    return out;
}

ExportedFile export_xlsx(db::Database& db, const std::optional<std::string>& status)
{
    xlsx::Workbook book;
    // Code and names stay in view.
    book.add_sheet(xlsx::SheetSpec{"Students", sheet_columns(), 3});
    std::vector<xlsx::Cell> cells(csv::kColumnCount);
    auto rows = for_each_student(db, status, [&](const StudentRecord& record) {
        auto row = csv::row_of_stored(record);
        for (std::size_t c = 0; c < csv::kColumnCount; ++c) {
            cells[c] = typed(std::move(row[c]), kind_of(c));
        }
        book.add_row(cells);
    });
    return ExportedFile{book.finish(), rows};
}

}  // namespace sala::students
