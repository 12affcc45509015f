// See conditional.hpp.
#include "http/conditional.hpp"

#include <charconv>

namespace sala::http {

std::string etag(std::int64_t version)
{
    return "\"" + std::to_string(version) + "\"";
}

std::optional<std::int64_t> required_version(const RequestContext& ctx)
{
    auto header = ctx.request().headers.get("If-Match");
    if (!header) {
        return std::nullopt;
    }
    std::string_view value = *header;
    while (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
    }
    while (!value.empty() && value.back() == ' ') {
        value.remove_suffix(1);
    }
    if (value == "*") {
        return std::nullopt;
    }
    if (value.starts_with("W/")) {
        value.remove_prefix(2);
    }
    if (value.size() < 3 || value.front() != '"' || value.back() != '"') {
        return kNeverMatches;
    }
    value = value.substr(1, value.size() - 2);
    std::int64_t version = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
    // "0" is a settings document still at its defaults (records start at 1).
    if (ec != std::errc{} || ptr != value.data() + value.size() || version < 0) {
        return kNeverMatches;
    }
    return version;
}

void set_etag(Response& response, std::int64_t version)
{
    response.headers.set("ETag", etag(version));
}

Error precondition_failed()
{
    return make_error(ErrorCode::precondition_failed);
}

}  // namespace sala::http
