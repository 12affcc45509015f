// The password rules and hashes: argon2id at the OWASP parameters, bcrypt imports verified,
// the policy table (length, username, common passwords and dressed-up dictionary words).
#include "auth/password.hpp"
#include "core/error.hpp"

#include <crypt.h>
#include <gtest/gtest.h>

namespace sala::auth {
namespace {

TEST(PasswordHash, IsArgon2idAtTheOwaspMinimum)
{
    auto hash = hash_password("correct horse battery staple");
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
    EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
    EXPECT_FALSE(verify_password(hash, "correct horse battery stapl"));
    EXPECT_FALSE(needs_rehash(hash));
    EXPECT_NE(hash_password("correct horse battery staple"), hash);  // salted
    EXPECT_FALSE(verify_password("plain-text", "plain-text"));
    EXPECT_FALSE(verify_password("", ""));
}

TEST(PasswordHash, AcceptsImportedBcryptAndAsksForARehash)
{
    for (std::string_view prefix : {"$2b$", "$2a$", "$2y$"}) {
        crypt_data data{};
        std::string setting = std::string(prefix) + "05$abcdefghijklmnopqrstuu";
        const char* hashed = crypt_rn("the old system's password", setting.c_str(), &data, sizeof data);
        ASSERT_NE(hashed, nullptr);
        std::string hash = hashed;
        ASSERT_TRUE(hash.starts_with(prefix)) << hash;
        EXPECT_TRUE(verify_password(hash, "the old system's password")) << prefix;
        EXPECT_FALSE(verify_password(hash, "another password")) << prefix;
        EXPECT_TRUE(needs_rehash(hash));
    }
}

TEST(PasswordHash, DummyVerificationsAreCounted)
{
    auto before = verification_count();
    verify_against_dummy("whatever it is");
    EXPECT_EQ(verification_count(), before + 1);
}

TEST(PasswordPolicy, Table)
{
    struct Case {
        std::string_view password;
        std::string_view username;
        std::string_view code;  // empty: accepted
    };
    static const std::string too_long(129, 'x');
    const Case cases[] = {
        {"correct horse battery staple", "sokha", ""},
        {"kosal-school-2026", "dara", ""},
        {"a long enough passphrase", "dara", ""},
        {"xK9#mQ2$vL7pW", "dara", ""},
        {"ស្ត្រីក្សត្រមិត្តភាព", "dara", ""},  // 12+ Khmer characters count as characters, not bytes
        {"short", "dara", "TOO_SHORT"},
        {"elevenchars", "dara", "TOO_SHORT"},
        {too_long, "dara", "TOO_LONG"},
        {"my-sokha.chan-secret", "Sokha.Chan", "CONTAINS_USERNAME"},
        {"password1234", "dara", "TOO_COMMON"},
        {"P@ssw0rd2024!", "dara", "TOO_COMMON"},
        {"qwertyuiop12", "dara", "TOO_COMMON"},
        {"sunshine1234", "dara", "TOO_COMMON"},
        {"123456789012", "dara", "TOO_COMMON"},
        {"iloveyou2024", "dara", "TOO_COMMON"},
        {"Elephant2026!", "dara", "TOO_COMMON"},
        {"abcdefghijkl", "dara", "TOO_COMMON"},
        {"987654321098", "dara", "TOO_COMMON"},
        {"aaaaaaaaaaaa", "dara", "TOO_COMMON"},
        {"abababababab", "dara", "TOO_COMMON"},
    };
    for (const auto& c : cases) {
        FieldErrors errors;
        check_password_policy(c.password, c.username, "password", errors);
        if (c.code.empty()) {
            EXPECT_TRUE(errors.empty()) << c.password << ": " << (errors.empty() ? "" : errors.list()[0].code);
        } else {
            ASSERT_EQ(errors.list().size(), 1u) << c.password;
            EXPECT_EQ(errors.list()[0].code, c.code) << c.password;
            EXPECT_EQ(errors.list()[0].field, "password");
        }
    }
}

TEST(PasswordGenerator, MakesStrongPasswords)
{
    for (int i = 0; i < 20; ++i) {
        auto p = generate_password();
        EXPECT_EQ(p.size(), 20u);
        FieldErrors errors;
        check_password_policy(p, "admin", "password", errors);
        EXPECT_TRUE(errors.empty()) << p;
    }
}

}  // namespace
}  // namespace sala::auth
