// HTTP for class sections: /courses, the subjects each takes (/courses/{id}/subjects) and the
// grade levels in use (/classes).
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

#include <cstdint>
#include <vector>

namespace sala::courses {

// `default_grade_levels`: what /classes lists while the current school year has no courses.
void register_course_routes(http::Router& router, db::Database& db, const Clock& clock,
                            std::vector<std::int64_t> default_grade_levels);

}  // namespace sala::courses
