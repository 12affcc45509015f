// Described structs to and from JSON: camelCase keys, one detail per bad field with its JSON path,
// unknown fields refused, optional and PATCH members, and the schema generated from the same type.
#include "http/json.hpp"
#include "http/json_schema.hpp"

#include <gtest/gtest.h>

namespace sala::json {
namespace {

enum class Session { AM, PM, FULL };
BOOST_DESCRIBE_ENUM(Session, AM, PM, FULL)

struct Score {
    std::int64_t student_id = 0;
    double score = 0;
    std::optional<std::string> comments;
};
BOOST_DESCRIBE_STRUCT(Score, (), (student_id, score, comments))

struct Batch {
    std::string course_name;
    Date grade_date;
    Session session = Session::AM;
    int max_score = 0;
    bool published = false;
    std::vector<Score> scores;
    Omittable<std::string> secret;
};
BOOST_DESCRIBE_STRUCT(Batch, (), (course_name, grade_date, session, max_score, published, scores, secret))

struct Change {
    Patch<std::string> phone;
    Patch<std::int64_t> room;
};
BOOST_DESCRIBE_STRUCT(Change, (), (phone, room))

TEST(CamelCase, ConvertsMemberNames)
{
    EXPECT_EQ(camel_case("student_id"), "studentId");
    EXPECT_EQ(camel_case("name_kh"), "nameKh");
    EXPECT_EQ(camel_case("phonenumber1"), "phonenumber1");
    EXPECT_EQ(camel_case("x"), "x");
}

TEST(Json, ReadsAWellFormedBody)
{
    auto r = parse<Batch>(R"({"courseName":"7A","gradeDate":"2026-09-01","session":"PM","maxScore":100,
        "published":true,"scores":[{"studentId":1,"score":87.5},{"studentId":2,"score":90,"comments":"good"}]})");
    ASSERT_TRUE(r) << r.error().details.size();
    EXPECT_EQ(r->course_name, "7A");
    EXPECT_EQ(format_date(r->grade_date), "2026-09-01");
    EXPECT_EQ(r->session, Session::PM);
    ASSERT_EQ(r->scores.size(), 2u);
    EXPECT_DOUBLE_EQ(r->scores[0].score, 87.5);
    EXPECT_FALSE(r->scores[0].comments);
    EXPECT_EQ(r->scores[1].comments, "good");
    EXPECT_FALSE(r->secret);
}

TEST(Json, MalformedJsonIsABadRequest)
{
    for (std::string_view body : {"", "{", "{\"a\":}", "nul", "{\"courseName\":\"x\",}", "\xff"}) {
        auto r = parse<Batch>(body);
        ASSERT_FALSE(r) << body;
        EXPECT_EQ(r.error().code, ErrorCode::bad_request) << body;
    }
}

TEST(Json, ReportsEveryBadFieldByItsPath)
{
    struct Case {
        std::string_view body;
        std::vector<std::pair<std::string, std::string>> fields;  // path, code
    };
    const Case cases[] = {
        {R"({})",
         {{"courseName", "REQUIRED"}, {"gradeDate", "REQUIRED"}, {"session", "REQUIRED"}, {"maxScore", "REQUIRED"},
          {"published", "REQUIRED"}, {"scores", "REQUIRED"}}},
        {R"({"courseName":7,"gradeDate":"2026-02-30","session":"NOON","maxScore":"100","published":1,"scores":{}})",
         {{"courseName", "INVALID_TYPE"}, {"gradeDate", "INVALID_FORMAT"}, {"session", "INVALID_VALUE"},
          {"maxScore", "INVALID_TYPE"}, {"published", "INVALID_TYPE"}, {"scores", "INVALID_TYPE"}}},
        {R"({"courseName":"7A","gradeDate":"2026-09-01","session":"AM","maxScore":1e12,"published":false,
            "scores":[{"studentId":1,"score":"x"},{"score":3,"extra":true}],"shoe":1})",
         {{"shoe", "UNKNOWN_FIELD"}, {"maxScore", "OUT_OF_RANGE"}, {"scores[0].score", "INVALID_TYPE"},
          {"scores[1].extra", "UNKNOWN_FIELD"}, {"scores[1].studentId", "REQUIRED"}}},
        {R"([1,2])", {{"body", "INVALID_TYPE"}}},
        {R"({"courseName":null,"gradeDate":"2026-09-01","session":"AM","maxScore":2.5,"published":true,"scores":[]})",
         {{"courseName", "REQUIRED"}, {"maxScore", "INVALID_TYPE"}}},
    };
    for (const auto& c : cases) {
        auto r = parse<Batch>(c.body);
        ASSERT_FALSE(r) << c.body;
        EXPECT_EQ(r.error().code, ErrorCode::validation_error);
        std::vector<std::pair<std::string, std::string>> got;
        for (const auto& d : r.error().details) {
            got.emplace_back(d.field, d.code);
        }
        std::sort(got.begin(), got.end());
        auto want = c.fields;
        std::sort(want.begin(), want.end());
        EXPECT_EQ(got, want) << c.body;
    }
}

TEST(Json, PatchDistinguishesAbsentNullAndValue)
{
    auto r = parse<Change>(R"({"phone":null})");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->phone.present);
    EXPECT_FALSE(r->phone.value);
    EXPECT_FALSE(r->room.present);
    r = parse<Change>(R"({"room":12})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->room.value, 12);
}

TEST(Json, WritesCamelCaseAndOmitsEmptyOmittables)
{
    Batch b;
    b.course_name = "7A";
    b.grade_date = *parse_date("2026-09-01");
    b.session = Session::FULL;
    b.scores.push_back(Score{3, 9.5, std::nullopt});
    EXPECT_EQ(dump(b), R"({"courseName":"7A","gradeDate":"2026-09-01","session":"FULL","maxScore":0,)"
                       R"("published":false,"scores":[{"studentId":3,"score":9.5,"comments":null}]})");
    b.secret = "x";
    EXPECT_NE(dump(b).find(R"("secret":"x")"), std::string::npos);
}

TEST(JsonSchema, DescribesTheSameShape)
{
    http::SchemaRegistry registry;
    auto ref = http::schema<Batch>(registry);
    EXPECT_EQ(ref, R"({"$ref":"#/components/schemas/Batch"})");
    const auto& batch = registry.schemas().at("Batch").as_object();
    EXPECT_EQ(boost::json::serialize(batch.at("required")),
              R"(["courseName","gradeDate","session","maxScore","published","scores"])");
    EXPECT_EQ(batch.at("additionalProperties"), false);
    const auto& props = batch.at("properties").as_object();
    EXPECT_EQ(boost::json::serialize(props.at("gradeDate")), R"({"type":"string","format":"date"})");
    EXPECT_EQ(boost::json::serialize(props.at("session")), R"({"type":"string","enum":["AM","PM","FULL"]})");
    EXPECT_EQ(boost::json::serialize(props.at("scores")),
              R"({"type":"array","items":{"$ref":"#/components/schemas/Score"}})");
    const auto& score = registry.schemas().at("Score").as_object();
    EXPECT_EQ(boost::json::serialize(score.at("properties").at("comments")), R"({"type":["string","null"]})");
}

}  // namespace
}  // namespace sala::json
