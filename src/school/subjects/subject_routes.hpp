// HTTP for subjects: /subjects and /subjects/{id}.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace sala::subjects {

void register_subject_routes(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace sala::subjects
