// Year-end promotion through the API: the dry run's plan is what the real run does; students move
// up a grade in the same section, repeaters stay, the final grade graduates; missing courses are
// copied from the previous year's; a full course stops the whole run; a second run changes nothing.
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <gtest/gtest.h>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

class PromotionTest : public ::testing::Test {
protected:
    PromotionTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        teacher_id = t.add_user("sokha", "teacher");
        year = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
        next = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
        a7 = test::make_course(t, admin, year, 7, "A");
        b7 = test::make_course(t, admin, year, 7, "B");
        a12 = test::make_course(t, admin, year, 12, "A");
    }
    Reply send(Method m, const std::string& target, std::string body = {})
    {
        return t.as(admin, Call{m, target, std::move(body)});
    }
    std::int64_t student(const std::string& first, std::int64_t course)
    {
        auto r = send(Method::post, "/api/v1/students",
                      R"({"studentInfo":{"firstName":")" + first + R"(","lastName":"Keo","dateOfBirth":"2012-01-20",
            "gender":"M","placeOfBirth":"Takeo","nationality":"Khmer","religion":"Buddhism","address":"Village 1",
            "commune":"Roka Knong","district":"Doun Kaev","province":"Takeo"},
            "guardianInfo":{"primaryGuardian":{"firstName":"Srey","lastName":"Keo","relation":"mother",
            "phone":"011 222 333"}},"familyInfo":{"familyComposition":"Parents","familySize":4,"monthlyIncome":250,
            "hasPovertyCard":false}})");
        EXPECT_EQ(r.status, 201u) << r.body;
        auto id = r.data().at("studentId").as_int64();
        auto e = send(Method::post, "/api/v1/enrollments",
                      R"({"studentId":)" + std::to_string(id) + R"(,"courseId":)" + std::to_string(course) +
                          R"(,"enrollmentDate":"2026-09-01"})");
        EXPECT_EQ(e.status, 201u) << e.body;
        return id;
    }
    Reply promote(const std::string& extra = {})
    {
        return send(Method::post, "/api/v1/school-years/" + std::to_string(year) + "/promote",
                    R"({"toSchoolYearId":)" + std::to_string(next) + extra + "}");
    }
    static std::vector<std::string> moves(const Reply& r, const char* list)
    {
        std::vector<std::string> out;
        for (const auto& m : r.data().at(list).as_array()) {
            out.push_back(std::string(m.at("firstName").as_string()) + ":" +
                          (m.at("toCourse").is_null() ? std::string("-") : std::string(m.at("toCourse").as_string())));
        }
        return out;
    }
    std::int64_t courses_in(std::int64_t school_year)
    {
        return t.get_as(admin, "/api/v1/courses?schoolYearId=" + std::to_string(school_year))
            .json.at("pagination")
            .at("total")
            .as_int64();
    }

    TestApp t;
    test::SignedIn admin;
    std::int64_t teacher_id = 0;
    std::int64_t year = 0;
    std::int64_t next = 0;
    std::int64_t a7 = 0;
    std::int64_t b7 = 0;
    std::int64_t a12 = 0;
};

TEST_F(PromotionTest, TheDryRunIsWhatTheRunDoes)
{
    student("Bopha", a7);
    auto dara = student("Dara", a7);
    student("Kanha", a7);
    student("Vanna", b7);
    auto sophea = student("Sophea", a12);
    auto repeat = R"(,"repeaterIds":[)" + std::to_string(dara) + "]";

    auto plan = promote(repeat + R"(,"dryRun":true)");
    ASSERT_EQ(plan.status, 200u) << plan.body;
    EXPECT_EQ(plan.data().at("dryRun"), true);
    EXPECT_EQ(moves(plan, "promoted"), (std::vector<std::string>{"Bopha:8A", "Kanha:8A", "Vanna:8B"}));
    EXPECT_EQ(moves(plan, "repeated"), (std::vector<std::string>{"Dara:7A"}));
    EXPECT_EQ(moves(plan, "graduated"), (std::vector<std::string>{"Sophea:-"}));
    EXPECT_EQ(plan.data().at("createdCourses").as_array().size(), 3u);
    EXPECT_TRUE(plan.data().at("problems").as_array().empty());
    // Nothing was written.
    EXPECT_EQ(courses_in(next), 0);
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/" + std::to_string(sophea)).data().at("status"), "active");
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?status=active").json.at("pagination").at("total"), 5);

    auto done = promote(repeat);
    ASSERT_EQ(done.status, 200u) << done.body;
    EXPECT_EQ(done.data().at("dryRun"), false);
    for (auto list : {"promoted", "repeated", "graduated"}) {
        EXPECT_EQ(moves(done, list), moves(plan, list)) << list;
    }
    EXPECT_EQ(courses_in(next), 3);
    auto graduate = t.get_as(admin, "/api/v1/students/" + std::to_string(sophea)).data();
    EXPECT_EQ(graduate.at("status"), "graduated");
    EXPECT_EQ(graduate.at("graduationDate"), "2027-07-31");
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?status=active&schoolYearId=" + std::to_string(next))
                  .json.at("pagination")
                  .at("total"),
              4);
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?status=completed&schoolYearId=" + std::to_string(year))
                  .json.at("pagination")
                  .at("total"),
              5);
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/" + std::to_string(a7)).data().at("enrolledCount"), 0);
    auto dara_now = t.get_as(admin, "/api/v1/enrollments?status=active&studentId=" + std::to_string(dara));
    EXPECT_EQ(dara_now.data().at(0).at("course").at("gradeLevel"), 7);
    EXPECT_EQ(dara_now.data().at(0).at("enrollmentDate"), "2027-09-01");

    // Again: nothing to do, nothing changes.
    auto again = promote(repeat);
    ASSERT_EQ(again.status, 200u);
    for (auto list : {"promoted", "repeated", "graduated", "createdCourses", "problems"}) {
        EXPECT_TRUE(again.data().at(list).as_array().empty()) << list;
    }
    EXPECT_EQ(courses_in(next), 3);
}

TEST_F(PromotionTest, MissingCoursesAreCopiedFromThePreviousYears)
{
    // This year's 8A: 30 places, a track, a homeroom teacher and maths taught by that teacher.
    auto a8 = test::make_course(t, admin, year, 8, "A",
                                R"(,"capacity":30,"track":"science","homeroomTeacherId":)" + std::to_string(teacher_id));
    auto maths = test::make_subject(t, admin, "MATH", "[7,8,9]");
    ASSERT_EQ(send(Method::put, "/api/v1/courses/" + std::to_string(a8) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                       std::to_string(teacher_id) + "}]}")
                  .status,
              200u);
    student("Bopha", a7);
    auto done = promote();
    ASSERT_EQ(done.status, 200u) << done.body;
    const auto& created = done.data().at("createdCourses");
    ASSERT_EQ(created.as_array().size(), 1u);
    EXPECT_EQ(created.at(0).at("templateCourseId"), a8);
    auto copy = t.get_as(admin, "/api/v1/courses/" + std::to_string(created.at(0).at("courseId").as_int64())).data();
    EXPECT_EQ(copy.at("name"), "8A");
    EXPECT_EQ(copy.at("capacity"), 30);
    EXPECT_EQ(copy.at("track"), "science");
    EXPECT_EQ(copy.at("homeroomTeacherId"), teacher_id);
    EXPECT_EQ(copy.at("schoolYearId"), next);
    auto subjects =
        t.get_as(admin, "/api/v1/courses/" + std::to_string(created.at(0).at("courseId").as_int64()) + "/subjects");
    ASSERT_EQ(subjects.status, 200u) << subjects.body;
    EXPECT_EQ(subjects.body.find("MATH") != std::string::npos, true);
}

TEST_F(PromotionTest, AFullCourseStopsTheRun)
{
    test::make_course(t, admin, next, 8, "A", R"(,"capacity":1)");
    student("Bopha", a7);
    student("Kanha", a7);
    auto plan = promote(R"(,"dryRun":true)");
    ASSERT_EQ(plan.status, 200u);
    ASSERT_EQ(plan.data().at("problems").as_array().size(), 1u);
    EXPECT_EQ(plan.data().at("problems").at(0).at("code"), "COURSE_FULL");
    EXPECT_EQ(plan.data().at("problems").at(0).at("course"), "8A");

    auto refused = promote();
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.json.at("error").at("details").at(0).at("code"), "COURSE_FULL");
    EXPECT_EQ(refused.json.at("error").at("details").at(0).at("message"), "The course 8A is full.");
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?status=active&schoolYearId=" + std::to_string(year))
                  .json.at("pagination")
                  .at("total"),
              2);
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?schoolYearId=" + std::to_string(next)).json.at("pagination").at("total"),
              0);
}

TEST_F(PromotionTest, RequestsAreChecked)
{
    auto bopha = student("Bopha", a7);
    EXPECT_EQ(send(Method::post, "/api/v1/school-years/999/promote", R"({"toSchoolYearId":1})").status, 404u);
    auto backwards = send(Method::post, "/api/v1/school-years/" + std::to_string(next) + "/promote",
                          R"({"toSchoolYearId":)" + std::to_string(year) + "}");
    EXPECT_EQ(backwards.status, 422u);
    EXPECT_EQ(backwards.error_fields(), std::vector<std::string>{"toSchoolYearId"});
    auto unknown = promote(R"(,"repeaterIds":[)" + std::to_string(bopha) + ",999]");
    EXPECT_EQ(unknown.status, 422u);
    EXPECT_EQ(unknown.error_fields(), std::vector<std::string>{"repeaterIds[1]"});
    auto teacher = t.sign_in("sokha");
    EXPECT_EQ(t.as(teacher, Call{Method::post, "/api/v1/school-years/" + std::to_string(year) + "/promote",
                                 R"({"toSchoolYearId":)" + std::to_string(next) + "}"})
                  .status,
              403u);
}

}  // namespace
}  // namespace sala
