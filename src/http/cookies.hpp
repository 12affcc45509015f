// Cookies: reading one from a request's Cookie header, and writing Set-Cookie values.
#pragma once

#include "http/message.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace sala::http {

std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
    std::string path = "/";
    std::chrono::seconds max_age{0};  // 0 deletes the cookie
    bool secure = false;
    bool http_only = true;
    std::string same_site = "Strict";
};

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace sala::http
