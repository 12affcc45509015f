// HTTP for the academic calendar: /school-years (with their derived months) and /semesters.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::school_years {

void register_school_year_routes(http::Router& router, db::Database& db, const Clock& clock);
void register_semester_routes(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace sala::school_years
