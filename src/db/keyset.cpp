// See keyset.hpp.
#include "db/keyset.hpp"

namespace sala::db {

std::string order_by(std::span<const SortKey> keys)
{
    std::string out;
    for (const auto& k : keys) {
        out += (out.empty() ? "" : ", ") + k.column + (k.descending ? " DESC" : " ASC");
    }
    return out;
}

std::string keyset_after(std::span<const SortKey> keys, std::span<const SortValue> after, std::vector<Value>& params)
{
    std::vector<std::string> placeholders;
    for (const auto& v : after) {
        params.push_back(std::holds_alternative<std::int64_t>(v) ? Value(std::get<std::int64_t>(v))
                                                                 : Value(std::get<std::string>(v)));
        placeholders.push_back("$" + std::to_string(params.size()));
    }
    std::string out = "(";
    for (std::size_t i = 0; i < keys.size() && i < after.size(); ++i) {
        out += i == 0 ? "(" : " OR (";
        for (std::size_t j = 0; j < i; ++j) {
            out += keys[j].column + " = " + placeholders[j] + " AND ";
        }
        out += keys[i].column + (keys[i].descending ? " < " : " > ") + placeholders[i] + ")";
    }
    return out + ")";
}

std::string sort_columns(std::span<const SortKey> keys)
{
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        out += (i == 0 ? "" : ", ") + keys[i].column + " AS sort_" + std::to_string(i);
    }
    return out;
}

std::vector<SortValue> sort_values(const Row& row, std::size_t count)
{
    std::vector<SortValue> out;
    std::size_t first = row.size() - count;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& v = row.at(first + i);
        if (std::holds_alternative<std::int64_t>(v)) {
            out.emplace_back(std::get<std::int64_t>(v));
        } else {
            out.emplace_back(as_string(v));
        }
    }
    return out;
}

}  // namespace sala::db
