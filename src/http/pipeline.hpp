// What happens to every request between the socket and the handler: request id, language,
// routing (404/405/400 on path parameters), CORS, query and content-type checks, middleware
// (authentication, rate limits, activity log), the handler itself with its exceptions confined,
// then the envelope, security headers, access log and metrics.
#pragma once

#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/worker_pool.hpp"
#include "http/client_address.hpp"
#include "http/metrics.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sala::http {

// A stage around every routed request, in the order added. before() may answer the request itself
// (401, 429 …); after() sees the final response of every routed request.
class Middleware {
public:
    virtual ~Middleware() = default;
    virtual boost::asio::awaitable<std::optional<Response>> before(RequestContext& ctx) = 0;
    virtual boost::asio::awaitable<void> after(RequestContext& ctx, const Response& response);
};

struct PipelineOptions {
    Locale default_locale = Locale::en;
    std::vector<std::string> cors_origins;  // exact origins; "*" allows any (without credentials)
    std::size_t json_body_limit = 1024 * 1024;
    bool access_log = true;
    std::vector<std::string> trusted_proxies;  // X-Forwarded-* believed only from these
    ResponseCache* response_cache = nullptr;    // for routes marked `cached`; none: every read runs
};

class Pipeline final : public RequestHandler {
public:
    Pipeline(Router& router, Metrics& metrics, Workers workers, const Clock& clock, PipelineOptions options);

    void use(std::shared_ptr<Middleware> middleware) { middleware_.push_back(std::move(middleware)); }

    boost::asio::awaitable<Response> handle(Request& request) override;
    Response reject(const Request& request, Error error) override;
    [[nodiscard]] std::size_t body_limit(Method method, std::string_view target) const override;

    [[nodiscard]] const Router& router() const { return router_; }

    struct Target;   // the parsed request target
    struct Outcome;  // what the access log and metrics need to know

private:
    boost::asio::awaitable<Response> dispatch(RequestContext& ctx, const Target& target, Outcome& outcome);
    boost::asio::awaitable<Response> invoke(RequestContext& ctx);
    boost::asio::awaitable<Response> invoke_cached(RequestContext& ctx);
    // Path parameter types, declared query parameters, JSON content type: 400 or 415, or nothing.
    [[nodiscard]] std::optional<Response> check_request(
        const RequestContext& ctx, const std::vector<std::pair<std::string, std::string>>& query) const;
    std::optional<Response> preflight(const Request& request, const Router::Match& match) const;
    [[nodiscard]] bool origin_allowed(std::string_view origin) const;
    void finish(const Request& request, Response& response, const std::string& request_id, Locale locale,
                const Outcome& outcome) const;

    Router& router_;
    Metrics& metrics_;
    Workers workers_;
    const Clock& clock_;
    PipelineOptions options_;
    TrustedProxies proxies_;
    std::vector<std::shared_ptr<Middleware>> middleware_;
};

// Renders an error into the envelope's `error` object (used by the pipeline, and by tests).
std::string render_error_body(const Error& error, Locale locale, const std::string& request_id,
                              const std::string& timestamp);

}  // namespace sala::http
