// Tables that break across pages: columns share the content width by weight, each row is as tall
// as its tallest cell, and the header row is drawn again at the top of every page the table
// continues on.
#pragma once

#include "reports/pdf/document.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sala::pdf {

struct Column {
    std::string title;  // may hold a line break ("ឈ្មោះ\nName")
    double weight = 1;  // share of the table's width
    Align align = Align::left;
    bool bold = false;
};

struct TableStyle {
    TextStyle header{.size = 7.5, .bold = true, .align = Align::center};
    TextStyle body{.size = 8};
    double padding = 2.5;  // points inside each cell
    Color header_fill = kShade;
    Color rule = kRule;
    bool stripes = true;  // every other row shaded lightly
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  // one string per column
    TableStyle style;
};

// Draws the table from `y` down and returns the y below it. When a row does not fit above the
// bottom margin, a new page starts; `continue_page` (if given) draws that page's running header
// and returns where the table goes on, otherwise it goes on at the top margin.
double draw_table(Document& doc, const Table& table, double y, const std::function<double()>& continue_page = {});

}  // namespace sala::pdf
