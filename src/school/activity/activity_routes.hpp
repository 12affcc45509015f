// HTTP for reading the activity log: GET /activity-logs (admin).
#pragma once

#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::activity {

void register_activity_routes(http::Router& router, db::Database& db);

}  // namespace sala::activity
