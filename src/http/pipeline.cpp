// The request pipeline (see pipeline.hpp). Each step is a small function; handle() reads as the
// list of steps, and finish() is the one place that gives every response its envelope and headers.
#include "http/pipeline.hpp"

#include "core/ids.hpp"
#include "core/json_text.hpp"
#include "core/log.hpp"
#include "core/time.hpp"

#include <boost/container/small_vector.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace asio = boost::asio;

namespace sala::http {

struct Pipeline::Target {
    bool valid = false;
    boost::container::small_vector<std::string, 8> segments;
    std::vector<std::pair<std::string, std::string>> query;
};

struct Pipeline::Outcome {
    const Route* route = nullptr;
    std::optional<std::string> user;
    std::string client_ip;
    bool secure = false;  // TLS, directly or through a trusted proxy
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

namespace {

constexpr std::string_view kExposedHeaders =
    "X-Request-ID, ETag, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
    "Content-Disposition, Deprecation, Sunset";
constexpr std::string_view kAllowedRequestHeaders =
    "Authorization, Content-Type, Accept, Accept-Language, X-Requested-With, X-Request-ID, X-API-Key, "
    "Idempotency-Key, If-Match, If-None-Match";

Pipeline::Target parse_target(std::string_view text)
{
    Pipeline::Target t;
    auto url = boost::urls::parse_origin_form(text);
    if (!url) {
        return t;
    }
    for (auto segment : url->segments()) {
        t.segments.push_back(std::string(segment));
    }
    if (!t.segments.empty() && t.segments.back().empty()) {
        t.segments.pop_back();  // "/students/" is "/students"
    }
    // "/api/…" without a version is an alias of the current version.
    if (!t.segments.empty() && t.segments[0] == "api" && (t.segments.size() == 1 || t.segments[1] != "v1")) {
        t.segments.insert(t.segments.begin() + 1, "v1");
    }
    for (auto param : url->params(boost::urls::encoding_opts(true))) {
        t.query.emplace_back(std::string(param.key), param.has_value ? std::string(param.value) : std::string());
    }
    t.valid = true;
    return t;
}

std::string allow_header(std::span<const Method> methods)
{
    std::vector<Method> all(methods.begin(), methods.end());
    if (std::find(all.begin(), all.end(), Method::get) != all.end()) {
        all.push_back(Method::head);
    }
    all.push_back(Method::options);
    std::string out;
    for (auto m : all) {
        out += (out.empty() ? "" : ", ") + std::string(method_name(m));
    }
    return out;
}

// The media type of a Content-Type value, without parameters: "text/csv; charset=utf-8" → "text/csv".
std::string_view media_type(std::string_view value)
{
    auto type = value.substr(0, value.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
        type.remove_prefix(1);
    }
    return type;
}

bool is_json_content_type(std::string_view value)
{
    return iequals(media_type(value), "application/json");
}

bool is_consumed(const RouteSpec& spec, std::string_view value)
{
    auto type = media_type(value);
    return std::any_of(spec.consumes.begin(), spec.consumes.end(),
                       [&](const std::string& accepted) { return iequals(type, accepted); });
}

// Every query parameter must be declared by the route and have its declared type.
std::optional<Error> check_query(const RouteSpec& spec, const std::vector<std::pair<std::string, std::string>>& query)
{
    for (const auto& [name, value] : query) {
        auto it = std::find_if(spec.query.begin(), spec.query.end(), [&](const QueryParam& q) { return q.name == name; });
        if (it == spec.query.end()) {
            return make_error(ErrorCode::bad_request, "error.unknown_query_param", {{"name", name}});
        }
        if (!value_has_type(value, it->type)) {
            return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                              {{"name", name}, {"expected", std::string(param_type_name(it->type))}});
        }
        if (!it->allowed.empty() && std::find(it->allowed.begin(), it->allowed.end(), value) == it->allowed.end()) {
            std::string allowed;
            for (const auto& a : it->allowed) {
                allowed += (allowed.empty() ? "" : ", ") + a;
            }
            return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                              {{"name", name}, {"expected", "one of " + allowed}});
        }
    }
    for (const auto& q : spec.query) {
        if (q.required && std::none_of(query.begin(), query.end(), [&](const auto& kv) { return kv.first == q.name; })) {
            return make_error(ErrorCode::bad_request, "error.invalid_query_param",
                              {{"name", q.name}, {"expected", std::string(param_type_name(q.type))}});
        }
    }
    return std::nullopt;
}

std::string render_pagination(const Pagination& p)
{
    std::int64_t total_pages = p.limit > 0 ? (p.total + p.limit - 1) / p.limit : 0;
    bool has_next = p.next_cursor.has_value() || p.page < total_pages;
    std::string out = R"({"page":)" + std::to_string(p.page) + R"(,"limit":)" + std::to_string(p.limit) +
                      R"(,"total":)" + std::to_string(p.total) + R"(,"totalPages":)" + std::to_string(total_pages) +
                      R"(,"hasNext":)" + (has_next ? "true" : "false") + R"(,"hasPrev":)" +
                      (p.page > 1 ? "true" : "false") + R"(,"nextCursor":)";
    if (p.next_cursor) {
        append_json_string(out, *p.next_cursor);
    } else {
        out += "null";
    }
    out += '}';
    return out;
}

void append_meta(std::string& out, const std::string& request_id, const std::string& timestamp)
{
    out += R"({"requestId":)";
    append_json_string(out, request_id);
    out += R"(,"timestamp":)";
    append_json_string(out, timestamp);
    out += '}';
}

// The envelope's timestamp has second precision, so each thread formats it once a second.
const std::string& cached_timestamp(TimePoint now)
{
    thread_local TimePoint second{};
    thread_local std::string text;
    auto floored = std::chrono::floor<std::chrono::seconds>(now);
    if (text.empty() || floored != second) {
        second = floored;
        text = format_timestamp(floored);
    }
    return text;
}

std::string request_id_for(const Request& request)
{
    auto incoming = request.headers.get("X-Request-ID");
    return incoming && is_valid_request_id(*incoming) ? std::string(*incoming) : new_request_id();
}

}  // namespace

std::string render_error_body(const Error& error, Locale locale, const std::string& request_id,
                              const std::string& timestamp)
{
    std::string out = R"({"success":false,"error":{"code":")";
    out += error_code_name(error.code);
    out += R"(","message":)";
    append_json_string(out, translate(locale, error.message_key.empty() ? default_message_key(error.code)
                                                                         : error.message_key,
                                      error.args));
    out += R"(,"details":[)";
    bool first = true;
    for (const auto& d : error.details) {
        out += first ? "" : ",";
        first = false;
        out += R"({"field":)";
        append_json_string(out, d.field);
        out += R"(,"code":)";
        append_json_string(out, d.code);
        out += R"(,"message":)";
        append_json_string(out, translate(locale, d.message_key, d.args));
        out += '}';
    }
    out += R"(],"requestId":)";
    append_json_string(out, request_id);
    out += R"(},"meta":)";
    append_meta(out, request_id, timestamp);
    out += '}';
    return out;
}

asio::awaitable<void> Middleware::after(RequestContext&, const Response&)
{
    co_return;
}

Pipeline::Pipeline(Router& router, Metrics& metrics, Workers workers, const Clock& clock, PipelineOptions options)
    : router_(router),
      metrics_(metrics),
      workers_(workers),
      clock_(clock),
      options_(std::move(options)),
      proxies_(options_.trusted_proxies)
{
}

std::size_t Pipeline::body_limit(Method method, std::string_view target) const
{
    auto t = parse_target(target);
    if (t.valid) {
        auto match = router_.match(method, t.segments);
        if (match.route && match.route->spec.max_body > 0) {
            return match.route->spec.max_body;
        }
    }
    return options_.json_body_limit;
}

bool Pipeline::origin_allowed(std::string_view origin) const
{
    for (const auto& o : options_.cors_origins) {
        if (o == "*" || o == origin) {
            return true;
        }
    }
    return false;
}

asio::awaitable<Response> Pipeline::handle(Request& request)
{
    Outcome outcome;
    metrics_.request_started();
    auto locale = negotiate_locale(request.headers.get("Accept-Language").value_or(""), options_.default_locale);
    RequestContext ctx(request, request_id_for(request), locale, workers_, clock_,
                       client_address(request, proxies_), client_secure(request, proxies_));
    auto target = parse_target(request.target);
    Response response = co_await dispatch(ctx, target, outcome);
    for (const auto& h : ctx.extra_headers.list()) {
        response.headers.add(h.name, h.value);
    }
    if (ctx.principal) {
        outcome.user = ctx.principal->username;
    }
    outcome.client_ip = ctx.client_ip();
    outcome.secure = ctx.secure();
    finish(request, response, ctx.request_id(), locale, outcome);
    metrics_.request_finished();
    co_return response;
}

asio::awaitable<Response> Pipeline::dispatch(RequestContext& ctx, const Target& target, Outcome& outcome)
{
    const Request& request = ctx.request();
    if (!target.valid) {
        co_return Response::from_error(make_error(ErrorCode::bad_request));
    }
    auto match = router_.match(request.method, target.segments);
    if (request.method == Method::options) {
        if (match.allowed.empty()) {
            co_return Response::from_error(make_error(ErrorCode::not_found));
        }
        if (auto preflight_response = preflight(request, match)) {
            co_return std::move(*preflight_response);
        }
        Response r = Response::empty(Status::no_content);
        r.headers.set("Allow", allow_header(match.allowed));
        co_return r;
    }
    if (match.outcome == Router::Match::Outcome::not_found) {
        co_return Response::from_error(make_error(ErrorCode::not_found));
    }
    if (match.outcome == Router::Match::Outcome::method_not_allowed) {
        Response r = Response::from_error(make_error(ErrorCode::method_not_allowed));
        r.headers.set("Allow", allow_header(match.allowed));
        co_return r;
    }
    outcome.route = match.route;
    ctx.bind(match.route, std::move(match.params), target.query);

    // Authentication, rate limits and permissions come first: nobody learns anything about a
    // route's parameters without being allowed to call it.
    std::optional<Response> early;
    for (const auto& m : middleware_) {
        early = co_await m->before(ctx);
        if (early) {
            break;
        }
    }
    if (!early) {
        early = check_request(ctx, target.query);
    }
    // (No co_await inside a conditional expression: GCC 12 mishandles its temporaries.)
    Response response;
    if (early) {
        response = std::move(*early);
    } else {
        response = co_await invoke_cached(ctx);
    }
    for (const auto& m : middleware_) {
        co_await m->after(ctx, response);
    }
    // A GET whose representation the client already has (If-None-Match on the ETag) is a 304.
    if ((request.method == Method::get || request.method == Method::head) && response.status == Status::ok) {
        auto etag = response.headers.get("ETag");
        auto cached = request.headers.get("If-None-Match");
        if (etag && cached && (*cached == *etag || *cached == "W/" + std::string(*etag))) {
            Response not_modified = Response::empty(Status::not_modified);
            not_modified.headers.set("ETag", std::string(*etag));
            co_return not_modified;
        }
    }
    co_return response;
}

std::optional<Response> Pipeline::check_request(const RequestContext& ctx,
                                                const std::vector<std::pair<std::string, std::string>>& query) const
{
    const RouteSpec& spec = ctx.route()->spec;
    for (const auto& p : ctx.path_params()) {
        bool ok = value_has_type(p.value, p.type);
        if (ok && p.type == ParamType::integer && (p.value[0] == '-' || p.value == "0")) {
            ok = false;
        }
        if (!ok) {
            return Response::from_error(make_error(
                ErrorCode::bad_request, "error.invalid_path_param",
                {{"name", p.name},
                 {"expected", p.type == ParamType::integer ? "a positive integer"
                                                           : std::string(param_type_name(p.type))}}));
        }
    }
    if (auto error = check_query(spec, query)) {
        return Response::from_error(std::move(*error));
    }
    const Request& request = ctx.request();
    if (spec.request && (!request.body.empty() || request.headers.has("Content-Type"))) {
        auto type = request.headers.get("Content-Type");
        if (!type || !is_json_content_type(*type)) {
            return Response::from_error(make_error(ErrorCode::unsupported_media_type));
        }
    }
    if (!spec.consumes.empty()) {
        auto type = request.headers.get("Content-Type");
        if (!type || !is_consumed(spec, *type)) {
            return Response::from_error(make_error(ErrorCode::unsupported_media_type));
        }
    }
    return std::nullopt;
}

asio::awaitable<Response> Pipeline::invoke_cached(RequestContext& ctx)
{
    const Route& route = *ctx.route();
    const Method method = ctx.request().method;
    if (options_.response_cache == nullptr || !route.spec.cached || (method != Method::get && method != Method::head)) {
        co_return co_await invoke(ctx);
    }
    // The caller is part of the key: what a record shows depends on who reads it.
    std::string key = std::to_string(route.index);
    key += ' ';
    key += ctx.principal ? (ctx.principal->api_key_id ? "k" + std::to_string(*ctx.principal->api_key_id)
                                                      : "u" + std::to_string(ctx.principal->user_id))
                         : "-";
    key += ' ';
    key += locale_tag(ctx.locale());
    key += ' ';
    key += ctx.request().target;
    if (auto stored = options_.response_cache->find(key)) {
        co_return *stored;
    }
    // The count before the read: a write committed during it makes the answer stale at once.
    const auto generation = options_.response_cache->generation();
    Response response = co_await invoke(ctx);
    if (response.status == Status::ok && response.kind == Response::Kind::data) {
        options_.response_cache->store(key, generation, response);
    }
    co_return response;
}

asio::awaitable<Response> Pipeline::invoke(RequestContext& ctx)
{
    // Exceptions stop here: the client gets a bare 500 (or 503 for an unavailable dependency),
    // the log gets the details with the request id.
    std::optional<Response> response;
    try {
        response = co_await ctx.route()->handler(ctx);
    } catch (const Failure& e) {
        log::error("handler_failed", {{"requestId", ctx.request_id()},
                                      {"route", ctx.route()->display_path},
                                      {"error", e.what()}});
        Error error = make_error(e.unavailable() ? ErrorCode::unavailable : ErrorCode::internal);
        if (e.unavailable()) {
            error.retry_after = std::chrono::seconds(5);
        }
        response = Response::from_error(std::move(error));
    } catch (const std::exception& e) {
        log::error("handler_failed", {{"requestId", ctx.request_id()},
                                      {"route", ctx.route()->display_path},
                                      {"error", e.what()}});
        response = Response::from_error(make_error(ErrorCode::internal));
    }
    co_return std::move(*response);
}

std::optional<Response> Pipeline::preflight(const Request& request, const Router::Match& match) const
{
    auto origin = request.headers.get("Origin");
    auto wanted = request.headers.get("Access-Control-Request-Method");
    if (!origin || !wanted) {
        return std::nullopt;
    }
    if (!origin_allowed(*origin)) {
        return Response::from_error(make_error(ErrorCode::forbidden));
    }
    auto method = parse_method(*wanted);
    bool supported = std::find(match.allowed.begin(), match.allowed.end(), method) != match.allowed.end() ||
                     (method == Method::head &&
                      std::find(match.allowed.begin(), match.allowed.end(), Method::get) != match.allowed.end());
    if (!supported) {
        Response r = Response::from_error(make_error(ErrorCode::method_not_allowed));
        r.headers.set("Allow", allow_header(match.allowed));
        return r;
    }
    Response r = Response::empty(Status::no_content);
    r.headers.set("Access-Control-Allow-Methods", allow_header(match.allowed));
    r.headers.set("Access-Control-Allow-Headers", std::string(kAllowedRequestHeaders));
    r.headers.set("Access-Control-Max-Age", "600");
    return r;
}

Response Pipeline::reject(const Request& request, Error error)
{
    metrics_.request_started();
    Outcome outcome;
    auto locale = negotiate_locale(request.headers.get("Accept-Language").value_or(""), options_.default_locale);
    Response response = Response::from_error(std::move(error));
    finish(request, response, request_id_for(request), locale, outcome);
    metrics_.request_finished();
    return response;
}

void Pipeline::finish(const Request& request, Response& response, const std::string& request_id, Locale locale,
                      const Outcome& outcome) const
{
    const std::string& timestamp = cached_timestamp(clock_.now());
    switch (response.kind) {
    case Response::Kind::data: {
        std::string body;
        body.reserve(response.body.size() + 128);
        body += R"({"success":true,"data":)";
        body += response.body.empty() ? std::string_view("null") : std::string_view(response.body);
        if (response.pagination) {
            body += R"(,"pagination":)";
            body += render_pagination(*response.pagination);
        }
        body += R"(,"meta":)";
        append_meta(body, request_id, timestamp);
        body += '}';
        response.body = std::move(body);
        response.content_type = "application/json";
        break;
    }
    case Response::Kind::error:
        response.body = render_error_body(*response.error, locale, request_id, timestamp);
        response.content_type = "application/json";
        if (response.error->retry_after) {
            response.headers.set("Retry-After", std::to_string(response.error->retry_after->count()));
        }
        break;
    case Response::Kind::raw: break;
    case Response::Kind::empty: response.body.clear(); break;
    }

    auto& h = response.headers;
    h.add("X-Request-ID", request_id);
    h.add("X-Content-Type-Options", "nosniff");
    h.add("X-Frame-Options", "DENY");
    h.add("Referrer-Policy", "no-referrer");
    if (!h.has("Content-Security-Policy")) {
        h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
    if (!h.has("Cache-Control")) {
        h.set("Cache-Control", "no-store");
    }
    if (request.secure || outcome.secure) {
        h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (auto origin = request.headers.get("Origin"); origin && origin_allowed(*origin)) {
        bool any = std::find(options_.cors_origins.begin(), options_.cors_origins.end(), "*") != options_.cors_origins.end();
        h.set("Access-Control-Allow-Origin", any ? "*" : std::string(*origin));
        if (!any) {
            h.set("Access-Control-Allow-Credentials", "true");
            h.add("Vary", "Origin");
        }
        h.set("Access-Control-Expose-Headers", std::string(kExposedHeaders));
    }

    auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - outcome.start).count();
    auto status = static_cast<unsigned>(response.status);
    std::optional<std::size_t> index;
    if (outcome.route) {
        index = outcome.route->index;
    }
    metrics_.observe(index, request.method, status, elapsed);
    if (options_.access_log && log::enabled(log::Level::info)) {
        log::info("request", {{"requestId", request_id},
                              {"method", method_name(request.method)},
                              {"route", outcome.route ? std::string_view(outcome.route->display_path) : "-"},
                              {"status", status},
                              {"durationMs", std::round(elapsed * 1e6) / 1e3},
                              {"ip", outcome.client_ip.empty() ? request.remote_address : outcome.client_ip},
                              {"user", outcome.user ? log::Field::Value(std::string_view(*outcome.user))
                                                    : log::Field::Value(nullptr)}});
    }
}

}  // namespace sala::http
