// The one hook that puts every successful write through the API, and every export of the
// school's data, into the activity log, so no handler needs code for it: the route's action, the
// user, the resource id, where it came from.
#pragma once

#include "db/database.hpp"
#include "http/pipeline.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sala::activity {

class AuditWrites final : public http::Middleware {
public:
    explicit AuditWrites(db::Database& db) : db_(db) {}
    boost::asio::awaitable<std::optional<http::Response>> before(http::RequestContext& ctx) override;
    boost::asio::awaitable<void> after(http::RequestContext& ctx, const http::Response& response) override;

private:
    db::Database& db_;
};

// "users.create" for POST /users …: the route's declared action, or its tag and the verb.
std::string action_of(const http::Route& route);

// What the log keeps about an export besides the route: its format, how many rows it has and
// what was asked for; never the data.
struct ExportDetails {
    std::string format;  // "csv", "xlsx"
    std::size_t rows = 0;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> month;
    std::optional<std::string> status;
    std::optional<std::string> filename;
};
// Sets the request's audit details (the JSON object the entry keeps) to `details`.
void record_export(http::RequestContext& ctx, const ExportDetails& details);

}  // namespace sala::activity
