// HTTP for signing in and out: /auth/login, /auth/refresh, /auth/heartbeat, /auth/logout and the
// optional login picker /auth/users.
#pragma once

#include "auth/auth_service.hpp"
#include "auth/middleware.hpp"
#include "core/worker_pool.hpp"
#include "http/router.hpp"

namespace sala::auth {

struct AuthRouteOptions {
    bool login_user_list = false;            // GET /auth/users answers 404 unless enabled
    std::vector<std::string> cors_origins;   // for the CSRF rule on cookie refreshes
};

void register_auth_routes(http::Router& router, AuthService& auth, SignInLimiter& limiter, WorkerPool& hashing,
                          db::Database& db, AuthRouteOptions options);

// The client details the activity log records.
ClientInfo client_of(const http::RequestContext& ctx);

}  // namespace sala::auth
