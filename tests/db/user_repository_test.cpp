// The users repository on both backends: case-insensitive usernames, unique among live accounts.
#include "school/users/user_repository.hpp"
#include "school/users/user_service.hpp"
#include "support/backend_test.hpp"
#include "support/test_app.hpp"

namespace sala::users {
namespace {

using test::TestDatabase;

class UserRepositoryTest : public test::BackendTest {};

NewUser sample(std::string username)
{
    return NewUser{std::move(username), "correct horse battery", "Sokha", "Chan", "teacher", "Maths", std::nullopt,
                   std::nullopt};
}

TEST_P(UserRepositoryTest, InsertsAndFindsCaseInsensitively)
{
    TestDatabase t(GetParam());
    auto now = test::default_start_time();
    std::optional<std::int64_t> id;
    {
        auto tx = t.db().write();
        id = repo::insert(*tx, sample("Sokha.Chan"), "$argon2id$fake", now);
        tx.commit();
    }
    ASSERT_TRUE(id);
    auto lease = t.db().read();
    auto found = repo::find_by_username(*lease, "sokha.chan");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, *id);
    EXPECT_EQ(found->username, "Sokha.Chan");
    EXPECT_EQ(found->role, "teacher");
    EXPECT_EQ(found->position, "Maths");
    EXPECT_FALSE(found->phonenumber1);
    EXPECT_EQ(found->status, "active");
    EXPECT_EQ(found->failed_login_attempts, 0);
    EXPECT_EQ(found->created_at, now);
    EXPECT_FALSE(repo::find_by_username(*lease, "someone"));
}

TEST_P(UserRepositoryTest, UsernamesAreUniqueAmongLiveAccounts)
{
    TestDatabase t(GetParam());
    auto now = test::default_start_time();
    auto tx = t.db().write();
    auto first = repo::insert(*tx, sample("dara"), "h", now);
    ASSERT_TRUE(first);
    EXPECT_FALSE(repo::insert(*tx, sample("DARA"), "h", now));
    // The database enforces it too, whatever the code does.
    EXPECT_THROW(tx->execute("INSERT INTO users (username, password_hash, role, created_at, updated_at) "
                             "VALUES ($1, 'h', 'teacher', $2, $2)",
                             "Dara", now),
                 db::DbError);
}

TEST_P(UserRepositoryTest, ADeletedAccountFreesItsUsername)
{
    TestDatabase t(GetParam());
    auto now = test::default_start_time();
    auto tx = t.db().write();
    auto first = repo::insert(*tx, sample("vanna"), "h", now);
    ASSERT_TRUE(first);
    tx->execute("UPDATE users SET deleted_at = $2 WHERE user_id = $1", *first, now);
    auto second = repo::insert(*tx, sample("vanna"), "h", now);
    ASSERT_TRUE(second);
    EXPECT_NE(*first, *second);
}

TEST_P(UserRepositoryTest, AProfileWithAnotherAvatarAddressLetsGoOfTheUploadedOne)
{
    TestDatabase t(GetParam());
    auto now = test::default_start_time();
    auto tx = t.db().write();
    auto id = repo::insert(*tx, sample("vanna"), "h", now);
    ASSERT_TRUE(id);
    auto file = tx->query_value<std::int64_t>(
        "INSERT INTO files (storage_path, content_type, size_bytes, sha256, created_at) "
        "VALUES ('ab/cd', 'image/png', 1, 'cd', $1) RETURNING file_id",
        now);
    ASSERT_TRUE(file);
    ASSERT_TRUE(repo::set_avatar(*tx, *id, *file, "/api/v1/users/1/avatar", now));
    repo::update_profile(*tx, *id, users::Profile{"Vanna", "Chan", std::nullopt, std::nullopt, "/api/v1/users/1/avatar"},
                         now);
    EXPECT_EQ(repo::avatar_file(*tx, *id), std::optional<std::optional<std::int64_t>>(file));
    repo::update_profile(*tx, *id, users::Profile{"Vanna", "Chan", std::nullopt, std::nullopt, "https://x.example/a.png"},
                         now);
    EXPECT_EQ(repo::avatar_file(*tx, *id), std::optional<std::optional<std::int64_t>>(std::optional<std::int64_t>()));
}

TEST_P(UserRepositoryTest, CreateUserHashesWithArgon2idAndReportsEveryBadField)
{
    TestDatabase t(GetParam());
    ManualClock clock(test::default_start_time());
    auto id = create_user(t.db(), clock, sample("  kosal  "));
    ASSERT_TRUE(id);
    auto lease = t.db().read();
    auto user = repo::find_by_username(*lease, "kosal");
    ASSERT_TRUE(user);
    EXPECT_TRUE(user->password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << user->password_hash;
    EXPECT_EQ(user->password_hash.find("correct horse"), std::string::npos);

    auto duplicate = create_user(t.db(), clock, sample("KOSAL"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);

    NewUser bad{"x", "short", "Bad", "Input", "principal", std::nullopt, std::nullopt, std::nullopt};
    auto invalid = create_user(t.db(), clock, bad);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code, ErrorCode::validation_error);
    std::vector<std::string> fields;
    for (const auto& d : invalid.error().details) {
        fields.push_back(d.field + ":" + d.code);
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"username:TOO_SHORT", "role:INVALID_VALUE", "password:TOO_SHORT"}));

    NewUser contains{"chenda", "my-chenda-password", "Chenda", "Sok", "admin", std::nullopt, std::nullopt,
                     std::nullopt};
    auto weak = create_user(t.db(), clock, contains);
    ASSERT_FALSE(weak);
    EXPECT_EQ(weak.error().details.at(0).code, "CONTAINS_USERNAME");
}

SALA_INSTANTIATE_BACKENDS(UserRepositoryTest);

}  // namespace
}  // namespace sala::users
