// See cookies.hpp.
#include "http/cookies.hpp"

namespace sala::http {

std::optional<std::string> cookie(const Request& request, std::string_view name)
{
    for (const auto& h : request.headers.list()) {
        if (!iequals(h.name, "Cookie")) {
            continue;
        }
        std::string_view rest = h.value;
        while (!rest.empty()) {
            auto semi = rest.find(';');
            auto pair = rest.substr(0, semi);
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            while (!pair.empty() && pair.front() == ' ') {
                pair.remove_prefix(1);
            }
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
                auto value = pair.substr(eq + 1);
                if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                    value = value.substr(1, value.size() - 2);
                }
                return std::string(value);
            }
        }
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o)
{
    std::string out;
    out.append(name).append("=").append(value);
    out += "; Path=" + o.path;
    out += "; Max-Age=" + std::to_string(o.max_age.count());
    if (o.http_only) {
        out += "; HttpOnly";
    }
    if (o.secure) {
        out += "; Secure";
    }
    out += "; SameSite=" + o.same_site;
    return out;
}

}  // namespace sala::http
