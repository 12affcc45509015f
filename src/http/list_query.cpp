// See list_query.hpp.
#include "http/list_query.hpp"

namespace sala::http {

std::vector<QueryParam> list_params(std::span<const SortField> sortable)
{
    std::string fields;
    for (const auto& f : sortable) {
        fields += (fields.empty() ? "" : ", ") + std::string(f.name);
    }
    return {
        {.name = "page", .type = ParamType::integer, .description = "Page number, from 1"},
        {.name = "limit", .type = ParamType::integer, .description = "Items per page, 1 to 100 (default 20)"},
        {.name = "sort", .description = "Comma-separated fields, '-' for descending: " + fields},
    };
}

Result<PageRequest> page_request(const RequestContext& ctx, std::span<const SortField> sortable,
                                 std::string_view default_sort, std::string_view tie_breaker)
{
    PageRequest out;
    if (auto page = ctx.query_int("page")) {
        if (*page < 1) {
            return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                              {{"name", "page"}, {"expected", "an integer from 1"}});
        }
        out.page = *page;
    }
    if (auto limit = ctx.query_int("limit")) {
        if (*limit < 1 || *limit > kMaxPageSize) {
            return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                              {{"name", "limit"}, {"expected", "an integer from 1 to 100"}});
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
    }
    out.order_by += (out.order_by.empty() ? "" : ", ") + std::string(tie_breaker) + " ASC";
    return out;
}

}  // namespace sala::http
