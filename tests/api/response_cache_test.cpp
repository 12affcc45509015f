// The response cache as a client sees it: a repeated read is answered from memory (with its own
// request id), every committed write ends that at once, each caller has answers of their own (a
// teacher never gets an admin's record with its sensitive fields), a write by another process
// shows within the cache's lifetime, and a server configured without a cache runs every read.
#include "db/database.hpp"
#include "http/response_cache.hpp"
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::TestApp;

constexpr std::string_view kStudent = R"({
  "studentInfo": {"firstName": "Dara", "lastName": "Sok", "dateOfBirth": "2014-03-15", "gender": "M",
    "placeOfBirth": "Phnom Penh", "nationality": "Khmer", "religion": "Buddhism", "address": "St. 271",
    "commune": "Tuol Tumpung", "district": "Chamkar Mon", "province": "Phnom Penh", "allergies": "Peanuts"},
  "guardianInfo": {"primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother",
    "phone": "012 111 222"}},
  "familyInfo": {"familyComposition": "Two parents", "familySize": 4, "monthlyIncome": 450.5,
    "hasPovertyCard": false}
})";

class ResponseCacheTest : public ::testing::Test {
protected:
    explicit ResponseCacheTest(app::Config config = {}) : t(std::move(config))
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        t.add_user("teacher", "teacher");
        teacher = t.sign_in("teacher");
        auto created = t.as(admin, Call{Method::post, "/api/v1/students", std::string(kStudent)});
        EXPECT_EQ(created.status, 201u) << created.body;
        path = "/api/v1/students/" + std::to_string(created.data().at("studentId").as_int64());
    }

    [[nodiscard]] std::uint64_t hits() { return t.app().response_cache()->hits(); }

    TestApp t;
    test::SignedIn admin;
    test::SignedIn teacher;
    std::string path;
};

TEST_F(ResponseCacheTest, ARepeatedReadIsAnsweredFromMemoryUntilAWriteCommits)
{
    ASSERT_NE(t.app().response_cache(), nullptr);  // on by default with SQLite
    auto first = t.get_as(admin, path);
    ASSERT_EQ(first.status, 200u);
    auto before = hits();
    auto second = t.get_as(admin, path);
    EXPECT_EQ(hits(), before + 1);
    EXPECT_EQ(second.status, 200u);
    EXPECT_EQ(second.data(), first.data());
    EXPECT_EQ(second.header("ETag"), first.header("ETag"));
    // The envelope is the request's own.
    EXPECT_NE(second.json.at("meta").at("requestId"), first.json.at("meta").at("requestId"));
    EXPECT_EQ(second.header("X-Request-ID"), std::string(second.json.at("meta").at("requestId").as_string()));
    // A conditional read of a cached answer is still a 304.
    auto unchanged = t.as(admin, Call{Method::get, path, "", {{"If-None-Match", first.header("ETag")}}});
    EXPECT_EQ(unchanged.status, 304u);

    auto changed = t.as(admin, Call{Method::patch, path, R"({"firstName":"Bopha"})"});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    auto after = t.get_as(admin, path);
    EXPECT_EQ(after.data().at("firstName"), "Bopha");
    EXPECT_NE(after.header("ETag"), first.header("ETag"));
    auto list = t.get_as(admin, "/api/v1/students?q=bopha");
    EXPECT_EQ(list.json.at("pagination").at("total"), 1);
}

TEST_F(ResponseCacheTest, AWriteOfAnyKindEndsEveryCachedAnswer)
{
    // Lists show related records: a new guardian, scholarship or enrollment must show at once.
    auto list = t.get_as(admin, "/api/v1/students");
    ASSERT_EQ(list.status, 200u);
    EXPECT_EQ(list.data().at(0).at("scholarships").as_array().size(), 0u);
    auto added = t.as(admin, Call{Method::post, path + "/scholarships",
                                  R"({"type":"merit","sponsor":"Rotary","amount":50,"startDate":"2026-11-01"})"});
    ASSERT_EQ(added.status, 201u) << added.body;
    auto again = t.get_as(admin, "/api/v1/students");
    EXPECT_EQ(again.data().at(0).at("scholarships").as_array().size(), 1u);
    auto year = t.as(admin, Call{Method::post, "/api/v1/school-years",
                                 R"({"name":"2026-2027","startDate":"2026-11-01","endDate":"2027-08-31"})"});
    ASSERT_EQ(year.status, 201u) << year.body;
    EXPECT_EQ(t.get_as(admin, "/api/v1/school-years").data().as_array().size(), 1u);
}

TEST_F(ResponseCacheTest, EachCallerHasAnswersOfTheirOwn)
{
    auto mine = t.get_as(admin, path);
    ASSERT_EQ(mine.data().at("allergies"), "Peanuts");
    auto theirs = t.get_as(teacher, path);
    ASSERT_EQ(theirs.status, 200u);
    EXPECT_FALSE(theirs.data().as_object().contains("allergies"));
    EXPECT_EQ(theirs.body.find("Peanuts"), std::string::npos);
    auto theirs_again = t.get_as(teacher, path);
    EXPECT_EQ(theirs_again.body.find("Peanuts"), std::string::npos);
    EXPECT_EQ(t.get_as(admin, path).data().at("allergies"), "Peanuts");
    // Signed out, nothing cached is reachable.
    EXPECT_EQ(t.get(path).status, 401u);
}

TEST_F(ResponseCacheTest, AWriteByAnotherProcessShowsWithinTheCachesLifetime)
{
    ASSERT_EQ(t.get_as(admin, path).data().at("firstName"), "Dara");
    {
        // Another process (`sala import` beside the server) writes through a connection of its own.
        auto other = db::open_database("sqlite:" + (t.dir().path() / "sala.db").string(), db::Options{});
        auto tx = other->write();
        tx->execute("UPDATE students SET first_name = 'Visal', row_version = row_version + 1");
        tx.commit();
    }
    // This process did not see that write: until the cached answer's lifetime ends, it stands.
    EXPECT_EQ(t.get_as(admin, path).data().at("firstName"), "Dara");
    t.clock().advance(std::chrono::milliseconds(1001));
    EXPECT_EQ(t.get_as(admin, path).data().at("firstName"), "Visal");
}

class NoResponseCacheTest : public ResponseCacheTest {
protected:
    static app::Config without_cache()
    {
        app::Config c;
        c.response_cache_mb = 0;
        return c;
    }
    NoResponseCacheTest() : ResponseCacheTest(without_cache()) {}
};

TEST_F(NoResponseCacheTest, EveryReadRunsWhenTheCacheIsOff)
{
    EXPECT_EQ(t.app().response_cache(), nullptr);
    EXPECT_EQ(t.get_as(admin, path).status, 200u);
    EXPECT_EQ(t.get_as(admin, path).status, 200u);
    EXPECT_EQ(t.get("/metrics").body.find("sala_response_cache_hits_total"), std::string::npos);
}

}  // namespace
}  // namespace sala
