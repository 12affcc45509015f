// multipart/form-data parsing: parts with names, file names and types; quoted and bare
// parameters; binary data with CRLFs inside; malformed bodies refused.
#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace sala::http {
namespace {

TEST(Multipart, ReadsEveryPart)
{
    std::string binary("a\r\nb\0c--d", 9);
    std::string body = "preamble\r\n--b1\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClass photo\r\n"
                       "--b1\r\ncontent-disposition: form-data; name=file; filename=\"Dara Sok.png\"\r\n"
                       "Content-Type: image/png\r\n\r\n" +
                       binary + "\r\n--b1--\r\nepilogue";
    auto parts = parse_multipart("multipart/form-data; boundary=b1", body);
    ASSERT_TRUE(parts) << parts.error().message_key;
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].name, "title");
    EXPECT_EQ((*parts)[0].data, "Class photo");
    EXPECT_TRUE((*parts)[0].filename.empty());
    EXPECT_EQ((*parts)[1].name, "file");
    EXPECT_EQ((*parts)[1].filename, "Dara Sok.png");
    EXPECT_EQ((*parts)[1].content_type, "image/png");
    EXPECT_EQ((*parts)[1].data, binary);
    EXPECT_TRUE(parse_multipart("multipart/form-data; charset=utf-8; boundary=\"b1\"", body));
}

TEST(Multipart, RecognisesItsContentType)
{
    EXPECT_TRUE(is_multipart("multipart/form-data; boundary=x"));
    EXPECT_TRUE(is_multipart("Multipart/Form-Data;boundary=x"));
    EXPECT_FALSE(is_multipart("multipart/mixed; boundary=x"));
    EXPECT_FALSE(is_multipart("image/png"));
}

TEST(Multipart, RefusesMalformedBodies)
{
    const std::string type = "multipart/form-data; boundary=b1";
    for (std::string body : {"", "no delimiter at all", "--b1\r\nContent-Disposition: form-data\r\n",
                             "--b1\r\nContent-Disposition: form-data; name=a\r\n\r\nunterminated",
                             "--b1\r\nno colon here\r\n\r\nx\r\n--b1--", "--b1garbage"}) {
        auto parts = parse_multipart(type, body);
        ASSERT_FALSE(parts) << body;
        EXPECT_EQ(parts.error().code, ErrorCode::bad_request);
    }
    EXPECT_FALSE(parse_multipart("multipart/form-data", "--b1\r\n\r\n\r\n--b1--"));  // no boundary
    EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=" + std::string(71, 'x'), ""));
}

}  // namespace
}  // namespace sala::http
