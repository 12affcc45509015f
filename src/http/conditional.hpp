// Conditional requests (DESIGN.md §5): single resources carry an ETag, their row_version; PUT,
// PATCH and DELETE honour If-Match, answering 412 when the resource has changed since it was read.
#pragma once

#include "http/json.hpp"
#include "http/router.hpp"

#include <cstdint>
#include <optional>

namespace sala::http {

// The ETag of a resource at a version: "7".
std::string etag(std::int64_t version);

// The version If-Match requires: nullopt when there is no If-Match (or it is "*", which any
// existing resource matches); kNeverMatches for a value that cannot be one of our ETags.
inline constexpr std::int64_t kNeverMatches = -1;
std::optional<std::int64_t> required_version(const RequestContext& ctx);

// Sets the ETag header of a response that shows a resource at `version`.
void set_etag(Response& response, std::int64_t version);

// A single resource from a service's Result: the error, or `view(value)` as `data` with the
// value's row_version as its ETag.
template <class T, class View>
Response respond_versioned(Status status, const Result<T>& result, View&& view)
{
    if (!result) {
        return Response::from_error(result.error());
    }
    auto response = json::respond(status, view(*result));
    set_etag(response, result->row_version);
    return response;
}

// The 412 a stale If-Match gets.
Error precondition_failed();

}  // namespace sala::http
