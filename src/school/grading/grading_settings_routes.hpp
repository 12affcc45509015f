// GET/PUT /settings/grading: the category weights, grade scale, pass mark and semester weights.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::grading {

void register_grading_settings_routes(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace sala::grading
