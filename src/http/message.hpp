// Sala's own request and response types. Beast stays inside server.cpp; everything else —
// the pipeline, the router, every feature's routes and the tests — speaks these.
#pragma once

#include "core/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sala::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

std::string_view method_name(Method m);  // "GET", "DELETE" …
Method parse_method(std::string_view name);

enum class Status : unsigned {
    switching_protocols = 101,
    ok = 200,
    created = 201,
    accepted = 202,
    no_content = 204,
    not_modified = 304,
    bad_request = 400,
    unauthorized = 401,
    forbidden = 403,
    not_found = 404,
    method_not_allowed = 405,
    conflict = 409,
    gone = 410,
    precondition_failed = 412,
    payload_too_large = 413,
    unsupported_media_type = 415,
    unprocessable_entity = 422,
    locked = 423,
    too_many_requests = 429,
    request_header_fields_too_large = 431,
    internal_server_error = 500,
    service_unavailable = 503,
};

// The one mapping from expected failures to HTTP; a switch without default, so a new ErrorCode
// does not compile until it is mapped.
Status to_status(ErrorCode code);

struct Header {
    std::string name;
    std::string value;
};

// A small ordered header list; lookups ignore case (a request has a dozen headers at most).
class Headers {
public:
    [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const { return get(name).has_value(); }
    void set(std::string_view name, std::string value);  // replaces any existing value
    void add(std::string_view name, std::string value);  // keeps existing values (Set-Cookie, Vary)
    void remove(std::string_view name);
    [[nodiscard]] const std::vector<Header>& list() const { return list_; }

private:
    std::vector<Header> list_;
};

bool iequals(std::string_view a, std::string_view b);

struct Request {
    Method method = Method::get;
    std::string target;  // as received: path and query, percent-encoded
    Headers headers;
    std::string body;
    std::string remote_address;  // the peer's IP
    bool secure = false;         // arrived over TLS
    unsigned version = 11;       // 10 or 11
};

struct Pagination {
    std::int64_t page = 1;
    std::int64_t limit = 20;
    std::int64_t total = 0;
    std::optional<std::string> next_cursor;
};

// What a handler returns. Data responses carry only their `data` JSON; the pipeline wraps it in
// the envelope, adds meta, headers and the request id, so no handler can forget them.
class Response {
public:
    enum class Kind { data, error, raw, empty };

    static Response data(Status status, std::string data_json);
    static Response list(std::string data_json, Pagination pagination);
    static Response from_error(Error error);
    static Response raw(Status status, std::string content_type, std::string bytes);
    static Response empty(Status status = Status::no_content);

    Status status = Status::ok;
    Kind kind = Kind::empty;
    Headers headers;
    std::string body;  // data JSON (Kind::data) or the final bytes (Kind::raw, and after rendering)
    std::string content_type;
    std::optional<Pagination> pagination;
    std::optional<Error> error;
};

}  // namespace sala::http
