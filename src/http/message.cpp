// Method names, the ErrorCode → status mapping, header lists and response builders.
#include "http/message.hpp"

#include <algorithm>

namespace sala::http {

std::string_view method_name(Method m)
{
    switch (m) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::delete_: return "DELETE";
    case Method::options: return "OPTIONS";
    case Method::other: return "OTHER";
    }
    return "OTHER";
}

Method parse_method(std::string_view name)
{
    for (auto m : {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::delete_,
                   Method::options}) {
        if (name == method_name(m)) {
            return m;
        }
    }
    return Method::other;
}

Status to_status(ErrorCode code)
{
    switch (code) {
    case ErrorCode::bad_request: return Status::bad_request;
    case ErrorCode::unauthorized: return Status::unauthorized;
    case ErrorCode::forbidden: return Status::forbidden;
    case ErrorCode::not_found: return Status::not_found;
    case ErrorCode::method_not_allowed: return Status::method_not_allowed;
    case ErrorCode::conflict: return Status::conflict;
    case ErrorCode::precondition_failed: return Status::precondition_failed;
    case ErrorCode::payload_too_large: return Status::payload_too_large;
    case ErrorCode::unsupported_media_type: return Status::unsupported_media_type;
    case ErrorCode::headers_too_large: return Status::request_header_fields_too_large;
    case ErrorCode::validation_error: return Status::unprocessable_entity;
    case ErrorCode::account_locked: return Status::locked;
    case ErrorCode::rate_limited: return Status::too_many_requests;
    case ErrorCode::internal: return Status::internal_server_error;
    case ErrorCode::unavailable: return Status::service_unavailable;
    }
    return Status::internal_server_error;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

std::optional<std::string_view> Headers::get(std::string_view name) const
{
    for (const auto& h : list_) {
        if (iequals(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

void Headers::set(std::string_view name, std::string value)
{
    remove(name);
    add(name, std::move(value));
}

void Headers::add(std::string_view name, std::string value)
{
    if (list_.capacity() == 0) {
        list_.reserve(16);  // one allocation covers a whole request's or response's headers
    }
    list_.push_back(Header{std::string(name), std::move(value)});
}

void Headers::remove(std::string_view name)
{
    std::erase_if(list_, [&](const Header& h) { return iequals(h.name, name); });
}

Response Response::data(Status status, std::string data_json)
{
    Response r;
    r.status = status;
    r.kind = Kind::data;
    r.body = std::move(data_json);
    return r;
}

Response Response::list(std::string data_json, Pagination pagination)
{
    Response r = data(Status::ok, std::move(data_json));
    r.pagination = std::move(pagination);
    return r;
}

Response Response::from_error(Error error)
{
    Response r;
    r.status = to_status(error.code);
    r.kind = Kind::error;
    r.error = std::move(error);
    return r;
}

Response Response::raw(Status status, std::string content_type, std::string bytes)
{
    Response r;
    r.status = status;
    r.kind = Kind::raw;
    r.content_type = std::move(content_type);
    r.body = std::move(bytes);
    return r;
}

Response Response::empty(Status status)
{
    Response r;
    r.status = status;
    r.kind = Kind::empty;
    return r;
}

}  // namespace sala::http
