// The Database contract, run on SQLite and PostgreSQL alike: migrations, `$n` binding, typed
// rows, transactions, constraint errors, pooled readers.
#include "db/migrations.hpp"
#include "support/backend_test.hpp"

#include <thread>

namespace sala::db {
namespace {

using test::TestDatabase;

class DatabaseTest : public test::BackendTest {};

TEST_P(DatabaseTest, MigrationsApplyOnceAndAreRecorded)
{
    TestDatabase t(GetParam(), false);
    auto first = migrate(t.db());
    ASSERT_EQ(first.applied.size(), embedded_migrations().size());
    EXPECT_EQ(first.current, embedded_migrations().back().version);
    auto second = migrate(t.db());
    EXPECT_TRUE(second.applied.empty());
    EXPECT_EQ(second.current, first.current);
    auto lease = t.db().read();
    EXPECT_EQ(lease->query_value<std::int64_t>("SELECT count(*) FROM schema_migrations"),
              static_cast<std::int64_t>(embedded_migrations().size()));
    EXPECT_EQ(lease->query_value<std::string>("SELECT name FROM schema_migrations WHERE version = $1", 1), "users");
}

TEST_P(DatabaseTest, AFailedMigrationLeavesNoTrace)
{
    TestDatabase t(GetParam(), false);
    std::vector<Migration> migrations{
        {1, "good", "CREATE TABLE good (id {{pk}}, name TEXT NOT NULL)"},
        {2, "bad", "CREATE TABLE half (id {{pk}}); INSERT INTO no_such_table VALUES (1)"},
    };
    EXPECT_THROW(migrate(t.db(), migrations), DbError);
    auto lease = t.db().read();
    EXPECT_EQ(lease->query_value<std::int64_t>("SELECT max(version) FROM schema_migrations"), 1);
    EXPECT_NO_THROW(lease->query("SELECT id, name FROM good"));
    EXPECT_THROW(lease->query("SELECT id FROM half"), DbError);  // its transaction was rolled back
}

TEST_P(DatabaseTest, ParametersBindByNumber)
{
    TestDatabase t(GetParam());
    auto lease = t.db().read();
    auto rows = lease->query("SELECT CAST($2 AS TEXT) AS b, CAST($1 AS BIGINT) AS a, CAST($1 AS BIGINT) + 1 AS c",
                             std::int64_t{41}, "two");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().get<std::string>("b"), "two");
    EXPECT_EQ(rows.front().get<std::int64_t>("a"), 41);
    EXPECT_EQ(rows.front().get<std::int64_t>("c"), 42);
    EXPECT_THROW(lease->query("SELECT CAST($1 AS BIGINT)", std::int64_t{1}, std::int64_t{2}), Failure);
}

TEST_P(DatabaseTest, RowsAreTyped)
{
    TestDatabase t(GetParam());
    {
        auto tx = t.db().write();
        tx->execute_script(expand_dialect(
            "CREATE TABLE sample (id {{pk}}, name TEXT, score DOUBLE PRECISION, active BOOLEAN, n BIGINT, day TEXT)",
            tx->dialect()));
        tx->execute("INSERT INTO sample (name, score, active, n, day) VALUES ($1, $2, $3, $4, $5)", "ស្ត្រី", 87.25,
                    true, std::int64_t{9007199254740993}, *parse_date("2026-09-01"));
        tx->execute("INSERT INTO sample (name, score, active, n, day) VALUES ($1, $2, $3, $4, $5)",
                    std::optional<std::string>{}, std::optional<double>{}, false, std::optional<std::int64_t>{},
                    std::optional<Date>{});
        tx.commit();
    }
    auto lease = t.db().read();
    auto rows = lease->query("SELECT id, name, score, active, n, day FROM sample ORDER BY id");
    ASSERT_EQ(rows.size(), 2u);
    auto first = rows[0];
    EXPECT_EQ(first.get<std::string>("name"), "ស្ត្រី");
    EXPECT_DOUBLE_EQ(first.get<double>("score"), 87.25);
    EXPECT_TRUE(first.get<bool>("active"));
    EXPECT_EQ(first.get<std::int64_t>("n"), 9007199254740993);
    EXPECT_EQ(first.get<Date>("day"), *parse_date("2026-09-01"));
    auto second = rows[1];
    EXPECT_FALSE(second.get<std::optional<std::string>>("name"));
    EXPECT_FALSE(second.get<std::optional<double>>("score"));
    EXPECT_FALSE(second.get<bool>("active"));
    EXPECT_THROW((void)second.get<std::string>("name"), Failure);
    EXPECT_GT(second.get<std::int64_t>("id"), first.get<std::int64_t>("id"));
}

TEST_P(DatabaseTest, TransactionsCommitOrRollBack)
{
    TestDatabase t(GetParam());
    {
        auto tx = t.db().write();
        tx->execute_script("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
        tx.commit();
    }
    {
        auto tx = t.db().write();
        tx->execute("INSERT INTO kv (k, v) VALUES ($1, $2)", "kept", "1");
        tx.commit();
    }
    {
        auto tx = t.db().write();
        tx->execute("INSERT INTO kv (k, v) VALUES ($1, $2)", "dropped", "1");
        // no commit: leaving the scope rolls back
    }
    try {
        auto tx = t.db().write();
        tx->execute("INSERT INTO kv (k, v) VALUES ($1, $2)", "also-dropped", "1");
        throw std::runtime_error("a failure mid-transaction");
    } catch (const std::runtime_error&) {
    }
    auto lease = t.db().read();
    EXPECT_EQ(lease->query_value<std::int64_t>("SELECT count(*) FROM kv"), 1);
    EXPECT_EQ(lease->query_value<std::string>("SELECT k FROM kv"), "kept");
}

TEST_P(DatabaseTest, ConstraintViolationsAreClassified)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    tx->execute_script("CREATE TABLE u (k TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0))");
    tx->execute("INSERT INTO u (k, n) VALUES ($1, $2)", "a", 1);
    try {
        tx->execute("INSERT INTO u (k, n) VALUES ($1, $2)", "a", 2);
        FAIL() << "duplicate key accepted";
    } catch (const DbError& e) {
        EXPECT_EQ(e.kind(), DbError::Kind::unique);
        EXPECT_TRUE(e.is_constraint());
    }
}

TEST_P(DatabaseTest, CheckAndNotNullViolationsAreClassified)
{
    TestDatabase t(GetParam());
    {
        auto tx = t.db().write();
        tx->execute_script("CREATE TABLE u (k TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0))");
        tx.commit();
    }
    for (auto [n, kind] : {std::pair{std::optional<int>{0}, DbError::Kind::check},
                           std::pair{std::optional<int>{}, DbError::Kind::not_null}}) {
        auto tx = t.db().write();
        try {
            tx->execute("INSERT INTO u (k, n) VALUES ($1, $2)", "b", n);
            FAIL() << "constraint not enforced";
        } catch (const DbError& e) {
            EXPECT_EQ(e.kind(), kind);
        }
    }
}

TEST_P(DatabaseTest, ReadersSeeCommittedWritesAndCountPoolWaits)
{
    TestDatabase t(GetParam(), true, 1);
    {
        auto tx = t.db().write();
        tx->execute_script("CREATE TABLE n (v INTEGER)");
        tx->execute("INSERT INTO n (v) VALUES ($1)", 7);
        tx.commit();
    }
    auto before = t.db().stats().waits;
    std::optional<std::int64_t> seen;
    std::optional<Lease> held;
    held.emplace(t.db().read());  // the only reader (or connection) is taken…
    std::thread other([&] {
        auto lease = t.db().read();  // …so this one waits for it
        seen = lease->query_value<std::int64_t>("SELECT v FROM n");
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ((*held)->query_value<std::int64_t>("SELECT v FROM n"), 7);
    held.reset();  // releasing it lets the other thread through
    other.join();
    EXPECT_EQ(seen, 7);
    EXPECT_GE(t.db().stats().waits, before + 1);
    EXPECT_GT(t.db().stats().wait_seconds, 0.0);
}

TEST_P(DatabaseTest, PingAnswers)
{
    TestDatabase t(GetParam());
    EXPECT_NO_THROW(t.db().ping());
    EXPECT_EQ(t.db().dialect(), GetParam() == test::Backend::sqlite ? Dialect::sqlite : Dialect::postgres);
    EXPECT_EQ(t.db().describe().find("password"), std::string::npos);
}

SALA_INSTANTIATE_BACKENDS(DatabaseTest);

}  // namespace
}  // namespace sala::db
