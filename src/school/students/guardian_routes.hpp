// Registers /guardians: the list (to find a sibling's guardians), one guardian with the students
// linked to them, and changes to a guardian's details.
#pragma once

#include "http/router.hpp"

namespace sala::students {

class StudentService;

void register_guardian_routes(http::Router& router, StudentService& students);

}  // namespace sala::students
