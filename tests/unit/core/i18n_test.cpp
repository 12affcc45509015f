// Message catalogue and language negotiation. The scan test keeps the catalogue complete: every
// message key the code names must exist in English and Khmer.
#include "core/i18n.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace sala {
namespace {

TEST(Locale, NegotiatesByQualityAndFallsBack)
{
    struct Case {
        std::string_view header;
        Locale fallback;
        Locale expected;
    };
    const Case cases[] = {
        {"", Locale::en, Locale::en},
        {"", Locale::km, Locale::km},
        {"km", Locale::en, Locale::km},
        {"km-KH", Locale::en, Locale::km},
        {"KM", Locale::en, Locale::km},
        {"en-US,en;q=0.9", Locale::km, Locale::en},
        {"fr-FR, km;q=0.8, en;q=0.5", Locale::en, Locale::km},
        {"en;q=0.9, km;q=0.95", Locale::en, Locale::km},
        {"fr, de", Locale::km, Locale::km},
        {"km;q=0", Locale::en, Locale::en},
        {"km;q=abc", Locale::en, Locale::en},
        {"*", Locale::en, Locale::en},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(negotiate_locale(c.header, c.fallback), c.expected) << "'" << c.header << "'";
    }
}

TEST(Translate, SubstitutesArgumentsAndSpeaksKhmer)
{
    EXPECT_EQ(translate(Locale::en, "field.too_long", {{"max", "64"}}), "Must be at most 64 characters.");
    EXPECT_EQ(translate(Locale::km, "field.too_long", {{"max", "64"}}), "ត្រូវមានយ៉ាងច្រើន 64 តួអក្សរ។");
    EXPECT_EQ(translate(Locale::km, "error.not_found"), "រកមិនឃើញធនធានដែលបានស្នើសុំទេ។");
    EXPECT_EQ(translate(Locale::en, "error.invalid_path_param", {{"name", "id"}}),
              "Path parameter 'id' must be {expected}.");  // a missing argument stays visible
    EXPECT_EQ(translate(Locale::en, "no.such.key"), "no.such.key");
}

// Every "error.*" / "field.*" key written in the sources, and every field-error code passed to
// field_error() or FieldErrors::add (by convention the collector is named `errors`), must have
// both translations.
TEST(Catalogue, HasEveryKeyTheSourcesUse)
{
    std::set<std::string> keys;
    const std::regex key_literal(R"re("((error|field)\.[a-z_]+)")re");
    const std::regex field_code(R"re((errors\.add|field_error)\([^;]*?"([A-Z][A-Z_]+)")re");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SALA_SOURCE_DIR "/src")) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), key_literal), end; it != end; ++it) {
            keys.insert((*it)[1]);
        }
        for (std::sregex_iterator it(source.begin(), source.end(), field_code), end; it != end; ++it) {
            std::string code = (*it)[2];
            for (auto& c : code) {
                c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            keys.insert("field." + code);
        }
    }
    ASSERT_GT(keys.size(), 10u);
    for (const auto& key : keys) {
        EXPECT_TRUE(has_message(key)) << "missing from the catalogue: " << key;
    }
}

}  // namespace
}  // namespace sala
