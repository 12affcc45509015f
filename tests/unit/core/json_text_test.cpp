// Hand-written JSON text stays valid whatever bytes a client sends.
#include "core/json_text.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

TEST(JsonText, EscapesControlsQuotesAndBadUtf8)
{
    struct Case {
        std::string input;
        std::string expected;
    };
    const Case cases[] = {
        {"plain", R"("plain")"},
        {"quote\" backslash\\", R"("quote\" backslash\\")"},
        {"line\nbreak\ttab\r", R"("line\nbreak\ttab\r")"},
        {std::string("nul\0x", 5), R"("nul\u0000x")"},
        {"\x01\x1f", R"("\u0001\u001f")"},
        {"ស្ត្រី", "\"ស្ត្រី\""},
        {"bad \xff byte", "\"bad \xEF\xBF\xBD byte\""},
        {"cut \xE1\x9E", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},
        {"overlong \xC0\xAF", "\"overlong \xEF\xBF\xBD\xEF\xBF\xBD\""},
    };
    for (const auto& c : cases) {
        std::string out;
        append_json_string(out, c.input);
        EXPECT_EQ(out, c.expected);
    }
}

}  // namespace
}  // namespace sala
