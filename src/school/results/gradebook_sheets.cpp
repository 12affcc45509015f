// See gradebook_sheets.hpp.
#include "school/results/gradebook_sheets.hpp"

#include "school/enrollments/student_columns.hpp"

namespace sala::results {
namespace {

constexpr std::string_view kTwoDecimals = "0.00";

xlsx::Sheet students_sheet(const GradebookView& book)
{
    xlsx::Sheet sheet{{"Gradebook", enrollments::student_columns(), enrollments::kStudentColumnsInView}, {}};
    auto& columns = sheet.spec.columns;
    for (const auto& subject : book.subjects) {
        columns.push_back({subject.name, std::string(kTwoDecimals), std::nullopt});
    }
    columns.push_back({"Average", std::string(kTwoDecimals), std::nullopt});
    columns.push_back({"Grade", {}, std::nullopt});
    columns.push_back({"Rank", "0", std::nullopt});
    for (const auto& s : book.students) {
        auto cells = enrollments::student_cells(s);
        for (const auto& result : s.results) {
            cells.push_back(xlsx::optional_cell(result.result));
        }
        cells.push_back(xlsx::optional_cell(s.average));
        cells.push_back(xlsx::optional_cell(s.grade));
        cells.push_back(xlsx::optional_cell(s.rank));
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

xlsx::Sheet statistics_sheet(const StatisticsView& stats)
{
    xlsx::Sheet sheet{{"Statistics",
                       {{"Group", {}, {}},
                        {"Students", "0", {}},
                        {"With an average", "0", {}},
                        {"Mean", std::string(kTwoDecimals), {}},
                        {"Passed", "0", {}},
                        {"Pass rate (%)", std::string(kTwoDecimals), {}}},
                       1},
                      {}};
    for (const auto& letter : stats.all.letters) {
        sheet.spec.columns.push_back({"Letter " + letter.letter, "0", std::nullopt});
    }
    for (const auto& [name, group] : {std::pair{"All", &stats.all}, {"Male", &stats.male}, {"Female", &stats.female}}) {
        std::vector<xlsx::Cell> cells{std::string(name),
                                      static_cast<double>(group->students),
                                      static_cast<double>(group->with_average),
                                      xlsx::optional_cell(group->mean),
                                      static_cast<double>(group->passed),
                                      xlsx::optional_cell(group->pass_rate)};
        for (const auto& letter : group->letters) {
            cells.emplace_back(static_cast<double>(letter.count));
        }
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

}  // namespace

std::vector<xlsx::Sheet> gradebook_sheets(const GradebookView& book)
{
    return {students_sheet(book), statistics_sheet(book.statistics)};
}

}  // namespace sala::results
