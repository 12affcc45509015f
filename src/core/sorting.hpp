// Sort orders and keyset positions, shared by the list conventions of the API (which parse them
// from `sort` and `cursor`) and the repositories that page with them.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace sala {

// One ORDER BY term: a whitelisted column expression and its direction.
struct SortKey {
    std::string column;
    bool descending = false;
};

// A sort key's value in the last row of a page: where the next page starts.
using SortValue = std::variant<std::int64_t, std::string>;

}  // namespace sala
