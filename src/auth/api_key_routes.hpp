// HTTP for integration API keys: /api-keys (admin only).
#pragma once

#include "auth/api_key.hpp"
#include "http/router.hpp"

namespace sala::auth {

void register_api_key_routes(http::Router& router, ApiKeyService& keys);

}  // namespace sala::auth
