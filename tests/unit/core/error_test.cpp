// The error vocabulary: every code has a wire name, a default message in both languages and the
// HTTP status DESIGN.md §5 assigns it.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "http/message.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

TEST(ErrorCode, MapsToTheDocumentedStatusAndName)
{
    struct Case {
        ErrorCode code;
        unsigned status;
        std::string_view name;
    };
    const Case cases[] = {
        {ErrorCode::bad_request, 400, "BAD_REQUEST"},
        {ErrorCode::unauthorized, 401, "UNAUTHORIZED"},
        {ErrorCode::forbidden, 403, "FORBIDDEN"},
        {ErrorCode::not_found, 404, "NOT_FOUND"},
        {ErrorCode::method_not_allowed, 405, "METHOD_NOT_ALLOWED"},
        {ErrorCode::conflict, 409, "CONFLICT"},
        {ErrorCode::precondition_failed, 412, "PRECONDITION_FAILED"},
        {ErrorCode::payload_too_large, 413, "PAYLOAD_TOO_LARGE"},
        {ErrorCode::unsupported_media_type, 415, "UNSUPPORTED_MEDIA_TYPE"},
        {ErrorCode::headers_too_large, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE"},
        {ErrorCode::validation_error, 422, "VALIDATION_ERROR"},
        {ErrorCode::account_locked, 423, "ACCOUNT_LOCKED"},
        {ErrorCode::rate_limited, 429, "RATE_LIMIT_EXCEEDED"},
        {ErrorCode::internal, 500, "INTERNAL_SERVER_ERROR"},
        {ErrorCode::unavailable, 503, "SERVICE_UNAVAILABLE"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(static_cast<unsigned>(http::to_status(c.code)), c.status) << c.name;
        EXPECT_EQ(error_code_name(c.code), c.name);
        EXPECT_TRUE(has_message(default_message_key(c.code))) << c.name;
    }
}

TEST(FieldErrors, CollectsEveryFieldWithCatalogueKeys)
{
    FieldErrors errors;
    EXPECT_TRUE(errors.empty());
    errors.add("username", "TOO_SHORT", {{"min", "3"}});
    errors.add("role", "INVALID_VALUE");
    Error e = errors.to_error();
    EXPECT_EQ(e.code, ErrorCode::validation_error);
    ASSERT_EQ(e.details.size(), 2u);
    EXPECT_EQ(e.details[0].field, "username");
    EXPECT_EQ(e.details[0].message_key, "field.too_short");
    EXPECT_EQ(translate(Locale::en, e.details[0].message_key, e.details[0].args), "Must be at least 3 characters.");
}

TEST(Result, UncheckedValueOfAnErrorThrowsFailure)
{
    Result<int> r = make_error(ErrorCode::not_found);
    EXPECT_THROW((void)r.value(), Failure);
}

}  // namespace
}  // namespace sala
