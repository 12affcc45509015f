// The columns that name a student in a class's spreadsheets (the gradebook, the monthly register):
// code, Latin and Khmer names and gender, the code and Latin names first so they stay in view.
#pragma once

#include "reports/xlsx/xlsx.hpp"

#include <string>
#include <vector>

namespace sala::enrollments {

inline constexpr std::size_t kStudentColumnsInView = 3;

inline std::vector<xlsx::Column> student_columns()
{
    return {{"Student code", {}, {}},      {"Last name", {}, {}},          {"First name", {}, {}},
            {"Last name (Khmer)", {}, {}}, {"First name (Khmer)", {}, {}}, {"Gender", {}, {}}};
}

// The cells of those columns for any row with a student's fields (a gradebook or register row).
template <class Row>
std::vector<xlsx::Cell> student_cells(const Row& r)
{
    return {r.student_code,
            r.last_name,
            r.first_name,
            xlsx::optional_cell(r.last_name_kh),
            xlsx::optional_cell(r.first_name_kh),
            r.gender};
}

}  // namespace sala::enrollments
