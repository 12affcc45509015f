// Registers /enrollments.
#pragma once

#include "http/router.hpp"

namespace sala::enrollments {

class EnrollmentService;

void register_enrollment_routes(http::Router& router, EnrollmentService& enrollments);

}  // namespace sala::enrollments
