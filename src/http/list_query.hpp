// The list conventions of DESIGN.md §5 in one place: `page` and `limit` (default 20, at most 100),
// or `cursor` and `limit` (keyset paging), and `sort=field,-other` over a whitelist, turned into
// an ORDER BY built only from whitelisted column names.
#pragma once

#include "core/error.hpp"
#include "core/sorting.hpp"
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
    std::string order_by;        // "lastname ASC, user_id ASC"
    std::vector<SortKey> keys;   // the same order, term by term
    // Keyset paging (`cursor`): the sort key values of the last row already seen.
    std::optional<std::vector<SortValue>> after;
};

// The query parameters every paginated, sortable list declares (and `cursor`, for lists that
// page by keyset too).
std::vector<QueryParam> list_params(std::span<const SortField> sortable, bool cursor = false);

// The opaque `nextCursor` of a page whose last row has these sort key values.
std::string encode_cursor(std::span<const SortValue> values);

// `tie_breaker` (a unique column) ends every ORDER BY so pages never overlap. With `cursor` allowed,
// a `cursor` parameter (which excludes `page`) must decode to one value per sort key.
[[nodiscard]] Result<PageRequest> page_request(const RequestContext& ctx, std::span<const SortField> sortable,
                                               std::string_view default_sort, std::string_view tie_breaker,
                                               bool cursor = false);

}  // namespace sala::http
