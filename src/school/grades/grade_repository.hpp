// SQL access for grades: no rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "db/database.hpp"
#include "school/grades/grade.hpp"

#include <optional>
#include <span>

namespace sala::grades::repo {

[[nodiscard]] std::optional<Grade> find(db::Connection& c, std::int64_t grade_id);
// These grades with their related data, in id order: one query.
[[nodiscard]] std::vector<Grade> find_many(db::Connection& c, std::span<const std::int64_t> grade_ids);
// A page with related data: two queries (count, page).
[[nodiscard]] GradePage list(db::Connection& c, const GradeFilter& filter);

struct Row {
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string grade_type;
    double score = 0;
    double max_score = 0;
    Date grade_date;
    std::optional<std::string> comments;
    std::int64_t recorded_by = 0;
};
[[nodiscard]] std::int64_t insert(db::Connection& c, const Row& row, TimePoint now);
// False when If-Match's version (if any) does not match.
[[nodiscard]] bool update(db::Connection& c, std::int64_t grade_id, const Row& row,
                          std::optional<std::int64_t> required_version, TimePoint now);
[[nodiscard]] bool remove(db::Connection& c, std::int64_t grade_id, std::optional<std::int64_t> required_version);

}  // namespace sala::grades::repo
