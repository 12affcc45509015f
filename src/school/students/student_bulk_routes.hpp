// Registers the bulk routes of student records: GET /students/export (CSV) and
// POST /students/import (CSV; a dry run reports, a real run writes every row or none).
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

#include <cstddef>

namespace sala::students {

class StudentService;

// `upload_limit` bounds the imported file (the server's upload limit, not its JSON limit).
void register_student_bulk_routes(http::Router& router, db::Database& db, StudentService& students,
                                  const Clock& clock, std::size_t upload_limit);

}  // namespace sala::students
