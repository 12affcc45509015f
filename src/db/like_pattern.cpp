// See like_pattern.hpp.
#include "db/like_pattern.hpp"

#include "core/validation.hpp"

namespace sala::db {

std::string contains_pattern(std::string_view text)
{
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += ascii_lower(c);
    }
    out += '%';
    return out;
}

}  // namespace sala::db
