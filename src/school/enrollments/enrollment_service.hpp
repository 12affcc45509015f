// Enrollment rules: the student and course exist; one active enrollment per student and school
// year; no course over capacity (the seat counter is taken in the same transaction); drop details
// only for dropped or transferred enrollments, with a semester of the course's year; teachers
// change only the enrollments of courses they teach. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/enrollments/enrollment.hpp"

namespace sala::enrollments {

class EnrollmentService {
public:
    EnrollmentService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    [[nodiscard]] Result<Enrollment> get(std::int64_t enrollment_id);
    [[nodiscard]] EnrollmentPage list(const EnrollmentFilter& filter);
    [[nodiscard]] Result<Enrollment> create(const EnrollmentInput& input, const Principal& writer);
    // The student stays; a different input.student_id is refused.
    [[nodiscard]] Result<Enrollment> update(std::int64_t enrollment_id, const EnrollmentInput& input,
                                            std::optional<std::int64_t> required_version, const Principal& writer);
    [[nodiscard]] Result<void> remove(std::int64_t enrollment_id, std::optional<std::int64_t> required_version,
                                      const Principal& writer);

    // The same rules inside a caller's transaction, without the writer's checks (year-end
    // promotion, the demo school). Gives the new enrollment's id.
    [[nodiscard]] Result<std::int64_t> enroll_in(db::Connection& tx, const EnrollmentInput& input);

private:
    // Creates (`existing` null) or changes an enrollment.
    [[nodiscard]] Result<std::int64_t> save(db::Connection& tx, const Enrollment* existing, const EnrollmentInput& input,
                                            std::optional<std::int64_t> required_version, const Principal* writer);

    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::enrollments
