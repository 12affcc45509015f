// Class sections through the API: the shape with the school year embedded, every validation rule,
// unique sections, lists with filters, capacity and enrollments, ETags and If-Match, what a
// teacher may change, the subjects a course takes (and who teaches them), and /classes.
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

class CoursesTest : public ::testing::Test {
protected:
    CoursesTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        dara_id = t.add_user("dara", "teacher");
        t.add_user("vanna", "teacher");
        year_id = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
    }
    Reply send(Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(admin, Call{m, target, std::move(body), std::move(headers)});
    }
    Reply get(const std::string& target) { return t.get_as(admin, target); }
    static std::string path(std::int64_t id) { return "/api/v1/courses/" + std::to_string(id); }
    std::string body(int grade, const std::string& section, const std::string& extra = {}, int capacity = 40) const
    {
        return R"({"schoolYearId":)" + std::to_string(year_id) + R"(,"gradeLevel":)" + std::to_string(grade) +
               R"(,"section":")" + section + R"(","capacity":)" + std::to_string(capacity) + extra + "}";
    }
    std::vector<std::string> names(const std::string& target)
    {
        std::vector<std::string> out;
        auto r = get(target);
        EXPECT_EQ(r.status, 200u) << target << ": " << r.body;
        for (const auto& c : r.data().as_array()) {
            out.emplace_back(c.at("name").as_string());
        }
        return out;
    }

    TestApp t;
    test::SignedIn admin;
    std::int64_t sokha_id = 0;
    std::int64_t dara_id = 0;
    std::int64_t year_id = 0;
};

TEST_F(CoursesTest, CreateReadReplaceDelete)
{
    auto created = send(Method::post, "/api/v1/courses",
                        body(7, " a ", R"(,"homeroomTeacherId":)" + std::to_string(sokha_id) + R"(,"track":"science")"));
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("courseId").as_int64();
    EXPECT_EQ(created.header("Location"), path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    const auto& c = created.data().as_object();
    for (auto field : {"courseId", "schoolYearId", "gradeLevel", "section", "name", "homeroomTeacherId",
                       "homeroomTeacher", "capacity", "track", "enrolledCount", "schoolYear", "createdAt",
                       "updatedAt"}) {
        EXPECT_TRUE(c.contains(field)) << field;
    }
    EXPECT_EQ(c.size(), 13u);
    EXPECT_EQ(c.at("section"), "A");  // trimmed, upper-cased
    EXPECT_EQ(c.at("name"), "7A");    // derived
    EXPECT_EQ(c.at("enrolledCount"), 0);
    EXPECT_EQ(c.at("track"), "science");
    EXPECT_EQ(c.at("homeroomTeacher"),
              (boost::json::value{{"userId", sokha_id}, {"firstname", "Test"}, {"lastname", "sokha"}}));
    EXPECT_EQ(c.at("schoolYear"), (boost::json::value{{"schoolYearId", year_id},
                                                       {"name", "2026-2027"},
                                                       {"startDate", "2026-09-01"},
                                                       {"endDate", "2027-07-31"},
                                                       {"isCurrent", true}}));
    EXPECT_EQ(get(path(id)).data(), created.data());

    auto replaced = send(Method::put, path(id), body(7, "A", R"(,"name":"7A Science")", 35));
    ASSERT_EQ(replaced.status, 200u) << replaced.body;
    EXPECT_EQ(replaced.header("ETag"), "\"2\"");
    EXPECT_EQ(replaced.data().at("name"), "7A Science");
    EXPECT_EQ(replaced.data().at("capacity"), 35);
    EXPECT_TRUE(replaced.data().at("homeroomTeacherId").is_null());  // PUT replaces
    EXPECT_TRUE(replaced.data().at("homeroomTeacher").is_null());
    EXPECT_TRUE(replaced.data().at("track").is_null());
    EXPECT_EQ(get(path(id)).data(), replaced.data());

    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
    EXPECT_EQ(get(path(id)).status, 404u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 404u);
    EXPECT_EQ(send(Method::put, path(id), body(7, "A")).status, 404u);
}

TEST_F(CoursesTest, EveryBadFieldIsReported)
{
    auto inactive = t.add_user("chenda", "teacher");
    ASSERT_EQ(send(Method::put, "/api/v1/users/" + std::to_string(inactive) + "/status", R"({"status":"inactive"})").status,
              200u);
    struct Case {
        std::string body;
        std::vector<std::string> details;
    };
    const std::string year = std::to_string(year_id);
    const Case cases[] = {
        {R"({})", {"schoolYearId:REQUIRED", "gradeLevel:REQUIRED", "section:REQUIRED", "capacity:REQUIRED"}},
        {R"({"schoolYearId":999,"gradeLevel":13,"section":"  ","capacity":0})",
         {"gradeLevel:OUT_OF_RANGE", "section:REQUIRED", "capacity:OUT_OF_RANGE", "schoolYearId:NOT_FOUND"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":0,"section":"ABCDEFGHIJK","capacity":501})",
         {"gradeLevel:OUT_OF_RANGE", "section:TOO_LONG", "capacity:OUT_OF_RANGE"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":7,"section":"A","capacity":40,"name":")" + std::string(51, 'n') +
             R"(","track":")" + std::string(31, 't') + R"("})",
         {"name:TOO_LONG", "track:TOO_LONG"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":7,"section":"A","capacity":40,"homeroomTeacherId":999})",
         {"homeroomTeacherId:NOT_FOUND"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":7,"section":"A","capacity":40,"homeroomTeacherId":)" +
             std::to_string(inactive) + "}",
         {"homeroomTeacherId:NOT_A_TEACHER"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":"7","section":7,"capacity":40.5})",
         {"gradeLevel:INVALID_TYPE", "section:INVALID_TYPE", "capacity:INVALID_TYPE"}},
        {R"({"schoolYearId":)" + year + R"(,"gradeLevel":7,"section":"A","capacity":40,"enrolledCount":3})",
         {"enrolledCount:UNKNOWN_FIELD"}},
    };
    for (const auto& c : cases) {
        auto r = send(Method::post, "/api/v1/courses", c.body);
        EXPECT_EQ(r.status, 422u) << c.body << ": " << r.body;
        EXPECT_EQ(error_details(r), c.details) << c.body;
    }
    EXPECT_EQ(get("/api/v1/courses").json.at("pagination").at("total"), 0);
    // An admin may be a homeroom teacher too.
    EXPECT_EQ(send(Method::post, "/api/v1/courses", body(7, "A", R"(,"homeroomTeacherId":1)")).status, 201u);
}

TEST_F(CoursesTest, ASectionIsUniqueWithinAGradeLevelAndYear)
{
    test::make_course(t, admin, year_id, 7, "A");
    auto again = send(Method::post, "/api/v1/courses", body(7, "a"));
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(again.error_code(), "CONFLICT");
    EXPECT_EQ(error_details(again), std::vector<std::string>{"section:ALREADY_EXISTS"});
    EXPECT_EQ(send(Method::post, "/api/v1/courses", body(8, "A")).status, 201u);
    auto next_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
    EXPECT_GT(test::make_course(t, admin, next_year, 7, "A"), 0);
    auto b = test::make_course(t, admin, year_id, 7, "B");
    EXPECT_EQ(send(Method::put, path(b), body(7, "A")).status, 409u);
    EXPECT_EQ(get(path(b)).data().at("section"), "B");
}

TEST_F(CoursesTest, ListsCarryTheSchoolYearAndFilter)
{
    auto next_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
    auto a7 = test::make_course(t, admin, year_id, 7, "A", R"(,"homeroomTeacherId":)" + std::to_string(sokha_id));
    test::make_course(t, admin, year_id, 7, "B", R"(,"track":"Social")");
    auto a8 = test::make_course(t, admin, year_id, 8, "A");
    test::make_course(t, admin, next_year, 8, "A");
    auto maths = test::make_subject(t, admin, "MATH", "[7,8]");
    ASSERT_EQ(send(Method::put, path(a8) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" + std::to_string(dara_id) +
                       "}]}")
                  .status,
              200u);

    auto all = get("/api/v1/courses");
    ASSERT_EQ(all.status, 200u);
    EXPECT_EQ(all.json.at("pagination").at("total"), 4);
    for (const auto& c : all.data().as_array()) {
        EXPECT_EQ(c.at("schoolYear").at("schoolYearId"), c.at("schoolYearId"));
        EXPECT_EQ(c.at("schoolYear").at("isCurrent"), c.at("schoolYearId") == year_id);
    }
    EXPECT_EQ(names("/api/v1/courses?schoolYearId=" + std::to_string(year_id)),
              (std::vector<std::string>{"7A", "7B", "8A"}));
    EXPECT_EQ(names("/api/v1/courses?gradeLevel=8"), (std::vector<std::string>{"8A", "8A"}));
    EXPECT_EQ(names("/api/v1/courses?teacherId=" + std::to_string(sokha_id)), std::vector<std::string>{"7A"});
    EXPECT_EQ(names("/api/v1/courses?teacherId=" + std::to_string(dara_id)), std::vector<std::string>{"8A"});
    EXPECT_EQ(names("/api/v1/courses?q=social"), std::vector<std::string>{"7B"});
    EXPECT_EQ(names("/api/v1/courses?q=b"), std::vector<std::string>{"7B"});
    EXPECT_EQ(names("/api/v1/courses?sort=-gradeLevel,-section&limit=2"), (std::vector<std::string>{"8A", "8A"}));
    EXPECT_EQ(names("/api/v1/courses?sort=-schoolYear,name&limit=1"), std::vector<std::string>{"8A"});
    EXPECT_EQ(get("/api/v1/courses?limit=3&page=2").data().as_array().size(), 1u);
    EXPECT_EQ(get("/api/v1/courses?sort=homeroomTeacherId").status, 400u);
    EXPECT_EQ(get("/api/v1/courses?teacherId=me").status, 400u);
    (void)a7;
}

TEST_F(CoursesTest, CapacityNeverDropsBelowTheActiveEnrollments)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    for (int i = 0; i < 3; ++i) {
        test::enroll_directly(t, id);
    }
    EXPECT_EQ(get(path(id)).data().at("enrolledCount"), 3);
    auto shrink = [&](int capacity) {
        return send(Method::put, path(id),
                    R"({"schoolYearId":)" + std::to_string(year_id) + R"(,"gradeLevel":7,"section":"A","capacity":)" +
                        std::to_string(capacity) + "}");
    };
    auto refused = shrink(2);
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(error_details(refused), std::vector<std::string>{"capacity:BELOW_ENROLLED"});
    EXPECT_EQ(refused.json.at("error").at("details").at(0).at("message"),
              "Cannot be less than the 3 students enrolled.");
    EXPECT_EQ(get(path(id)).data().at("capacity"), 40);
    EXPECT_EQ(shrink(3).status, 200u);
}

TEST_F(CoursesTest, EnrollmentsKeepACourseAndItsSchoolYear)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    test::enroll_directly(t, id);
    auto refused = send(Method::delete_, path(id));
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.json.at("error").at("message"), "This class still has enrollments.");
    EXPECT_EQ(get(path(id)).status, 200u);

    auto next_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
    auto moved = send(Method::put, path(id),
                      R"({"schoolYearId":)" + std::to_string(next_year) + R"(,"gradeLevel":7,"section":"A","capacity":40})");
    EXPECT_EQ(moved.status, 409u);
    EXPECT_EQ(error_details(moved), std::vector<std::string>{"schoolYearId:HAS_ENROLLMENTS"});
    // A course without enrollments may move.
    auto other = test::make_course(t, admin, year_id, 7, "B");
    EXPECT_EQ(send(Method::put, path(other),
                   R"({"schoolYearId":)" + std::to_string(next_year) + R"(,"gradeLevel":7,"section":"B","capacity":40})")
                  .status,
              200u);
}

TEST_F(CoursesTest, ConditionalRequestsUseTheRowVersion)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    EXPECT_EQ(get(path(id)).header("ETag"), "\"1\"");
    EXPECT_EQ(t.as(admin, Call{Method::get, path(id), {}, {{"If-None-Match", "\"1\""}}}).status, 304u);
    auto updated = send(Method::put, path(id), body(7, "A", R"(,"track":"science")"), {{"If-Match", "\"1\""}});
    ASSERT_EQ(updated.status, 200u) << updated.body;
    EXPECT_EQ(updated.header("ETag"), "\"2\"");
    auto stale = send(Method::put, path(id), body(7, "A", R"(,"track":"social")"), {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 412u);
    EXPECT_EQ(stale.error_code(), "PRECONDITION_FAILED");
    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(get(path(id)).data().at("track"), "science");
    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"2\""}}).status, 204u);
}

TEST_F(CoursesTest, ATeacherChangesOnlyNameCapacityAndTrackOfACourseTheyTeach)
{
    auto id = test::make_course(t, admin, year_id, 7, "A", R"(,"homeroomTeacherId":)" + std::to_string(sokha_id));
    auto by_subject = test::make_course(t, admin, year_id, 7, "B");
    auto maths = test::make_subject(t, admin, "MATH", "[7]");
    ASSERT_EQ(send(Method::put, path(by_subject) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" + std::to_string(dara_id) +
                       "}]}")
                  .status,
              200u);
    auto sokha = t.sign_in("sokha");
    auto dara = t.sign_in("dara");
    auto vanna = t.sign_in("vanna");
    const std::string homeroom = R"(,"homeroomTeacherId":)" + std::to_string(sokha_id);
    auto put = [&](const test::SignedIn& who, std::int64_t course, const std::string& b) {
        return t.as(who, Call{Method::put, path(course), b});
    };

    struct Case {
        std::string what;
        const test::SignedIn* who;
        std::int64_t course;
        std::string body;
        unsigned status;
    };
    const Case cases[] = {
        {"homeroom teacher renames", &sokha, id, body(7, "A", homeroom + R"(,"name":"7A Lotus","track":"science")"), 200u},
        {"homeroom teacher resizes", &sokha, id, body(7, "A", homeroom + R"(,"name":"7A Lotus")", 30), 200u},
        {"subject teacher renames", &dara, by_subject, body(7, "B", R"(,"name":"7B Jasmine")"), 200u},
        {"teacher of another class", &vanna, id, body(7, "A", homeroom + R"(,"name":"Mine")"), 403u},
        {"subject teacher elsewhere", &dara, id, body(7, "A", homeroom + R"(,"name":"Mine")"), 403u},
        {"changes the homeroom teacher", &sokha, id, body(7, "A", R"(,"homeroomTeacherId":)" + std::to_string(dara_id)),
         403u},
        {"drops the homeroom teacher", &sokha, id, body(7, "A"), 403u},
        {"changes the section", &sokha, id, body(7, "C", homeroom), 403u},
        {"changes the grade level", &sokha, id, body(8, "A", homeroom), 403u},
    };
    for (const auto& c : cases) {
        auto r = put(*c.who, c.course, c.body);
        EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body;
        if (c.status == 403u) {
            EXPECT_EQ(r.error_code(), "FORBIDDEN") << c.what;
        }
    }
    auto after = get(path(id)).data();
    EXPECT_EQ(after.at("name"), "7A Lotus");
    EXPECT_EQ(after.at("capacity"), 30);
    EXPECT_TRUE(after.at("track").is_null());
    EXPECT_EQ(after.at("homeroomTeacherId"), sokha_id);
    EXPECT_EQ(after.at("section"), "A");
    EXPECT_EQ(get(path(by_subject)).data().at("name"), "7B Jasmine");
    EXPECT_EQ(t.as(vanna, Call{Method::put, path(id), body(7, "A", homeroom)}).json.at("error").at("message"),
              "You can only change classes you teach.");
    // The rules of a replacement still hold for teachers.
    EXPECT_EQ(put(sokha, id, body(7, "A", homeroom, 0)).status, 422u);

    // Creating, deleting and assigning subjects are the administration's.
    EXPECT_EQ(t.as(sokha, Call{Method::post, "/api/v1/courses", body(9, "A")}).status, 403u);
    EXPECT_EQ(t.as(sokha, Call{Method::delete_, path(id)}).status, 403u);
    EXPECT_EQ(t.as(dara, Call{Method::put, path(by_subject) + "/subjects", R"({"subjects":[]})"}).status, 403u);
    EXPECT_EQ(t.get_as(vanna, path(id)).status, 200u);
    EXPECT_EQ(t.get_as(vanna, path(id) + "/subjects").status, 200u);
}

TEST_F(CoursesTest, ACourseTakesSubjectsEachWithItsTeacher)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    auto maths = test::make_subject(t, admin, "MATH", "[7,8]");
    auto khmer = test::make_subject(t, admin, "KHM", "[7]");
    auto art = test::make_subject(t, admin, "ART", "[7]");
    EXPECT_EQ(get(path(id) + "/subjects").data(), boost::json::array{});

    auto assigned = send(Method::put, path(id) + "/subjects",
                         R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                             std::to_string(dara_id) + R"(},{"subjectId":)" + std::to_string(khmer) + "}]}");
    ASSERT_EQ(assigned.status, 200u) << assigned.body;
    EXPECT_EQ(assigned.header("ETag"), "\"2\"");  // the course's version moved on
    const auto& list = assigned.data().as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("code"), "KHM");  // by code
    EXPECT_TRUE(list[0].at("teacherId").is_null());
    EXPECT_TRUE(list[0].at("teacher").is_null());
    EXPECT_EQ(list[1].at("code"), "MATH");
    EXPECT_EQ(list[1].at("teacher"), (boost::json::value{{"userId", dara_id}, {"firstname", "Test"}, {"lastname", "dara"}}));
    for (auto field : {"subjectId", "code", "name", "nameKh", "maxScore", "coefficient", "teacherId", "teacher"}) {
        EXPECT_TRUE(list[1].as_object().contains(field)) << field;
    }
    EXPECT_EQ(list[1].as_object().size(), 8u);
    auto read = get(path(id) + "/subjects");
    EXPECT_EQ(read.data(), assigned.data());
    EXPECT_EQ(read.header("ETag"), "\"2\"");
    EXPECT_EQ(get(path(id)).header("ETag"), "\"2\"");

    // PUT replaces the whole set.
    auto replaced = send(Method::put, path(id) + "/subjects",
                         R"({"subjects":[{"subjectId":)" + std::to_string(art) + R"(,"teacherId":)" +
                             std::to_string(sokha_id) + "}]}",
                         {{"If-Match", "\"2\""}});
    ASSERT_EQ(replaced.status, 200u) << replaced.body;
    ASSERT_EQ(replaced.data().as_array().size(), 1u);
    EXPECT_EQ(replaced.data().at(0).at("code"), "ART");
    EXPECT_EQ(names("/api/v1/courses?teacherId=" + std::to_string(dara_id)), std::vector<std::string>{});
    EXPECT_EQ(names("/api/v1/courses?teacherId=" + std::to_string(sokha_id)), std::vector<std::string>{"7A"});

    auto stale = send(Method::put, path(id) + "/subjects", R"({"subjects":[]})", {{"If-Match", "\"2\""}});
    EXPECT_EQ(stale.status, 412u);
    EXPECT_EQ(get(path(id) + "/subjects").data().as_array().size(), 1u);
    EXPECT_EQ(t.as(admin, Call{Method::get, path(id) + "/subjects", {}, {{"If-None-Match", "\"3\""}}}).status, 304u);
    EXPECT_EQ(get(path(id + 99) + "/subjects").status, 404u);
    EXPECT_EQ(send(Method::put, path(id + 99) + "/subjects", R"({"subjects":[]})").status, 404u);
}

TEST_F(CoursesTest, EveryBadSubjectRowIsReported)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    auto maths = std::to_string(test::make_subject(t, admin, "MATH", "[7]"));
    auto physics = std::to_string(test::make_subject(t, admin, "PHY", "[10,11,12]"));
    auto inactive = t.add_user("chenda", "teacher");
    ASSERT_EQ(send(Method::put, "/api/v1/users/" + std::to_string(inactive) + "/status", R"({"status":"inactive"})").status,
              200u);
    auto r = send(Method::put, path(id) + "/subjects",
                  R"({"subjects":[{"subjectId":)" + maths + R"(,"teacherId":999},)" + R"({"subjectId":999},)" +
                      R"({"subjectId":)" + physics + R"(,"teacherId":)" + std::to_string(inactive) + "}," +
                      R"({"subjectId":)" + maths + "}]}");
    EXPECT_EQ(r.status, 422u) << r.body;
    EXPECT_EQ(error_details(r), (std::vector<std::string>{"subjects[0].teacherId:NOT_FOUND", "subjects[1].subjectId:NOT_FOUND",
                                                          "subjects[2].subjectId:GRADE_LEVEL_EXCLUDED",
                                                          "subjects[2].teacherId:NOT_A_TEACHER",
                                                          "subjects[3].subjectId:DUPLICATE"}));
    EXPECT_EQ(r.json.at("error").at("details").at(2).at("message"), "PHY is not taught at grade level 7.");
    auto malformed = send(Method::put, path(id) + "/subjects", R"({"subjects":[{"teacherId":1}]})");
    EXPECT_EQ(error_details(malformed), std::vector<std::string>{"subjects[0].subjectId:REQUIRED"});
    EXPECT_EQ(get(path(id) + "/subjects").data().as_array().size(), 0u);
    EXPECT_EQ(get(path(id)).header("ETag"), "\"1\"");  // nothing changed
}

TEST_F(CoursesTest, TheGradeLevelStaysOneItsSubjectsAreTaughtAt)
{
    auto id = test::make_course(t, admin, year_id, 7, "A");
    auto maths = test::make_subject(t, admin, "MATH", "[7,8]");
    auto khmer = test::make_subject(t, admin, "KHM", "[7]");
    ASSERT_EQ(send(Method::put, path(id) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(},{"subjectId":)" +
                       std::to_string(khmer) + "}]}")
                  .status,
              200u);
    auto r = send(Method::put, path(id), body(8, "A"));
    EXPECT_EQ(r.status, 409u);
    EXPECT_EQ(error_details(r), std::vector<std::string>{"gradeLevel:GRADE_LEVEL_EXCLUDED"});
    EXPECT_EQ(r.json.at("error").at("details").at(0).at("message"), "KHM is not taught at grade level 8.");
    EXPECT_EQ(get(path(id)).data().at("gradeLevel"), 7);
}

// --- /classes ----------------------------------------------------------------------------------

TEST(Classes, ListTheConfiguredGradeLevelsUntilTheCurrentYearHasCourses)
{
    app::Config config;
    config.grade_levels = {9, 7, 8, 7};
    TestApp t(config);
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    auto classes = t.get_as(admin, "/api/v1/classes");
    ASSERT_EQ(classes.status, 200u) << classes.body;
    EXPECT_EQ(classes.data(), (boost::json::value{{"classes", boost::json::array{"7", "8", "9"}}}));

    auto old_year = test::make_school_year(t, admin, "2025-2026", "2025-09-01", "2026-07-31");
    test::make_course(t, admin, old_year, 1, "A");  // not the current year
    auto current = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
    EXPECT_EQ(t.get_as(admin, "/api/v1/classes").data().at("classes"), (boost::json::array{"7", "8", "9"}));
    test::make_course(t, admin, current, 12, "A");
    test::make_course(t, admin, current, 10, "A");
    test::make_course(t, admin, current, 10, "B");
    EXPECT_EQ(t.get_as(admin, "/api/v1/classes").data().at("classes"), (boost::json::array{"10", "12"}));
}

TEST(Classes, DefaultToGradesOneToTwelve)
{
    TestApp t;
    t.add_user("sokha", "teacher");
    auto teacher = t.sign_in("sokha");
    auto classes = t.get_as(teacher, "/api/v1/classes");
    ASSERT_EQ(classes.status, 200u) << classes.body;
    boost::json::array expected;
    for (int i = 1; i <= 12; ++i) {
        expected.emplace_back(std::to_string(i));
    }
    EXPECT_EQ(classes.data().at("classes"), expected);
}

}  // namespace
}  // namespace sala
