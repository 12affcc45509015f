// Who is making a request, once authentication has decided: a signed-in user or an API key.
// Plain data, so services can take it without knowing about HTTP or tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala {

struct Principal {
    std::int64_t user_id = 0;             // the user, or the key's creator for API keys
    std::string username;
    std::string role;                     // "admin", "teacher"
    std::string session_id;               // empty for API keys
    std::optional<std::int64_t> api_key_id;
    std::vector<std::string> permissions; // what this principal may do (role's, or the key's scopes)

    [[nodiscard]] bool can(std::string_view permission) const
    {
        for (const auto& p : permissions) {
            if (p == permission) {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] bool is_admin() const { return role == "admin" && !api_key_id; }
};

}  // namespace sala
