// GET /courses/{id}/gradebook, GET /students/{id}/report-card and GET /learning-quality.
#pragma once

#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::results {

void register_results_routes(http::Router& router, db::Database& db);

}  // namespace sala::results
