// Text search with LIKE on both backends: the pattern that matches text containing what the user
// typed, with LIKE's own wildcards in it taken literally.
#pragma once

#include <string>
#include <string_view>

namespace sala::db {

// "%" + lower-cased (ASCII) `text` with %, _ and \ escaped + "%"; compare with
// `lower(column) LIKE $n ESCAPE '\'`.
std::string contains_pattern(std::string_view text);

}  // namespace sala::db
