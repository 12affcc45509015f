// HTTP for staff accounts: /users (admin) and /users/me (everyone signed in).
#pragma once

#include "core/worker_pool.hpp"
#include "http/router.hpp"
#include "school/users/user_service.hpp"

namespace sala::users {

void register_user_routes(http::Router& router, UserService& users, WorkerPool& hashing);

}  // namespace sala::users
