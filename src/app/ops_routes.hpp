// Operational endpoints: liveness, readiness, metrics, the API index and the OpenAPI document.
#pragma once

#include "http/router.hpp"

namespace sala::app {

class App;
void register_ops_routes(http::Router& router, App& app);

}  // namespace sala::app
