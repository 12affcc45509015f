// Names and builders for the error vocabulary declared in error.hpp.
#include "core/error.hpp"

namespace sala {

std::string_view error_code_name(ErrorCode code)
{
    switch (code) {
    case ErrorCode::bad_request: return "BAD_REQUEST";
    case ErrorCode::unauthorized: return "UNAUTHORIZED";
    case ErrorCode::forbidden: return "FORBIDDEN";
    case ErrorCode::not_found: return "NOT_FOUND";
    case ErrorCode::method_not_allowed: return "METHOD_NOT_ALLOWED";
    case ErrorCode::conflict: return "CONFLICT";
    case ErrorCode::precondition_failed: return "PRECONDITION_FAILED";
    case ErrorCode::payload_too_large: return "PAYLOAD_TOO_LARGE";
    case ErrorCode::unsupported_media_type: return "UNSUPPORTED_MEDIA_TYPE";
    case ErrorCode::headers_too_large: return "REQUEST_HEADER_FIELDS_TOO_LARGE";
    case ErrorCode::validation_error: return "VALIDATION_ERROR";
    case ErrorCode::account_locked: return "ACCOUNT_LOCKED";
    case ErrorCode::rate_limited: return "RATE_LIMIT_EXCEEDED";
    case ErrorCode::internal: return "INTERNAL_SERVER_ERROR";
    case ErrorCode::unavailable: return "SERVICE_UNAVAILABLE";
    }
    return "INTERNAL_SERVER_ERROR";
}

Error make_error(ErrorCode code, std::string message_key, MessageArgs args)
{
    return Error{code, std::move(message_key), std::move(args), {}, std::nullopt};
}

Error validation_failed(std::vector<FieldError> details)
{
    Error e = make_error(ErrorCode::validation_error);
    e.details = std::move(details);
    return e;
}

FieldError field_error(std::string field, std::string code, MessageArgs args)
{
    std::string key = "field." + code;
    for (auto& c : key) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return FieldError{std::move(field), std::move(code), std::move(key), std::move(args)};
}

void FieldErrors::add(std::string field, std::string code, MessageArgs args)
{
    errors_.push_back(field_error(std::move(field), std::move(code), std::move(args)));
}

void throw_exception_from_error(const Error& e, const boost::source_location& loc)
{
    throw Failure("unchecked error result " + std::string(error_code_name(e.code)) + " at " +
                  loc.file_name() + ":" + std::to_string(loc.line()));
}

}  // namespace sala
