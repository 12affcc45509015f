// Keyset paging for any sort order: "the rows after this one" as a WHERE predicate over the sort
// keys, so a page costs the same however deep into a list it is and rows inserted meanwhile do
// not shift it.
#pragma once

#include "core/sorting.hpp"
#include "db/rows.hpp"

#include <span>
#include <string>
#include <vector>

namespace sala::db {

// "k0 ASC, k1 DESC, …"
std::string order_by(std::span<const SortKey> keys);

// (k0 > v0) OR (k0 = v0 AND k1 < v1) OR …, each direction respected; the values are appended to
// `params` and referred to as $n.
std::string keyset_after(std::span<const SortKey> keys, std::span<const SortValue> after, std::vector<Value>& params);

// The select-list of the keys ("k0 AS sort_0, …") and their values read back from a row.
std::string sort_columns(std::span<const SortKey> keys);
std::vector<SortValue> sort_values(const Row& row, std::size_t count);

}  // namespace sala::db
