// The OpenAPI 3.1 document, generated from the route table (paths, parameters, permissions) and
// the described request/response types (component schemas). There is no other list of routes.
#pragma once

#include "http/router.hpp"

#include <string>

namespace sala::http {

struct ApiInfo {
    std::string title = "Sala API";
    std::string version;
    std::string description;
};

std::string build_openapi(const Router& router, const ApiInfo& info);

}  // namespace sala::http
