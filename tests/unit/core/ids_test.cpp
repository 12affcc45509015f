// Request ids: generated ones are UUIDs, incoming ones are echoed only when harmless.
#include "core/ids.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace sala {
namespace {

TEST(RequestId, GeneratesDistinctVersion4Uuids)
{
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto id = new_request_id();
        EXPECT_TRUE(std::regex_match(id, uuid)) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(RequestId, AcceptsOnlySafeIncomingIds)
{
    EXPECT_TRUE(is_valid_request_id("req_abc123"));
    EXPECT_TRUE(is_valid_request_id("3f1c9a62-0b7e-4d51-9c2a-6f8e1d2b4a70"));
    EXPECT_TRUE(is_valid_request_id("trace:1.2"));
    EXPECT_FALSE(is_valid_request_id(""));
    EXPECT_FALSE(is_valid_request_id(std::string(129, 'a')));
    EXPECT_FALSE(is_valid_request_id("abc def"));
    EXPECT_FALSE(is_valid_request_id("abc\r\nX-Evil: 1"));
    EXPECT_FALSE(is_valid_request_id("<script>"));
    EXPECT_FALSE(is_valid_request_id("ស្ត្រី"));
}

}  // namespace
}  // namespace sala
