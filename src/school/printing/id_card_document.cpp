// See id_card_document.hpp.
#include "school/printing/id_card_document.hpp"

#include <algorithm>

namespace sala::printing {
namespace {

using pdf::Align;
using pdf::Face;
using pdf::mm;
using pdf::TextStyle;

const double kWidth = mm(85.60);
const double kHeight = mm(53.98);
const double kGap = mm(4);  // between cards on a sheet: room for the crop marks
constexpr pdf::Color kBand{0.11, 0.30, 0.55};
constexpr pdf::Color kWhite{1, 1, 1};

void draw_card(pdf::Document& doc, const PrintJob& job, const IdCard& card, double x, double y)
{
    const auto& school = job.letterhead.school;
    doc.box(x, y, kWidth, kHeight, kWhite, pdf::kRule, 0.3);
    // The school's band.
    double band = mm(12);
    doc.box(x, y, kWidth, band, kBand, std::nullopt);
    if (job.letterhead.logo) {
        doc.image(*job.letterhead.logo, x + mm(1.5), y + mm(1.5), band - mm(3), band - mm(3));
    }
    double tx = x + band;
    double tw = kWidth - band - mm(2);
    double ty = y + mm(1);
    if (school.name_kh) {
        ty += doc.text(tx, ty, tw, *school.name_kh,
                       TextStyle{.size = 6.5, .align = Align::center, .color = kWhite, .face = Face::title, .max_lines = 1});
    }
    ty += doc.text(tx, ty, tw, school.name, TextStyle{.size = 6, .bold = true, .align = Align::center, .color = kWhite, .max_lines = 1});
    doc.text(tx, ty, tw, card.kind_kh + " · " + card.kind_en,
             TextStyle{.size = 5.5, .align = Align::center, .color = kWhite, .max_lines = 1});

    // The photo (3 × 4).
    double px = x + mm(3);
    double py = y + band + mm(3);
    double pw = mm(21);
    double ph = mm(28);
    doc.box(px, py, pw, ph, pdf::kShade, pdf::kRule, 0.3);
    if (card.photo) {
        doc.image(*card.photo, px, py, pw, ph);
    }

    // The particulars, beside the photo and left of the QR code.
    double qr = mm(17);
    double cx = px + pw + mm(3);
    double cw = x + kWidth - cx - mm(2);
    double cy = py;
    if (!card.name_kh.empty()) {
        cy += doc.text(cx, cy, cw, card.name_kh, TextStyle{.size = 8.5, .bold = true, .max_lines = 1});
    }
    cy += doc.text(cx, cy, cw, card.name_latin, TextStyle{.size = 7.5, .bold = true, .max_lines = 1}) + mm(1);
    double lines_w = cw - qr - mm(1);
    for (const auto& line : card.lines) {
        cy += doc.text(cx, cy, lines_w, line.label, TextStyle{.size = 5, .color = pdf::kGrey, .max_lines = 1});
        cy += doc.text(cx, cy, lines_w, line.value.empty() ? "—" : line.value, TextStyle{.size = 6.5, .bold = true, .max_lines = 1});
    }
    doc.qr_code(card.verification_url, x + kWidth - qr - mm(2), y + kHeight - qr - mm(2), qr);
}

// Short lines outside each corner, along the card's edges, to cut on.
void crop_marks(pdf::Document& doc, double x, double y)
{
    const double from = mm(0.7);
    const double to = mm(1.9);
    for (double cx : {x, x + kWidth}) {
        for (double cy : {y, y + kHeight}) {
            double sx = cx == x ? -1 : 1;
            double sy = cy == y ? -1 : 1;
            doc.line(cx + sx * from, cy, cx + sx * to, cy, 0.25, pdf::kBlack);
            doc.line(cx, cy + sy * from, cx, cy + sy * to, 0.25, pdf::kBlack);
        }
    }
}

}  // namespace

std::string render_id_card(const IdCard& card, const PrintJob& job)
{
    pdf::PageSetup page{.paper = pdf::Paper::cr80, .orientation = pdf::Orientation::landscape, .margins = {0, 0, 0, 0}};
    pdf::Document doc(page, pdf::DocumentInfo{.title = "ID card", .author = job.letterhead.school.name,
                                               .created = job.created});
    draw_card(doc, job, card, 0, 0);
    return doc.finish();
}

std::string render_id_card_sheets(const std::vector<IdCard>& cards, const PrintJob& job)
{
    auto info = document_info(job, "ID cards");
    info.page_label = nullptr;  // the margins belong to the cutter, not to page numbers
    pdf::Document doc(job.setup.page, std::move(info));
    auto fit = [](double space, double size) { return std::max(1, static_cast<int>((space + kGap) / (size + kGap))); };
    int columns = fit(doc.content_width(), kWidth);
    int rows = fit(doc.bottom() - doc.top(), kHeight);
    double grid_w = columns * kWidth + (columns - 1) * kGap;
    double grid_h = rows * kHeight + (rows - 1) * kGap;
    double x0 = (doc.setup().width() - grid_w) / 2;
    double y0 = (doc.setup().height() - grid_h) / 2;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        auto slot = static_cast<int>(i % static_cast<std::size_t>(columns * rows));
        if (i > 0 && slot == 0) {
            doc.new_page();
        }
        double x = x0 + (slot % columns) * (kWidth + kGap);
        double y = y0 + (slot / columns) * (kHeight + kGap);
        draw_card(doc, job, cards[i], x, y);
        crop_marks(doc, x, y);
    }
    return doc.finish();
}

}  // namespace sala::printing
