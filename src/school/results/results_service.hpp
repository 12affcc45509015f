// Results for people to read: a course's gradebook for a month, semester or the year; a
// student's report card for a school year; the learning-quality figures of the school. Each loads
// its data in a fixed number of queries and computes through grading::compute_period. Teachers
// see only the courses they teach and those courses' students. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/results/results_views.hpp"

namespace sala::results {

class ResultsService {
public:
    explicit ResultsService(db::Database& db) : db_(db) {}

    // `month` ("2026-11") or else `semester_id` chooses the period; neither: the school year.
    [[nodiscard]] Result<GradebookView> gradebook(std::int64_t course_id, std::optional<std::int64_t> semester_id,
                                                  std::optional<std::string> month, const Principal& reader);
    // The student's course in the year (default: the current year).
    [[nodiscard]] Result<ReportCardView> report_card(std::int64_t student_id,
                                                     std::optional<std::int64_t> school_year_id,
                                                     const Principal& reader);
    // Every card of a course's roster (active and completed enrollments), by name: a class printed at once.
    [[nodiscard]] Result<std::vector<ReportCardView>> course_report_cards(std::int64_t course_id,
                                                                          const Principal& reader);
    // Per course and for the school (default: the current year; the semester or the whole year).
    [[nodiscard]] Result<LearningQualityView> learning_quality(std::optional<std::int64_t> school_year_id,
                                                               std::optional<std::int64_t> semester_id,
                                                               std::optional<std::int64_t> course_id,
                                                               const Principal& reader);

private:
    db::Database& db_;
};

}  // namespace sala::results
