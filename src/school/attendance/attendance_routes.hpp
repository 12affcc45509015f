// Registers /attendance, the class registers under /courses/{id}/attendance and /settings/attendance.
#pragma once

#include "http/router.hpp"

namespace sala::attendance {

class AttendanceService;

void register_attendance_routes(http::Router& router, AttendanceService& attendance);

}  // namespace sala::attendance
