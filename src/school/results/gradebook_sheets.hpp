// The gradebook as a spreadsheet: a sheet of the students with each subject's result, the average,
// letter and rank (results and averages as numbers shown with two decimals), and a sheet of the
// class statistics by gender.
#pragma once

#include "reports/xlsx/xlsx.hpp"
#include "school/results/results_views.hpp"

#include <vector>

namespace sala::results {

[[nodiscard]] std::vector<xlsx::Sheet> gradebook_sheets(const GradebookView& book);

}  // namespace sala::results
