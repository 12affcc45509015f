// The route table: each route's template, typed parameters and metadata (summary, tag,
// permission, request/response schemas) in one place. The pipeline matches against it, and the
// OpenAPI document, the metrics and the permission tests are all generated from it.
#pragma once

#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/principal.hpp"
#include "core/time.hpp"
#include "core/worker_pool.hpp"
#include "http/message.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/container/static_vector.hpp>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace sala::http {

class SchemaRegistry;  // openapi.hpp
class RequestContext;

// Returns the `$ref` of a schema after registering it (and what it references) in the registry.
using SchemaFn = std::string (*)(SchemaRegistry&);

enum class ParamType { string, integer, number, boolean, date, month };  // month: "2026-11"
std::string_view param_type_name(ParamType t);  // "integer" …, also used in error messages

struct QueryParam {
    std::string name;
    ParamType type = ParamType::string;
    std::string description;
    std::vector<std::string> allowed;  // enum values; empty means any
    bool required = false;
};

enum class Scope {
    api,   // mounted at /api/v1 (and reachable through the /api alias)
    root,  // operational endpoints at the server root: /healthz, /metrics …
};

enum class RateLimit {
    standard,  // per user or API key when signed in, per client address otherwise
    sign_in,   // only failed sign-ins count, per client address
    none,      // operational endpoints
};

struct RouteSpec {
    Method method = Method::get;
    std::string path;  // relative to the scope: "/students/{id:int}"; params {name[:int|:date|:string]}
    std::string summary;
    std::string tag;
    std::string permission;  // empty: public
    std::vector<QueryParam> query;
    SchemaFn request = nullptr;   // a JSON body of this type; the route then requires application/json
    SchemaFn response = nullptr;  // the type of `data`
    bool list = false;            // `data` is an array of `response`, with pagination
    Status success = Status::ok;
    // Non-JSON success content type ("text/plain", "application/pdf"); a route that answers in
    // the format a parameter asks for lists each, separated by ", ".
    std::string produces;
    // Non-JSON request bodies the route takes ("text/csv", "image/png"); a body of another type is
    // refused with 415 before the handler runs.
    std::vector<std::string> consumes;
    std::size_t max_body = 0;     // request body limit; 0 means the server's JSON limit
    Scope scope = Scope::api;
    RateLimit rate_limit = RateLimit::standard;
    // Writes (POST, PUT, PATCH, DELETE) that succeed are recorded in the activity log as `action`
    // (default "<tag>.create|update|delete") unless the route records its own events. A read is
    // recorded only when it names an `action`: downloads of the school's data (exports).
    bool audit = true;
    std::string action;
    // POSTs answer a repeated Idempotency-Key with the first response, unless that response
    // carries a secret that must be shown only once (sign-in tokens, API-key secrets).
    bool replayable = true;
    // A GET whose answer depends only on its target, its caller and the stored data (no clock, no
    // other request header): answered from the response cache until a write commits.
    bool cached = false;
};

using Handler = std::function<boost::asio::awaitable<Response>(RequestContext&)>;

struct Route {
    RouteSpec spec;
    std::string full_path;     // "/api/v1/students/{id:int}"
    std::string display_path;  // "/api/v1/students/{id}" for logs, metrics and OpenAPI
    Handler handler;
    std::size_t index = 0;     // position in the table, for per-route metrics
};

struct PathParam {
    std::string name;
    ParamType type = ParamType::string;
    std::string value;  // percent-decoded
};

class Router {
public:
    static constexpr std::string_view kApiPrefix = "/api/v1";

    Route& add(RouteSpec spec, Handler handler);

    struct Match {
        enum class Outcome { found, not_found, method_not_allowed } outcome = Outcome::not_found;
        const Route* route = nullptr;
        std::vector<PathParam> params;
        boost::container::static_vector<Method, 8> allowed;  // the path's methods, for 405 and OPTIONS
    };
    // `segments` are the decoded path segments of a normalised path ("/api/v1/x" → {"api","v1","x"}).
    [[nodiscard]] Match match(Method method, std::span<const std::string> segments) const;

    [[nodiscard]] const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

    Router();
    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

private:
    struct Node;
    std::unique_ptr<Node> root_;
    std::vector<std::unique_ptr<Route>> routes_;
};

// Where blocking work runs: reads on one pool, writes on another, so requests that write (and
// wait their turn for SQLite's single writer) never occupy the threads reads need.
struct Workers {
    Workers(WorkerPool& both) : reads(both), writes(both) {}  // NOLINT: one pool for everything (tests)
    Workers(WorkerPool& read_pool, WorkerPool& write_pool) : reads(read_pool), writes(write_pool) {}
    WorkerPool& reads;
    WorkerPool& writes;
};

// Everything a handler may know about its request. Path and query parameters arrive already
// checked against the route's declared types, so the typed accessors cannot fail.
class RequestContext {
public:
    RequestContext(const Request& request, std::string request_id, Locale locale, Workers workers,
                   const Clock& clock, std::string client_ip = {}, bool secure = false);

    [[nodiscard]] const Request& request() const { return request_; }
    [[nodiscard]] const std::string& request_id() const { return request_id_; }
    [[nodiscard]] Locale locale() const { return locale_; }
    [[nodiscard]] TimePoint now() const { return clock_.now(); }
    [[nodiscard]] const Route* route() const { return route_; }

    [[nodiscard]] const std::vector<PathParam>& path_params() const { return params_; }
    [[nodiscard]] std::string_view path_param(std::string_view name) const;
    [[nodiscard]] std::int64_t path_int(std::string_view name) const;
    [[nodiscard]] Date path_date(std::string_view name) const;

    [[nodiscard]] std::optional<std::string_view> query(std::string_view name) const;
    [[nodiscard]] std::optional<std::int64_t> query_int(std::string_view name) const;
    [[nodiscard]] std::optional<double> query_number(std::string_view name) const;
    [[nodiscard]] std::optional<bool> query_bool(std::string_view name) const;
    [[nodiscard]] std::optional<Date> query_date(std::string_view name) const;
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& query_params() const { return query_; }

    // Runs blocking work (database, rendering) on a worker thread: the write pool for requests
    // that change something (POST, PUT, PATCH, DELETE), the read pool for the others.
    template <class F>
    boost::asio::awaitable<std::invoke_result_t<F&>> offload(F fn)
    {
        return (is_write() ? workers_.writes : workers_.reads).offload(std::move(fn));
    }
    // A write made while serving a read (recording an API key's last use).
    template <class F>
    boost::asio::awaitable<std::invoke_result_t<F&>> offload_write(F fn)
    {
        return workers_.writes.offload(std::move(fn));
    }
    // Work that writes nothing while serving a write (rendering a posted document), so it never
    // holds the thread that SQLite's single writer needs.
    template <class F>
    boost::asio::awaitable<std::invoke_result_t<F&>> offload_read(F fn)
    {
        return workers_.reads.offload(std::move(fn));
    }
    [[nodiscard]] bool is_write() const
    {
        auto m = request_.method;
        return m == Method::post || m == Method::put || m == Method::patch || m == Method::delete_;
    }

    // The client's address and whether it came over TLS, through trusted proxies if any.
    [[nodiscard]] const std::string& client_ip() const { return client_ip_; }
    [[nodiscard]] bool secure() const { return secure_; }

    // Set by authentication before the handler runs; empty for anonymous requests.
    std::optional<Principal> principal;
    enum class Credential { none, bearer, cookie, api_key };
    Credential credential = Credential::none;
    std::optional<Error> credential_error;  // credentials were presented but refused
    // Headers any stage may add to the final response (rate-limit counters, cookies …).
    Headers extra_headers;
    // The response is a replay of an earlier one (Idempotency-Key): nothing was done again.
    bool replayed = false;
    bool idempotency_claimed = false;  // this request holds its Idempotency-Key until it answers
    // What the activity log should record about a write, beyond the route and the path id.
    std::string audit_resource_id;  // e.g. the id of a created resource
    std::string audit_details;      // a JSON object; never a secret

    // Filled by the pipeline.
    void bind(const Route* route, std::vector<PathParam> params, std::vector<std::pair<std::string, std::string>> query);

private:
    const Request& request_;
    std::string request_id_;
    Locale locale_;
    Workers workers_;
    const Clock& clock_;
    std::string client_ip_;
    bool secure_ = false;
    const Route* route_ = nullptr;
    std::vector<PathParam> params_;
    std::vector<std::pair<std::string, std::string>> query_;
};

// Parses a value of a declared parameter type; the pipeline uses it for path and query values.
bool value_has_type(std::string_view value, ParamType type);

}  // namespace sala::http
