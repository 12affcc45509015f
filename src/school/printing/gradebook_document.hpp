// A course's results on paper: the gradebook (students × subjects, landscape) and the grade
// report (students by rank with average, letter and result), each with the class statistics by
// gender, for a month, a semester or the year.
#pragma once

#include "school/printing/document_parts.hpp"
#include "school/results/results_views.hpp"

#include <string>

namespace sala::printing {

[[nodiscard]] std::string render_gradebook(const results::GradebookView& book, const PrintJob& job);
[[nodiscard]] std::string render_grade_report(const results::GradebookView& book, const PrintJob& job);

}  // namespace sala::printing
