// SQL access for ID cards: what a card shows about each student, in one query for any number of
// students. No rules, no HTTP.
#pragma once

#include "db/database.hpp"
#include "school/enrollments/enrollment.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sala::printing::repo {

struct CardStudent {
    enrollments::StudentSummary student;
    std::optional<std::int64_t> photo_file_id;
    std::optional<std::string> course_name;  // of the active enrollment, if any
    std::optional<std::string> school_year_name;
};

// By name; ids that name no student are left out.
[[nodiscard]] std::vector<CardStudent> card_students(db::Connection& c, std::span<const std::int64_t> student_ids);
// The students actively enrolled in the course, by name.
[[nodiscard]] std::vector<CardStudent> course_card_students(db::Connection& c, std::int64_t course_id);

}  // namespace sala::printing::repo
