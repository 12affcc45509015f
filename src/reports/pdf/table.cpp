// See table.hpp.
#include "reports/pdf/table.hpp"

#include <algorithm>

namespace sala::pdf {
namespace {

constexpr Color kStripe{0.97, 0.97, 0.98};

struct Row {
    std::vector<TextBlock> cells;
    double height = 0;
};

Row lay_out_row(Document& doc, const Table& table, const std::vector<double>& widths,
                const std::vector<std::string>* texts, bool header)
{
    const auto& style = table.style;
    Row row;
    row.cells.reserve(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& column = table.columns[c];
        TextStyle s = header ? style.header : style.body;
        if (!header) {
            s.align = column.align;
            s.bold = column.bold;
        }
        const std::string& text = header ? column.title : (c < texts->size() ? (*texts)[c] : std::string());
        row.cells.push_back(doc.layout(text, s, std::max(1.0, widths[c] - 2 * style.padding)));
        row.height = std::max(row.height, row.cells.back().height());
    }
    row.height += 2 * style.padding;
    return row;
}

void draw_row(Document& doc, const Table& table, const std::vector<double>& widths, const Row& row, double y,
              std::optional<Color> fill)
{
    const auto& style = table.style;
    double x = doc.left();
    double total = doc.content_width();
    if (fill) {
        doc.box(x, y, total, row.height, fill, std::nullopt);
    }
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        // Text sits at the vertical middle of the cell.
        double dy = (row.height - row.cells[c].height()) / 2;
        doc.draw(row.cells[c], x + style.padding, y + dy);
        x += widths[c];
    }
}

void draw_grid(Document& doc, const Table& table, const std::vector<double>& widths, double top, double bottom)
{
    const auto& rule = table.style.rule;
    double x = doc.left();
    doc.line(x, top, x, bottom, 0.4, rule);
    for (double w : widths) {
        x += w;
        doc.line(x, top, x, bottom, 0.4, rule);
    }
}

}  // namespace

double draw_table(Document& doc, const Table& table, double y, const std::function<double()>& continue_page)
{
    double weights = 0;
    for (const auto& c : table.columns) {
        weights += c.weight;
    }
    std::vector<double> widths;
    for (const auto& c : table.columns) {
        widths.push_back(doc.content_width() * c.weight / weights);
    }
    const auto header = lay_out_row(doc, table, widths, nullptr, true);
    const auto& rule = table.style.rule;

    double page_top = y;
    auto start_part = [&](double at) {
        page_top = at;
        draw_row(doc, table, widths, header, at, table.style.header_fill);
        doc.line(doc.left(), at, doc.right(), at, 0.4, rule);
        doc.line(doc.left(), at + header.height, doc.right(), at + header.height, 0.4, rule);
        return at + header.height;
    };
    auto end_part = [&](double at) { draw_grid(doc, table, widths, page_top, at); };

    // A header with no room for a row under it goes to the next page with the rows.
    if (!table.rows.empty() && y + header.height * 2 > doc.bottom()) {
        doc.new_page();
        y = continue_page ? continue_page() : doc.top();
    }
    y = start_part(y);
    bool at_part_top = true;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        auto row = lay_out_row(doc, table, widths, &table.rows[i], false);
        if (y + row.height > doc.bottom() && !at_part_top) {
            end_part(y);
            doc.new_page();
            y = start_part(continue_page ? continue_page() : doc.top());
        }
        std::optional<Color> fill;
        if (table.style.stripes && i % 2 == 1) {
            fill = kStripe;
        }
        draw_row(doc, table, widths, row, y, fill);
        y += row.height;
        doc.line(doc.left(), y, doc.right(), y, 0.4, rule);
        at_part_top = false;
    }
    end_part(y);
    return y;
}

}  // namespace sala::pdf
