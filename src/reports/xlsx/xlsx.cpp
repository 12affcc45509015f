// See xlsx.hpp. libxlsxwriter (1.1) writes only to a named file, so the workbook goes to a unique
// temporary file that is read back and removed. Workbooks on different threads share nothing but
// the gmtime() buffer libxlsxwriter stamps the document's dates with.
#include "reports/xlsx/xlsx.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <utility>
#include <xlsxwriter.h>

namespace sala::xlsx {
namespace {

constexpr std::string_view kForbiddenInSheetName = "[]:*?/\\";
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;

void check(lxw_error error, std::string_view what)
{
    if (error != LXW_NO_ERROR) {
        throw Failure("xlsx: " + std::string(what) + ": " + lxw_strerror(error));
    }
}

// The characters a number takes once shown in its format (for the column width).
std::size_t shown_length(double value, std::string_view format)
{
    if (format.find('y') != std::string_view::npos || format.find('d') != std::string_view::npos) {
        return format.size();  // a date, as long as its pattern
    }
    char buffer[64];
    std::to_chars_result written{};
    if (format.empty()) {
        written = std::to_chars(buffer, buffer + sizeof buffer, value);
    } else {
        auto dot = format.find('.');
        int decimals = 0;
        for (auto i = dot == std::string_view::npos ? format.size() : dot + 1;
             i < format.size() && (format[i] == '0' || format[i] == '#'); ++i) {
            ++decimals;
        }
        written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    }
    return written.ec == std::errc{} ? static_cast<std::size_t>(written.ptr - buffer) : 15;
}

// A unique empty file in `dir` for the workbook.
std::filesystem::path unique_file(const std::filesystem::path& dir)
{
    std::string pattern = (dir / "sala-XXXXXX.xlsx").string();
    int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) {
        throw Failure("xlsx: cannot create a temporary file in " + dir.string());
    }
    ::close(fd);
    return pattern;
}

}  // namespace

std::string sheet_name(std::string_view wanted, std::string_view fallback)
{
    std::string out;
    std::size_t length = 0;  // in UTF-16 units, as Excel counts
    for (std::size_t i = 0; i < wanted.size();) {
        auto lead = static_cast<unsigned char>(wanted[i]);
        std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        n = std::min(n, wanted.size() - i);
        auto piece = wanted.substr(i, n);
        i += n;
        bool control = n == 1 && (lead < 0x20 || lead == 0x7F);
        if (control || (n == 1 && kForbiddenInSheetName.find(piece[0]) != std::string_view::npos)) {
            continue;
        }
        std::size_t units = n == 4 ? 2 : 1;
        if (length + units > kMaxSheetName) {
            break;
        }
        out += piece;
        length += units;
    }
    // No apostrophe or space at either end.
    auto first = out.find_first_not_of("' ");
    if (first == std::string::npos) {
        return std::string(fallback);
    }
    out = out.substr(first, out.find_last_not_of("' ") - first + 1);
    return ascii_lowered(out) == "history" ? std::string(fallback) : out;  // a name Excel reserves
}

double serial_date(Date date)
{
    constexpr Date kEpoch{std::chrono::year{1899} / 12 / 30};
    return static_cast<double>((date - kEpoch).count());
}

struct Workbook::State {
    std::string temp_dir;
    std::filesystem::path file;
    lxw_workbook* book = nullptr;  // until closed
    lxw_format* header = nullptr;
    // The current sheet.
    lxw_worksheet* sheet = nullptr;
    std::vector<Column> columns;
    std::vector<lxw_format*> formats;  // of number cells, by column (null: General)
    std::vector<std::size_t> widest;   // characters, by column
    lxw_row_t next_row = 0;

    ~State()
    {
        if (book != nullptr) {
            lxw_workbook_free(book);  // never closed: nothing is written
        }
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
    }

    // Sizes the current sheet's columns to what they hold.
    void size_columns()
    {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            double fitted = std::min(static_cast<double>(widest[c] + 2), kMaxWidth);
            auto col = static_cast<lxw_col_t>(c);
            check(worksheet_set_column(sheet, col, col, columns[c].width.value_or(fitted), nullptr), "column width");
        }
    }
};

Workbook::Workbook(std::filesystem::path temp_dir) : state_(std::make_unique<State>())
{
    if (temp_dir.empty()) {
        temp_dir = std::filesystem::temp_directory_path();
    }
    state_->temp_dir = temp_dir.string();
    state_->file = unique_file(temp_dir);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = state_->temp_dir.data();
    state_->book = workbook_new_opt(state_->file.c_str(), &options);
    if (state_->book == nullptr) {
        throw Failure("xlsx: cannot start a workbook");
    }
    state_->header = workbook_add_format(state_->book);
    format_set_bold(state_->header);
    format_set_bg_color(state_->header, kHeaderFill);
    format_set_border(state_->header, LXW_BORDER_THIN);
}

Workbook::~Workbook() = default;

void Workbook::add_sheet(const SheetSpec& spec)
{
    auto& s = *state_;
    if (s.sheet != nullptr) {
        s.size_columns();
    }
    s.sheet = workbook_add_worksheet(s.book, spec.name.c_str());
    if (s.sheet == nullptr) {
        throw Failure("xlsx: not a sheet name Excel accepts: " + spec.name);
    }
    s.columns = spec.columns;
    s.formats.assign(spec.columns.size(), nullptr);
    s.widest.assign(spec.columns.size(), 0);
    s.next_row = 1;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        const auto& column = spec.columns[c];
        if (!column.number_format.empty()) {
            s.formats[c] = workbook_add_format(s.book);
            format_set_num_format(s.formats[c], column.number_format.c_str());
        }
        s.widest[c] = utf8_length(column.header) + 1;  // bold
        check(worksheet_write_string(s.sheet, 0, static_cast<lxw_col_t>(c), column.header.c_str(), s.header), "header");
    }
    worksheet_freeze_panes(s.sheet, 1, static_cast<lxw_col_t>(spec.frozen_columns));
}

void Workbook::add_row(std::span<const Cell> cells)
{
    auto& s = *state_;
    if (s.sheet == nullptr || cells.size() > s.columns.size()) {
        throw Failure("xlsx: a row with more cells than its sheet has columns");
    }
    const auto row = s.next_row++;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        std::size_t shown = 0;
        if (const auto* text = std::get_if<std::string>(&cells[c])) {
            if (text->empty()) {
                continue;
            }
            check(worksheet_write_string(s.sheet, row, col, text->c_str(), nullptr), "text cell");
            shown = utf8_length(*text);
        } else if (const auto* number = std::get_if<double>(&cells[c])) {
            if (!std::isfinite(*number)) {
                throw Failure("xlsx: a number cell that is not finite");
            }
            check(worksheet_write_number(s.sheet, row, col, *number, s.formats[c]), "number cell");
            shown = shown_length(*number, s.columns[c].number_format);
        } else if (const auto* flag = std::get_if<bool>(&cells[c])) {
            check(worksheet_write_boolean(s.sheet, row, col, *flag ? 1 : 0, nullptr), "boolean cell");
            shown = 5;
        }
        s.widest[c] = std::max(s.widest[c], shown);
    }
}

std::string Workbook::finish()
{
    auto& s = *state_;
    if (s.sheet != nullptr) {
        s.size_columns();
    }
    auto* book = std::exchange(s.book, nullptr);
    check(workbook_close(book), "closing the workbook");
    std::ifstream in(s.file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        throw Failure("xlsx: cannot read back " + s.file.string());
    }
    return bytes;
}

std::string render(std::span<const Sheet> sheets, const std::filesystem::path& temp_dir)
{
    Workbook book(temp_dir);
    for (const auto& sheet : sheets) {
        book.add_sheet(sheet.spec);
        for (const auto& row : sheet.rows) {
            book.add_row(row);
        }
    }
    return book.finish();
}

}  // namespace sala::xlsx
