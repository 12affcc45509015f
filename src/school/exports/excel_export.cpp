// See excel_export.hpp.
#include "school/exports/excel_export.hpp"

#include "core/validation.hpp"
#include "reports/xlsx/xlsx.hpp"

#include <boost/json/serialize.hpp>

#include <cmath>
#include <set>
#include <unordered_map>

namespace sala::exports {
namespace {

namespace bj = boost::json;

// Excel's largest number; anything beyond is not a number it can store.
constexpr double kMaxNumber = 9.99999999999999e307;
// Integers up to this are exact in a spreadsheet's (double) numbers.
constexpr std::uint64_t kMaxExactInteger = 1ULL << 53;

std::string index_path(const std::string& base, std::size_t index)
{
    return base + "[" + std::to_string(index) + "]";
}

void check_headers(FieldErrors& errors, const std::vector<std::string>& headers)
{
    if (headers.empty()) {
        errors.add("headers", "REQUIRED");
    } else if (headers.size() > kMaxColumns) {
        errors.add("headers", "TOO_MANY", {{"max", std::to_string(kMaxColumns)}});
        return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        auto field = index_path("headers", i);
        if (trimmed(headers[i]).empty()) {
            errors.add(field, "REQUIRED");
        } else if (utf8_length(headers[i]) > kMaxHeader) {
            errors.add(field, "TOO_LONG", {{"max", std::to_string(kMaxHeader)}});
        } else if (!seen.insert(headers[i]).second) {
            errors.add(field, "DUPLICATE");
        }
    }
}

// The cell a JSON value means, or a field error when it cannot be one.
xlsx::Cell cell_of(const bj::value& v, const std::string& field, FieldErrors& errors)
{
    switch (v.kind()) {
    case bj::kind::null: return std::monostate{};
    case bj::kind::bool_: return v.get_bool();
    case bj::kind::string: {
        std::string text(v.get_string());
        if (utf8_length(text) > xlsx::kMaxCellText) {
            errors.add(field, "TOO_LONG", {{"max", std::to_string(xlsx::kMaxCellText)}});
        }
        return text;
    }
    case bj::kind::int64:
    case bj::kind::uint64: {
        constexpr auto kLimit = static_cast<std::int64_t>(kMaxExactInteger);
        bool exact = v.is_uint64() ? v.get_uint64() <= kMaxExactInteger
                                   : v.get_int64() >= -kLimit && v.get_int64() <= kLimit;
        return exact ? xlsx::Cell(v.to_number<double>()) : xlsx::Cell(bj::serialize(v));
    }
    case bj::kind::double_:
        if (!(std::abs(v.get_double()) <= kMaxNumber)) {
            errors.add(field, "OUT_OF_RANGE", {{"min", "-9.99999999999999E+307"}, {"max", "9.99999999999999E+307"}});
        }
        return v.get_double();
    default:
        errors.add(field, "INVALID_TYPE", {{"expected", "string, number, boolean or null"}});
        return std::monostate{};
    }
}

// The cells of row `r`, one per header.
std::vector<xlsx::Cell> row_of(const bj::value& row, std::size_t r, const std::vector<std::string>& headers,
                               const std::unordered_map<std::string_view, std::size_t>& column_of, FieldErrors& errors)
{
    std::vector<xlsx::Cell> cells(headers.size());
    auto field = index_path("data", r);
    if (const auto* values = row.if_array()) {
        if (values->size() > headers.size()) {
            errors.add(field, "TOO_MANY", {{"max", std::to_string(headers.size())}});
            return cells;
        }
        for (std::size_t c = 0; c < values->size(); ++c) {
            cells[c] = cell_of((*values)[c], index_path(field, c), errors);
        }
    } else if (const auto* object = row.if_object()) {
        for (const auto& [key, value] : *object) {
            auto at = column_of.find(std::string_view(key));
            if (at == column_of.end()) {
                errors.add(field + "." + std::string(key), "UNKNOWN_FIELD");
                continue;
            }
            cells[at->second] = cell_of(value, field + "." + std::string(key), errors);
        }
    } else {
        errors.add(field, "INVALID_TYPE", {{"expected", "object or array"}});
    }
    return cells;
}

}  // namespace

Result<ExcelFile> render_excel(const ExcelRequest& request)
{
    FieldErrors errors;
    check_headers(errors, request.headers);
    if (request.data.size() > kMaxRows) {
        errors.add("data", "TOO_MANY", {{"max", std::to_string(kMaxRows)}});
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    std::unordered_map<std::string_view, std::size_t> column_of;
    std::vector<xlsx::Column> columns;
    for (std::size_t c = 0; c < request.headers.size(); ++c) {
        column_of.emplace(request.headers[c], c);
        columns.push_back(xlsx::Column{request.headers[c], {}, std::nullopt});
    }
    // Every row is checked before the sheet is begun, then made into cells again as it is
    // written: a row's cells at a time, never the whole table's.
    for (std::size_t r = 0; r < request.data.size() && errors.list().size() < kMaxErrors; ++r) {
        row_of(request.data[r], r, request.headers, column_of, errors);
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    ExcelFile file{{}, xlsx::sheet_name(request.sheet_name.value_or("")), request.data.size()};
    xlsx::Workbook book;
    book.add_sheet(xlsx::SheetSpec{file.sheet_name, std::move(columns), 0});
    for (std::size_t r = 0; r < request.data.size(); ++r) {
        book.add_row(row_of(request.data[r], r, request.headers, column_of, errors));
    }
    file.bytes = book.finish();
    return file;
}

}  // namespace sala::exports
