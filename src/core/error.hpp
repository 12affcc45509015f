// The vocabulary of expected failures (errors as values) and the one exception type for the
// unexpected. Nothing here knows HTTP: src/http/status.cpp maps ErrorCode to a status code.
#pragma once

#include <boost/system/result.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sala {

enum class ErrorCode {
    bad_request,             // malformed JSON or parameters
    unauthorized,            // no valid credentials
    forbidden,               // valid credentials, no permission
    not_found,
    method_not_allowed,
    conflict,                // unique key, state that forbids the change
    precondition_failed,     // stale If-Match
    payload_too_large,
    unsupported_media_type,
    headers_too_large,
    validation_error,        // well-formed input that breaks a rule; carries per-field details
    account_locked,
    rate_limited,
    internal,                // never carries details; the log has them
    unavailable,             // dependency down or overloaded; retryable
};

// The wire name of a code ("VALIDATION_ERROR").
std::string_view error_code_name(ErrorCode code);

// Message arguments substituted into a catalogue message ("{field}" -> value).
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

struct FieldError {
    std::string field;        // JSON path of the offending input: "studentInfo.dateOfBirth", "scores[2].score"
    std::string code;         // machine-readable: REQUIRED, INVALID_TYPE, UNKNOWN_FIELD, INVALID_FORMAT…
    std::string message_key;  // catalogue key of the human message
    MessageArgs args;
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message_key;  // catalogue key; empty means the code's default message
    MessageArgs args;
    std::vector<FieldError> details;
    std::optional<std::chrono::seconds> retry_after;  // 423, 429, 503
};

template <class T>
using Result = boost::system::result<T, Error>;

// Builders for the common shapes, so call sites read as sentences.
Error make_error(ErrorCode code, std::string message_key = {}, MessageArgs args = {});
Error validation_failed(std::vector<FieldError> details);
FieldError field_error(std::string field, std::string code, MessageArgs args = {});

// Collects field errors while a whole input is checked, so one 422 names every bad field.
class FieldErrors {
public:
    void add(std::string field, std::string code, MessageArgs args = {});
    void add(FieldError error) { errors_.push_back(std::move(error)); }
    [[nodiscard]] bool empty() const { return errors_.empty(); }
    [[nodiscard]] const std::vector<FieldError>& list() const { return errors_; }
    [[nodiscard]] Error to_error() const { return validation_failed(errors_); }

private:
    std::vector<FieldError> errors_;
};

// The one exception type: infrastructure failures and bugs. Caught once at the router boundary
// (answered with a bare 500, or 503 when `unavailable` is set) and logged with the request id.
class Failure : public std::runtime_error {
public:
    explicit Failure(const std::string& what, bool unavailable = false)
        : std::runtime_error(what), unavailable_(unavailable)
    {
    }
    [[nodiscard]] bool unavailable() const { return unavailable_; }

private:
    bool unavailable_;
};

// Called by Result<T>::value() on an error; a programming error, so it becomes a Failure.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

}  // namespace sala
