// See list_query.hpp.
#include "http/list_query.hpp"

#include "auth/crypto.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace sala::http {

namespace {

Error bad_param(std::string_view name, std::string_view expected)
{
    return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                      {{"name", std::string(name)}, {"expected", std::string(expected)}});
}

// A cursor is base64url of a JSON array of the last row's sort key values.
std::optional<std::vector<SortValue>> decode_cursor(std::string_view text, std::size_t keys)
{
    auto bytes = auth::base64url_decode(text);
    if (!bytes) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    auto parsed = boost::json::parse(*bytes, ec);
    if (ec || !parsed.is_array() || parsed.get_array().size() != keys) {
        return std::nullopt;
    }
    std::vector<SortValue> out;
    for (const auto& v : parsed.get_array()) {
        if (v.is_int64()) {
            out.emplace_back(v.get_int64());
        } else if (v.is_string()) {
            out.emplace_back(std::string(v.get_string()));
        } else {
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace

std::string encode_cursor(std::span<const SortValue> values)
{
    boost::json::array array;
    for (const auto& v : values) {
        if (std::holds_alternative<std::int64_t>(v)) {
            array.emplace_back(std::get<std::int64_t>(v));
        } else {
            array.emplace_back(std::get<std::string>(v));
        }
    }
    return auth::base64url_encode(boost::json::serialize(array));
}

std::vector<QueryParam> list_params(std::span<const SortField> sortable, bool cursor)
{
    std::string fields;
    for (const auto& f : sortable) {
        fields += (fields.empty() ? "" : ", ") + std::string(f.name);
    }
    std::vector<QueryParam> out{
        {.name = "page", .type = ParamType::integer, .description = "Page number, from 1"},
        {.name = "limit", .type = ParamType::integer, .description = "Items per page, 1 to 100 (default 20)"},
        {.name = "sort", .description = "Comma-separated fields, '-' for descending: " + fields},
    };
    if (cursor) {
        out.push_back({.name = "cursor",
                       .description = "Keyset paging instead of page: the nextCursor of the previous page (same "
                                      "sort and filters)"});
    }
    return out;
}

Result<PageRequest> page_request(const RequestContext& ctx, std::span<const SortField> sortable,
                                 std::string_view default_sort, std::string_view tie_breaker, bool cursor)
{
    PageRequest out;
    if (auto page = ctx.query_int("page")) {
        if (*page < 1) {
            return bad_param("page", "an integer from 1");
        }
        out.page = *page;
    }
    if (auto limit = ctx.query_int("limit")) {
        if (*limit < 1 || *limit > kMaxPageSize) {
            return bad_param("limit", "an integer from 1 to 100");
        }
        out.limit = *limit;
    }
    std::string_view sort = ctx.query("sort").value_or(default_sort);
    while (!sort.empty()) {
        auto comma = sort.find(',');
        auto item = sort.substr(0, comma);
        sort = comma == std::string_view::npos ? std::string_view{} : sort.substr(comma + 1);
        bool descending = item.starts_with('-');
        if (descending) {
            item.remove_prefix(1);
        }
        const SortField* field = nullptr;
        for (const auto& f : sortable) {
            if (f.name == item) {
                field = &f;
            }
        }
        if (field == nullptr) {
            return make_error(ErrorCode::bad_request, "error.unknown_sort_field", {{"name", std::string(item)}});
        }
        out.order_by += (out.order_by.empty() ? "" : ", ") + std::string(field->column) + (descending ? " DESC" : " ASC");
        out.keys.push_back({std::string(field->column), descending});
    }
    out.order_by += (out.order_by.empty() ? "" : ", ") + std::string(tie_breaker) + " ASC";
    out.keys.push_back({std::string(tie_breaker), false});
    if (auto text = ctx.query("cursor"); cursor && text) {
        if (ctx.query("page")) {
            return bad_param("cursor", "either page or cursor, not both");
        }
        out.after = decode_cursor(*text, out.keys.size());
        if (!out.after) {
            return bad_param("cursor", "the nextCursor of a previous page with the same sort");
        }
    }
    return out;
}

}  // namespace sala::http
