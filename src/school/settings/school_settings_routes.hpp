// GET/PUT /settings/school: the school as its printed documents name it.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::settings {

void register_school_settings_routes(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace sala::settings
