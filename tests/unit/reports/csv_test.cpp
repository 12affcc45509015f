// CSV text without knowing what the rows mean: byte-order mark, delimiter sniffing, RFC 4180
// quoting, UTF-8 checking and formula shielding.
#include "reports/csv/csv.hpp"

#include <gtest/gtest.h>

namespace sala::csv {
namespace {

using Cells = std::vector<std::vector<std::string>>;

TEST(Csv, StripsTheByteOrderMarkOnlyAtTheStart)
{
    EXPECT_EQ(strip_bom("\xEF\xBB\xBF" "a,b"), "a,b");
    EXPECT_EQ(strip_bom("a,b"), "a,b");
    EXPECT_EQ(strip_bom("a,\xEF\xBB\xBF"), "a,\xEF\xBB\xBF");
}

TEST(Csv, SniffsTheDelimiterFromTheFirstRecord)
{
    const std::pair<std::string_view, char> cases[] = {
        {"a,b,c\n1;2;3;4;5", ','},
        {"a;b;c\n1,2,3,4,5", ';'},
        {"a\tb\tc\n1,2", '\t'},
        {"\"x;y;z\",b,c\n", ','},   // delimiters inside quotes do not count
        {"\"x,y,z\";b;c\r\n", ';'},
        {"a;b,c\n", ','},           // a tie: the comma
        {"single\n", ','},
        {"", ','},
    };
    for (const auto& [text, expected] : cases) {
        EXPECT_EQ(sniff_delimiter(text), expected) << text;
    }
}

TEST(Csv, ReadsQuotedCellsWithDelimitersQuotesLineBreaksAndKhmer)
{
    auto parsed = read_records("code,name,note\r\n"
                               "A1,\"Sok, Dara\",\"He said \"\"hi\"\"\"\r\n"
                               "A2,ដារា,\"line one\nline two\r\nline three\"\n"
                               "A3,,\"\"\n",
                               ',');
    EXPECT_FALSE(parsed.unclosed_quote);
    Cells expected{{"code", "name", "note"},
                     {"A1", "Sok, Dara", "He said \"hi\""},
                     {"A2", "ដារា", "line one\nline two\r\nline three"},
                     {"A3", "", ""}};
    EXPECT_EQ(parsed.records, expected);
}

TEST(Csv, EndsRecordsAtCrLfLfOrTheEndOfTheText)
{
    Cells two{{"a", "b"}, {"1", "2"}};
    EXPECT_EQ(read_records("a;b\r\n1;2\r\n", ';').records, two);
    EXPECT_EQ(read_records("a;b\n1;2", ';').records, two);
    EXPECT_EQ(read_records("a;b\r1;2\r", ';').records, two);
    // A blank line is a record with one empty cell (the import skips it, keeping row numbers).
    EXPECT_EQ(read_records("a\n\nb\n", ',').records, (Cells{{"a"}, {""}, {"b"}}));
    EXPECT_TRUE(read_records("", ',').records.empty());
}

TEST(Csv, AQuoteInsideAnUnquotedCellIsText)
{
    EXPECT_EQ(read_records("5'11\",x\n", ',').records, (Cells{{"5'11\"", "x"}}));
}

TEST(Csv, ReportsAQuoteNeverClosed)
{
    auto parsed = read_records("a,b\n1,2\n3,\"never\nclosed\n", ',');
    ASSERT_TRUE(parsed.unclosed_quote);
    EXPECT_EQ(*parsed.unclosed_quote, 2u);
}

TEST(Csv, WritesWhatItReadsForEachDelimiter)
{
    const std::vector<std::string> cells{"plain", "with, comma", "with; semicolon", "with\ttab", "say \"hi\"",
                                         "two\nlines", "cr\r\nlf", "", "សុខ ដារា", " spaced "};
    for (char delimiter : {',', ';', '\t'}) {
        std::string out;
        append_record(out, cells, delimiter);
        append_record(out, cells, delimiter);
        EXPECT_TRUE(out.ends_with("\r\n"));
        auto parsed = read_records(out, delimiter);
        EXPECT_FALSE(parsed.unclosed_quote);
        EXPECT_EQ(parsed.records, (Cells{cells, cells})) << out;
    }
    std::string out;
    append_record(out, std::vector<std::string>{"a", "b c", "d"});
    EXPECT_EQ(out, "a,b c,d\r\n");  // quotes only where needed
}

TEST(Csv, FindsTheFirstByteThatIsNotUtf8)
{
    const std::pair<std::string, std::optional<std::size_t>> cases[] = {
        {"plain ascii", std::nullopt},
        {"សុខ ដារា, Dara", std::nullopt},
        {"\xF0\x9F\x98\x80 emoji", std::nullopt},
        {"ab\xE9 latin-1", 2},           // a Windows-1252 é
        {"\xC0\x80 overlong", 0},
        {"x\xED\xA0\x80 surrogate", 1},
        {"\xF4\x90\x80\x80 past U+10FFFF", 0},
        {"cut \xE1\x9E", 4},
        {"\x80 continuation first", 0},
    };
    for (const auto& [text, expected] : cases) {
        EXPECT_EQ(invalid_utf8_at(text), expected) << text;
    }
}

TEST(Csv, ShieldsFormulasAndTakesTheShieldOffAgain)
{
    const std::pair<std::string, std::string> cases[] = {
        {"=SUM(A1:A9)", "'=SUM(A1:A9)"},
        {"@cmd", "'@cmd"},
        {"+HYPERLINK(\"x\")", "'+HYPERLINK(\"x\")"},
        {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
        {"'quoted", "''quoted"},   // a leading apostrophe survives the round trip
        {"'=x", "''=x"},
        {"+855 12 345 678", "+855 12 345 678"},  // phone numbers stay as they are
        {"-", "-"},
        {"Dara", "Dara"},
        {"", ""},
    };
    for (const auto& [plain, shielded] : cases) {
        EXPECT_EQ(shield_formula(plain), shielded);
        EXPECT_EQ(unshield_formula(shield_formula(plain)), plain);
    }
    EXPECT_EQ(unshield_formula("'Sok"), "'Sok");  // an apostrophe a person typed stays
}

}  // namespace
}  // namespace sala::csv
