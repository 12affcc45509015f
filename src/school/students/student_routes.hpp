// Registers /students: records, lists, search and scholarships.
#pragma once

#include "http/router.hpp"

namespace sala::students {

class StudentService;

}  // namespace sala::students

namespace sala::files {
class FileService;
}

namespace sala::students {

// Deleting a student gives their photo back to `files`.
void register_student_routes(http::Router& router, StudentService& students, files::FileService& files);

}  // namespace sala::students
