// The parts every printed document shares: the school's letterhead (logo, names in Khmer and
// English, address), bilingual titles, signature blocks, the page footer, and numbers written
// the way the request asked (two decimals, optionally in Khmer digits).
#pragma once

#include "reports/pdf/document.hpp"
#include "reports/pdf/image.hpp"
#include "school/printing/print_options.hpp"
#include "school/settings/school_settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sala::printing {

// Who the document comes from, loaded once per request.
struct Letterhead {
    settings::SchoolSettings school;
    std::optional<pdf::Image> logo;
};

// Everything a renderer needs besides its data.
struct PrintJob {
    Letterhead letterhead;
    PrintSetup setup;
    TimePoint created;  // also the date printed on the document
};

// A document with the job's page, metadata and "ទំព័រ X/Y · Page X of Y" footers.
[[nodiscard]] pdf::DocumentInfo document_info(const PrintJob& job, std::string title);

// Draws the letterhead from the top margin; returns the y below it. `compact` for landscape
// tables and cards: one line of names beside the logo.
double draw_letterhead(pdf::Document& doc, const PrintJob& job, bool compact = false);
// The document's title in Khmer (formal face) over English, centred; returns the y below.
double draw_title(pdf::Document& doc, double y, std::string_view khmer, std::string_view english,
                  std::string_view subtitle = {});

struct Signature {
    std::string role_kh;
    std::string role_en;
    std::string name;  // printed under the line when known
};
// Signature blocks side by side across the width, with the place and date above the last one;
// moves to a new page when they do not fit. Returns the y below.
double draw_signatures(pdf::Document& doc, const PrintJob& job, double y, const std::vector<Signature>& blocks);

// Label/value pairs in two columns ("ឈ្មោះ Name: …"), for a student's particulars; returns the y below.
struct Field {
    std::string label;
    std::string value;
};
// `width`: of the block from the left margin (default: the content width).
double draw_fields(pdf::Document& doc, double y, const std::vector<Field>& fields, int columns = 2,
                   std::optional<double> width = std::nullopt);

// A number for print: two decimals at most, trailing zeros kept ("85.50"), in Khmer digits when asked.
[[nodiscard]] std::string number(const PrintJob& job, std::optional<double> value, int decimals = 2);
[[nodiscard]] std::string digits(const PrintJob& job, std::string text);
// "14 November 2026" and "ថ្ងៃទី១៤ ខែវិច្ឆិកា ឆ្នាំ២០២៦".
[[nodiscard]] std::string date_en(Date d);
[[nodiscard]] std::string date_kh(const PrintJob& job, Date d);
// A period's name as printed: "វិច្ឆិកា 2026 · November 2026", once when both names are the same.
[[nodiscard]] std::string period_name(const PrintJob& job, std::string_view khmer, std::string_view english);
// The principal's name for a signature block (Khmer when known), or empty.
[[nodiscard]] std::string principal_name(const PrintJob& job);
// A person's name as printed: "LAST First" in Latin, Khmer names as given.
[[nodiscard]] std::string latin_name(std::string_view first, std::string_view last);
[[nodiscard]] std::string khmer_name(const std::optional<std::string>& first, const std::optional<std::string>& last);
// The Khmer name over the Latin one, or the Latin one alone (a table cell's two lines).
[[nodiscard]] std::string both_names(const std::optional<std::string>& first_kh, const std::optional<std::string>& last_kh,
                                     std::string_view first, std::string_view last);
[[nodiscard]] std::string gender_label(std::string_view gender);  // "ប្រុស M", "ស្រី F"

}  // namespace sala::printing
