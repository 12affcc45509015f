// The grade routes: CRUD in the seed's shape with related data, and a class's assessment at once.
#pragma once

#include "http/router.hpp"
#include "school/grades/grade_service.hpp"

namespace sala::grades {

void register_grade_routes(http::Router& router, GradeService& grades);

}  // namespace sala::grades
