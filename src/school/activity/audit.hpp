// The one hook that puts every successful write through the API into the activity log, so no
// handler needs code for it: the route's action, the user, the resource id, where it came from.
#pragma once

#include "db/database.hpp"
#include "http/pipeline.hpp"

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

}  // namespace sala::activity
