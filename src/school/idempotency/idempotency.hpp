// Idempotency-Key on POST (DESIGN.md §5): the first response to a key is stored and replayed to
// the same caller for 24 hours, so a client that retries a create after a lost answer does not
// create twice. The same key with a different request is a 422; a key whose first request is
// still running is a 409.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/pipeline.hpp"

#include <chrono>

namespace sala::idempotency {

class IdempotentPosts final : public http::Middleware {
public:
    IdempotentPosts(db::Database& db, const Clock& clock, std::chrono::seconds retention = std::chrono::hours(24))
        : db_(db), clock_(clock), retention_(retention)
    {
    }
    boost::asio::awaitable<std::optional<http::Response>> before(http::RequestContext& ctx) override;
    boost::asio::awaitable<void> after(http::RequestContext& ctx, const http::Response& response) override;

private:
    db::Database& db_;
    const Clock& clock_;
    std::chrono::seconds retention_;
};

}  // namespace sala::idempotency
