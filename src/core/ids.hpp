// Identifiers Sala makes up itself: request ids (and whatever else needs a unique, non-secret
// token). Secrets use libsodium's generator in src/auth instead.
#pragma once

#include <string>
#include <string_view>

namespace sala {

// A random UUID (version 4), e.g. "3f1c9a62-0b7e-4d51-9c2a-6f8e1d2b4a70".
std::string new_request_id();

// An incoming X-Request-ID is echoed only when it is 1–128 characters of [A-Za-z0-9._:-], so a
// client cannot inject anything into headers or logs.
bool is_valid_request_id(std::string_view id);

}  // namespace sala
