// The list conventions of DESIGN.md §5 in one place: `page` and `limit` (default 20, at most 100)
// and `sort=field,-other` over a whitelist, turned into an ORDER BY built only from whitelisted
// column names.
#pragma once

#include "core/error.hpp"
#include "http/router.hpp"

#include <span>
#include <string>
#include <vector>

namespace sala::http {

inline constexpr std::int64_t kDefaultPageSize = 20;
inline constexpr std::int64_t kMaxPageSize = 100;

struct SortField {
    std::string_view name;    // as the client writes it: "lastName"
    std::string_view column;  // as SQL knows it: "lastname"
};

struct PageRequest {
    std::int64_t page = 1;
    std::int64_t limit = kDefaultPageSize;
    std::string order_by;  // "lastname ASC, user_id ASC"
};

// The query parameters every paginated, sortable list declares.
std::vector<QueryParam> list_params(std::span<const SortField> sortable);

// `tie_breaker` (a unique column) ends every ORDER BY so pages never overlap.
[[nodiscard]] Result<PageRequest> page_request(const RequestContext& ctx, std::span<const SortField> sortable,
                                               std::string_view default_sort, std::string_view tie_breaker);

}  // namespace sala::http
