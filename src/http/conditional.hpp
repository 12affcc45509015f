// Conditional requests (DESIGN.md §5): single resources carry an ETag, their row_version; PUT,
// PATCH and DELETE honour If-Match, answering 412 when the resource has changed since it was read.
#pragma once

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

// The 412 a stale If-Match gets.
Error precondition_failed();

}  // namespace sala::http
