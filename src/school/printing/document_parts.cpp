// See document_parts.hpp.
#include "school/printing/document_parts.hpp"

#include "core/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::Face;
using pdf::TextStyle;

std::string upper_ascii(std::string_view text)
{
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

}  // namespace

pdf::DocumentInfo document_info(const PrintJob& job, std::string title)
{
    bool khmer = job.setup.khmer_digits;
    return pdf::DocumentInfo{
        .title = std::move(title),
        .author = job.letterhead.school.name,
        .created = job.created,
        .page_label = [khmer](int page, int pages) {
            auto kh = "ទំព័រ " + std::to_string(page) + "/" + std::to_string(pages);
            if (khmer) {
                kh = pdf::khmer_digits(kh);
            }
            return kh + "  ·  Page " + std::to_string(page) + " of " + std::to_string(pages);
        }};
}

double draw_letterhead(pdf::Document& doc, const PrintJob& job, bool compact)
{
    const auto& school = job.letterhead.school;
    double y = doc.top();
    double logo = compact ? pdf::mm(12) : pdf::mm(20);
    double text_x = doc.left() + logo + pdf::mm(4);
    double text_w = doc.right() - text_x - logo - pdf::mm(4);  // centred between the margins
    if (job.letterhead.logo) {
        doc.image(*job.letterhead.logo, doc.left(), y, logo, logo);
    }
    double h = 0;
    if (school.name_kh) {
        h += doc.text(text_x, y + h, text_w, *school.name_kh,
                      TextStyle{.size = compact ? 10.0 : 13.0, .align = Align::center, .face = Face::title});
    }
    h += doc.text(text_x, y + h, text_w, upper_ascii(school.name),
                  TextStyle{.size = compact ? 9.0 : 11.0, .bold = true, .align = Align::center});
    if (!compact) {
        std::string contact;
        for (const auto& part : {school.address_kh, school.address}) {
            if (part) {
                contact += (contact.empty() ? "" : " · ") + *part;
            }
        }
        if (school.phone) {
            contact += (contact.empty() ? "" : " · ") + ("☎ " + *school.phone);
        }
        if (!contact.empty()) {
            h += doc.text(text_x, y + h, text_w, contact, TextStyle{.size = 7.5, .align = Align::center, .color = pdf::kGrey});
        }
    }
    y += std::max(h, job.letterhead.logo ? logo : 0.0) + pdf::mm(2);
    doc.line(doc.left(), y, doc.right(), y, 0.8);
    return y + pdf::mm(3);
}

double draw_title(pdf::Document& doc, double y, std::string_view khmer, std::string_view english,
                  std::string_view subtitle)
{
    double w = doc.content_width();
    y += doc.text(doc.left(), y, w, khmer, TextStyle{.size = 13, .align = Align::center, .face = Face::title});
    y += doc.text(doc.left(), y, w, english, TextStyle{.size = 11, .bold = true, .align = Align::center});
    if (!subtitle.empty()) {
        y += doc.text(doc.left(), y, w, subtitle, TextStyle{.size = 9, .align = Align::center});
    }
    return y + pdf::mm(3);
}

double draw_signatures(pdf::Document& doc, const PrintJob& job, double y, const std::vector<Signature>& blocks)
{
    if (blocks.empty()) {
        return y;
    }
    double height = pdf::mm(32);
    if (y + height > doc.bottom()) {
        doc.new_page();
        y = doc.top();
    }
    double w = doc.content_width() / static_cast<double>(blocks.size());
    auto day = to_date(job.created);
    TextStyle small{.size = 7.5, .align = Align::center};
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        double x = doc.left() + w * static_cast<double>(i);
        double at = y;
        if (i + 1 == blocks.size()) {
            at += doc.text(x, at, w, date_kh(job, day), small);
        } else {
            at += doc.text(x, at, w, " ", small);
        }
        at += doc.text(x, at, w, blocks[i].role_kh, TextStyle{.size = 9, .align = Align::center, .face = Face::title});
        at += doc.text(x, at, w, blocks[i].role_en, TextStyle{.size = 8, .bold = true, .align = Align::center});
        double line_y = y + height - pdf::mm(7);
        doc.line(x + w * 0.15, line_y, x + w * 0.85, line_y, 0.4, pdf::kRule);
        if (!blocks[i].name.empty()) {
            doc.text(x, line_y + 2, w, blocks[i].name, small);
        }
    }
    return y + height;
}

double draw_fields(pdf::Document& doc, double y, const std::vector<Field>& fields, int columns,
                   std::optional<double> width)
{
    double w = width.value_or(doc.content_width()) / columns;
    double row_height = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto col = static_cast<int>(i % columns);
        double x = doc.left() + w * col;
        auto label = doc.layout(fields[i].label, TextStyle{.size = 8, .color = pdf::kGrey}, w * 0.42);
        auto value = doc.layout(fields[i].value.empty() ? "—" : fields[i].value, TextStyle{.size = 9, .bold = true},
                                w * 0.56);
        doc.draw(label, x, y + 0.8);
        doc.draw(value, x + w * 0.42, y);
        row_height = std::max({row_height, label.height(), value.height()});
        if (col == columns - 1 || i + 1 == fields.size()) {
            y += row_height + 2;
            row_height = 0;
        }
    }
    return y + pdf::mm(2);
}

std::string number(const PrintJob& job, std::optional<double> value, int decimals)
{
    if (!value || !std::isfinite(*value)) {
        return "—";
    }
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, *value);
    return digits(job, text);
}

std::string digits(const PrintJob& job, std::string text)
{
    return job.setup.khmer_digits ? pdf::khmer_digits(text) : text;
}

std::string date_en(Date d)
{
    std::chrono::year_month_day ymd{d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           std::string(month_name_en(static_cast<unsigned>(ymd.month()))) + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string date_kh(const PrintJob& job, Date d)
{
    std::chrono::year_month_day ymd{d};
    return digits(job, "ថ្ងៃទី" + std::to_string(static_cast<unsigned>(ymd.day())) + " ខែ" +
                           std::string(month_name_kh(static_cast<unsigned>(ymd.month()))) + " ឆ្នាំ" +
                           std::to_string(static_cast<int>(ymd.year())));
}

std::string period_name(const PrintJob& job, std::string_view khmer, std::string_view english)
{
    if (khmer.empty() || khmer == english) {
        return digits(job, std::string(english));
    }
    return digits(job, std::string(khmer)) + "  ·  " + std::string(english);
}

std::string principal_name(const PrintJob& job)
{
    const auto& school = job.letterhead.school;
    return school.principal_kh.value_or(school.principal.value_or(""));
}

std::string latin_name(std::string_view first, std::string_view last)
{
    return upper_ascii(last) + " " + std::string(first);
}

std::string khmer_name(const std::optional<std::string>& first, const std::optional<std::string>& last)
{
    std::string out = last.value_or("");
    if (first) {
        out += (out.empty() ? "" : " ") + *first;
    }
    return out;
}

std::string both_names(const std::optional<std::string>& first_kh, const std::optional<std::string>& last_kh,
                       std::string_view first, std::string_view last)
{
    auto kh = khmer_name(first_kh, last_kh);
    return kh.empty() ? latin_name(first, last) : kh + "\n" + latin_name(first, last);
}

std::string gender_label(std::string_view gender)
{
    if (gender == "M") {
        return "ប្រុស M";
    }
    if (gender == "F") {
        return "ស្រី F";
    }
    return std::string(gender);
}

}  // namespace sala::printing
