// Year-end promotion: every active student of a school year goes into the course of the next
// grade level with the same section in the target year (created from the previous year's course
// when missing), repeaters stay in their grade, the final grade level graduates. The whole run
// is one transaction; a dry run is the same run rolled back, so its plan is exactly what a real
// run would do. Their enrollments in the old year are completed, so a second run finds nothing to
// do. Blocking (SQL): run on the write pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/enrollments/enrollment_service.hpp"
#include "school/promotion/promotion.hpp"

namespace sala::promotion {

class PromotionService {
public:
    // `final_grade`: the highest grade level; its students graduate.
    PromotionService(db::Database& db, const Clock& clock, enrollments::EnrollmentService& enrollments,
                     std::int64_t final_grade)
        : db_(db), clock_(clock), enrollments_(enrollments), final_grade_(final_grade)
    {
    }

    // 404 for an unknown year; 422 for a target that is not a later year, or repeaters who are
    // not active students of the year; 409 (nothing written) when a real run meets problems.
    [[nodiscard]] Result<PromotionPlan> promote(const PromotionRequest& request);

private:
    db::Database& db_;
    const Clock& clock_;
    enrollments::EnrollmentService& enrollments_;
    std::int64_t final_grade_;
};

}  // namespace sala::promotion
