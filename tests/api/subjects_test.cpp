// Subjects through the API: the shape, every validation rule, codes unique regardless of case,
// filters by grade level and text, ETags and If-Match, and the rules that protect subjects classes
// take (no delete, no dropping their grade level).
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::error_details;
using test::Reply;
using test::TestApp;

class SubjectsTest : public ::testing::Test {
protected:
    SubjectsTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
    }
    Reply send(Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(admin, Call{m, target, std::move(body), std::move(headers)});
    }
    Reply get(const std::string& target) { return t.get_as(admin, target); }
    static std::string path(std::int64_t id) { return "/api/v1/subjects/" + std::to_string(id); }
    std::vector<std::string> codes(const std::string& target)
    {
        std::vector<std::string> out;
        auto r = get(target);
        EXPECT_EQ(r.status, 200u) << target << ": " << r.body;
        for (const auto& s : r.data().as_array()) {
            out.emplace_back(s.at("code").as_string());
        }
        return out;
    }

    TestApp t;
    test::SignedIn admin;
};

TEST_F(SubjectsTest, CreateReadReplaceDelete)
{
    auto created = send(Method::post, "/api/v1/subjects",
                        R"({"code":"MATH-7","name":"Mathematics","nameKh":"គណិតវិទ្យា","maxScore":100,)"
                        R"("coefficient":2.5,"gradeLevels":[9,7,8,7]})");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("subjectId").as_int64();
    EXPECT_EQ(created.header("Location"), path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    const auto& s = created.data().as_object();
    for (auto field : {"subjectId", "code", "name", "nameKh", "maxScore", "coefficient", "gradeLevels", "createdAt",
                       "updatedAt"}) {
        EXPECT_TRUE(s.contains(field)) << field;
    }
    EXPECT_EQ(s.size(), 9u);
    EXPECT_EQ(s.at("nameKh"), "គណិតវិទ្យា");
    EXPECT_EQ(s.at("coefficient").to_number<double>(), 2.5);
    EXPECT_EQ(s.at("gradeLevels"), (boost::json::array{7, 8, 9}));  // sorted, repeats dropped
    EXPECT_EQ(get(path(id)).data(), created.data());

    auto replaced = send(Method::put, path(id),
                         R"({"code":"MATH","name":"Maths","maxScore":50,"coefficient":1,"gradeLevels":[10]})");
    ASSERT_EQ(replaced.status, 200u) << replaced.body;
    EXPECT_EQ(replaced.header("ETag"), "\"2\"");
    EXPECT_TRUE(replaced.data().at("nameKh").is_null());  // PUT replaces
    EXPECT_EQ(replaced.data().at("maxScore"), 50);
    EXPECT_EQ(get(path(id)).data(), replaced.data());

    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
    EXPECT_EQ(get(path(id)).status, 404u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 404u);
}

TEST_F(SubjectsTest, EveryBadFieldIsReported)
{
    struct Case {
        std::string body;
        std::vector<std::string> details;
    };
    const std::string valid_tail = R"("maxScore":100,"coefficient":1,"gradeLevels":[7])";
    const Case cases[] = {
        {R"({})", {"code:REQUIRED", "name:REQUIRED", "maxScore:REQUIRED", "coefficient:REQUIRED", "gradeLevels:REQUIRED"}},
        {R"({"code":" ","name":"","nameKh":")" + std::string(101, 'k') + R"(",)" + valid_tail + "}",
         {"code:REQUIRED", "name:REQUIRED", "nameKh:TOO_LONG"}},
        {R"({"code":"MA TH","name":"Maths",)" + valid_tail + "}", {"code:INVALID_FORMAT"}},
        {R"({"code":")" + std::string(21, 'C') + R"(","name":"Maths",)" + valid_tail + "}", {"code:TOO_LONG"}},
        {R"({"code":"M","name":"Maths","maxScore":0,"coefficient":-1,"gradeLevels":[7]})",
         {"maxScore:NOT_POSITIVE", "coefficient:NOT_POSITIVE"}},
        {R"({"code":"M","name":"Maths","maxScore":5000,"coefficient":101,"gradeLevels":[7]})",
         {"maxScore:OUT_OF_RANGE", "coefficient:OUT_OF_RANGE"}},
        {R"({"code":"M","name":"Maths","maxScore":100,"coefficient":1,"gradeLevels":[]})", {"gradeLevels:REQUIRED"}},
        {R"({"code":"M","name":"Maths","maxScore":100,"coefficient":1,"gradeLevels":[0,7,13]})",
         {"gradeLevels[0]:OUT_OF_RANGE", "gradeLevels[2]:OUT_OF_RANGE"}},
        {R"({"code":"M","name":"Maths","maxScore":"100","coefficient":1,"gradeLevels":"7"})",
         {"maxScore:INVALID_TYPE", "gradeLevels:INVALID_TYPE"}},
        {R"({"code":"M","name":"Maths","maxScore":100,"coefficient":1,"gradeLevels":[7.5]})",
         {"gradeLevels[0]:INVALID_TYPE"}},
    };
    for (const auto& c : cases) {
        auto r = send(Method::post, "/api/v1/subjects", c.body);
        EXPECT_EQ(r.status, 422u) << c.body << ": " << r.body;
        EXPECT_EQ(error_details(r), c.details) << c.body;
    }
    auto out_of_range = send(Method::post, "/api/v1/subjects", cases[5].body);
    EXPECT_EQ(out_of_range.json.at("error").at("details").at(0).at("message"), "Must be between 0 and 1000.");
    EXPECT_EQ(get("/api/v1/subjects").json.at("pagination").at("total"), 0);
}

TEST_F(SubjectsTest, CodesAreUniqueRegardlessOfCase)
{
    auto maths = test::make_subject(t, admin, "MATH", "[7]");
    auto again = send(Method::post, "/api/v1/subjects",
                      R"({"code":"math","name":"Other","maxScore":100,"coefficient":1,"gradeLevels":[8]})");
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(again.error_code(), "CONFLICT");
    EXPECT_EQ(error_details(again), std::vector<std::string>{"code:ALREADY_EXISTS"});
    auto khmer = test::make_subject(t, admin, "KHM", "[7]");
    EXPECT_EQ(send(Method::put, path(khmer), R"({"code":"Math","name":"K","maxScore":100,"coefficient":1,"gradeLevels":[7]})")
                  .status,
              409u);
    EXPECT_EQ(send(Method::put, path(maths), R"({"code":"Math","name":"M","maxScore":100,"coefficient":1,"gradeLevels":[7]})")
                  .status,
              200u);
}

TEST_F(SubjectsTest, ListsFilterByGradeLevelAndText)
{
    ASSERT_EQ(send(Method::post, "/api/v1/subjects",
                   R"({"code":"KHM","name":"Khmer Literature","nameKh":"អក្សរសាស្ត្រខ្មែរ","maxScore":100,)"
                   R"("coefficient":2,"gradeLevels":[1,10]})")
                  .status,
              201u);
    test::make_subject(t, admin, "PHY", "[10,11,12]");
    ASSERT_EQ(send(Method::post, "/api/v1/subjects",
                   R"x({"code":"CHEM_1","name":"Chemistry (100% lab)","maxScore":100,"coefficient":1,"gradeLevels":[11]})x")
                  .status,
              201u);
    test::make_subject(t, admin, "ART", "[1,2,3]");

    EXPECT_EQ(codes("/api/v1/subjects"), (std::vector<std::string>{"ART", "CHEM_1", "KHM", "PHY"}));
    EXPECT_EQ(codes("/api/v1/subjects?gradeLevel=1"), (std::vector<std::string>{"ART", "KHM"}));  // not 10, 11
    EXPECT_EQ(codes("/api/v1/subjects?gradeLevel=10"), (std::vector<std::string>{"KHM", "PHY"}));
    EXPECT_EQ(codes("/api/v1/subjects?gradeLevel=4"), std::vector<std::string>{});
    EXPECT_EQ(codes("/api/v1/subjects?q=literature"), std::vector<std::string>{"KHM"});
    EXPECT_EQ(codes("/api/v1/subjects?q=%E1%9E%81%E1%9F%92%E1%9E%98%E1%9F%82%E1%9E%9A"), std::vector<std::string>{"KHM"});
    EXPECT_EQ(codes("/api/v1/subjects?q=ph"), std::vector<std::string>{"PHY"});
    EXPECT_EQ(codes("/api/v1/subjects?q=0%25"), std::vector<std::string>{"CHEM_1"});  // % taken literally
    EXPECT_EQ(codes("/api/v1/subjects?q=%25"), std::vector<std::string>{"CHEM_1"});
    EXPECT_EQ(codes("/api/v1/subjects?q=_"), std::vector<std::string>{"CHEM_1"});
    EXPECT_EQ(codes("/api/v1/subjects?gradeLevel=11&q=chem"), std::vector<std::string>{"CHEM_1"});
    EXPECT_EQ(codes("/api/v1/subjects?sort=-code&limit=2&page=2"), (std::vector<std::string>{"CHEM_1", "ART"}));
    EXPECT_EQ(get("/api/v1/subjects?limit=2").json.at("pagination").at("totalPages"), 2);
    EXPECT_EQ(get("/api/v1/subjects?gradeLevel=x").status, 400u);
    EXPECT_EQ(get("/api/v1/subjects?sort=gradeLevels").status, 400u);
}

TEST_F(SubjectsTest, ConditionalRequestsUseTheRowVersion)
{
    auto id = test::make_subject(t, admin, "MATH", "[7]");
    auto first = get(path(id));
    EXPECT_EQ(first.header("ETag"), "\"1\"");
    EXPECT_EQ(t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", "\"1\""}}}).status, 304u);
    const std::string body = R"({"code":"MATH","name":"Maths","maxScore":100,"coefficient":1,"gradeLevels":[7]})";
    auto updated = send(Method::put, path(id), body, {{"If-Match", "\"1\""}});
    ASSERT_EQ(updated.status, 200u) << updated.body;
    EXPECT_EQ(updated.header("ETag"), "\"2\"");
    EXPECT_EQ(t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", "\"1\""}}}).status, 200u);
    auto stale = send(Method::put, path(id), R"({"code":"LOST","name":"Lost","maxScore":1,"coefficient":1,"gradeLevels":[7]})",
                      {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 412u);
    EXPECT_EQ(stale.error_code(), "PRECONDITION_FAILED");
    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(get(path(id)).data().at("code"), "MATH");
    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"2\""}}).status, 204u);
}

TEST_F(SubjectsTest, ASubjectAClassTakesKeepsItsGradeLevelAndCannotBeDeleted)
{
    auto year = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
    auto course = test::make_course(t, admin, year, 8, "A");
    auto id = test::make_subject(t, admin, "MATH", "[7,8]");
    ASSERT_EQ(send(Method::put, "/api/v1/courses/" + std::to_string(course) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(id) + "}]}")
                  .status,
              200u);

    auto refused = send(Method::delete_, path(id));
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.json.at("error").at("message"), "Classes still take this subject.");

    auto dropped = send(Method::put, path(id), R"({"code":"MATH","name":"M","maxScore":100,"coefficient":1,"gradeLevels":[7]})");
    EXPECT_EQ(dropped.status, 409u);
    EXPECT_EQ(error_details(dropped), std::vector<std::string>{"gradeLevels:GRADE_LEVEL_IN_USE"});
    EXPECT_EQ(dropped.json.at("error").at("details").at(0).at("message"), "Classes at grade level 8 take this subject.");
    EXPECT_EQ(get(path(id)).data().at("gradeLevels"), (boost::json::array{7, 8}));
    // Dropping a level no class is at is fine.
    EXPECT_EQ(send(Method::put, path(id), R"({"code":"MATH","name":"M","maxScore":100,"coefficient":1,"gradeLevels":[8]})")
                  .status,
              200u);

    ASSERT_EQ(send(Method::put, "/api/v1/courses/" + std::to_string(course) + "/subjects", R"({"subjects":[]})").status,
              200u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
}

TEST_F(SubjectsTest, TeachersReadSubjectsButDoNotChangeThem)
{
    auto id = test::make_subject(t, admin, "MATH", "[7]");
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    EXPECT_EQ(t.get_as(teacher, path(id)).status, 200u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/subjects").status, 200u);
    const std::string body = R"({"code":"X","name":"X","maxScore":1,"coefficient":1,"gradeLevels":[7]})";
    EXPECT_EQ(t.as(teacher, Call{Method::post, "/api/v1/subjects", body}).status, 403u);
    EXPECT_EQ(t.as(teacher, Call{Method::put, path(id), body}).status, 403u);
    EXPECT_EQ(t.as(teacher, Call{Method::delete_, path(id)}).status, 403u);
    EXPECT_EQ(get(path(id)).data().at("code"), "MATH");
}

}  // namespace
}  // namespace sala
