// The report card: one student's results for a month, a semester or the year, with average,
// letter, rank, attendance and signatures. Many cards make one PDF, each numbered on its own.
#pragma once

#include "school/printing/document_parts.hpp"
#include "school/results/results_views.hpp"

#include <string>
#include <vector>

namespace sala::printing {

struct CardPeriod {
    const results::ReportCardView* card = nullptr;
    const results::ReportPeriod* period = nullptr;  // one of the card's months, semesters, or its year
};

[[nodiscard]] std::string render_report_cards(const std::vector<CardPeriod>& cards, const PrintJob& job);

}  // namespace sala::printing
