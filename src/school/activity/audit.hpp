// The one hook that puts every successful write through the API, and every export of the
// school's data, into the activity log, so no handler needs code for it: the route's action, the
// user, the resource id, where it came from.
#pragma once

#include "db/database.hpp"
#include "http/pipeline.hpp"

#include <cstdint>
#include <optional>
#include <vector>
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

// What the log keeps about an export or a printed document besides the route: its format, its
// size, what was asked for and for whom; never the data.
struct ExportDetails {
    std::string format;                    // "csv", "xlsx", "pdf"
    std::optional<std::string> document;   // a printed document: "student-report-card" …
    std::optional<std::size_t> rows;       // a spreadsheet's
    std::optional<std::size_t> size;       // bytes
    std::vector<std::int64_t> student_ids;  // the students a document was printed for
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> month;
    std::optional<std::string> status;
    std::optional<std::string> filename;
};
// Sets the request's audit details (the JSON object the entry keeps) to `details`.
// The entry's resource is the course, or the one student, when there is one.
void record_export(http::RequestContext& ctx, const ExportDetails& details);

}  // namespace sala::activity
