// Grade rules: the course, subject (taught in the course), semester (of the course's year) and
// student (enrolled in the course on the grade's date) exist; 0 ≤ score ≤ maxScore and
// maxScore > 0; the date lies inside the semester; teachers record only the subjects they teach
// in a course, or any subject of a course they are homeroom teacher of. A class's assessment is
// checked row by row and written whole or not at all. Every write publishes an event.
// Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/events/event_bus.hpp"
#include "school/grades/grade.hpp"
#include "school/grading/calculations.hpp"

namespace sala::grades {

class GradeService {
public:
    GradeService(db::Database& db, const Clock& clock, const events::EventBus& events)
        : db_(db), clock_(clock), events_(events)
    {
    }

    // Teachers read the grades of the courses they teach; others are refused (403).
    [[nodiscard]] Result<Grade> get(std::int64_t grade_id, const Principal& reader);
    [[nodiscard]] GradePage list(const GradeFilter& filter);
    [[nodiscard]] Result<Grade> create(const GradeInput& input, const Principal& writer);
    [[nodiscard]] Result<Grade> update(std::int64_t grade_id, const GradeInput& input,
                                       std::optional<std::int64_t> required_version, const Principal& writer);
    [[nodiscard]] Result<void> remove(std::int64_t grade_id, std::optional<std::int64_t> required_version,
                                      const Principal& writer);
    // The created grades, in the order of the scores.
    [[nodiscard]] Result<std::vector<Grade>> create_bulk(const BulkGrades& input, const Principal& writer);

private:
    db::Database& db_;
    const Clock& clock_;
    const events::EventBus& events_;
};

}  // namespace sala::grades
