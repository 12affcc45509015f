// Grades through the API: the seed's shape with computed percentage and letter, every input rule,
// what each teacher may record, ETags, a class's assessment written whole or not at all (and
// replayed with its Idempotency-Key), the events in the activity log, and the grading settings.
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

class GradesTest : public ::testing::Test {
protected:
    GradesTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        sokha = t.sign_in("sokha");
        dara_id = t.add_user("dara", "teacher");
        dara = t.sign_in("dara");
        t.add_user("kim", "teacher");
        kim = t.sign_in("kim");
        year = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
        other_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
        s1 = test::make_semester(t, admin, year, 1, "2026-09-01", "2027-01-31");
        s2 = test::make_semester(t, admin, year, 2, "2027-02-01", "2027-07-31");
        other_s1 = test::make_semester(t, admin, other_year, 1, "2027-09-01", "2028-01-31");
        maths = test::make_subject(t, admin, "MATH", "[7]");
        khmer = test::make_subject(t, admin, "KHM", "[7]");
        history = test::make_subject(t, admin, "HIS", "[7]");
        a7 = test::make_course(t, admin, year, 7, "A");
        b7 = test::make_course(t, admin, year, 7, "B", R"(,"homeroomTeacherId":)" + std::to_string(dara_id));
        test::assign_subjects(t, admin, a7,
                              R"([{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                                  std::to_string(sokha_id) + R"(},{"subjectId":)" + std::to_string(khmer) + "}]");
        test::assign_subjects(t, admin, b7,
                              R"([{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                                  std::to_string(sokha_id) + R"(},{"subjectId":)" + std::to_string(khmer) + "}]");
        bopha = test::enrolled_student(t, a7, "F", "Bopha");
        chan = test::enrolled_student(t, a7, "M", "Chan");
        vuthy = test::enrolled_student(t, b7, "M", "Vuthy");
    }
    Reply send(const test::SignedIn& who, Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(who, Call{m, target, std::move(body), std::move(headers)});
    }
    std::string grade_body(std::int64_t student, std::int64_t course, std::int64_t subject, double score,
                           const std::string& extra = {}) const
    {
        std::ostringstream out;
        out << R"({"studentId":)" << student << R"(,"courseId":)" << course << R"(,"subjectId":)" << subject
            << R"(,"semesterId":)" << s1 << R"(,"gradeType":"EXAM","score":)" << score << R"(,"maxScore":50)"
            << extra << "}";
        return out.str();
    }
    Reply post_grade(const test::SignedIn& who, const std::string& body)
    {
        return send(who, Method::post, "/api/v1/grades", body);
    }
    static std::string path(std::int64_t id) { return "/api/v1/grades/" + std::to_string(id); }

    TestApp t;
    test::SignedIn admin, sokha, dara, kim;
    std::int64_t sokha_id = 0, dara_id = 0;
    std::int64_t year = 0, other_year = 0, s1 = 0, s2 = 0, other_s1 = 0;
    std::int64_t maths = 0, khmer = 0, history = 0, a7 = 0, b7 = 0;
    std::int64_t bopha = 0, chan = 0, vuthy = 0;
};

TEST_F(GradesTest, CreateComputesPercentageAndLetterAndReadsBack)
{
    auto created = post_grade(admin, grade_body(bopha, a7, maths, 44.5, R"(,"comments":" Good work ")"));
    ASSERT_EQ(created.status, 201u) << created.body;
    const auto& g = created.data();
    auto id = g.at("gradeId").as_int64();
    EXPECT_EQ(created.header("Location"), path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    EXPECT_EQ(g.at("score").to_number<double>(), 44.5);
    EXPECT_EQ(g.at("maxScore").to_number<double>(), 50.0);
    EXPECT_EQ(g.at("percentage").to_number<double>(), 89.0);
    EXPECT_EQ(g.at("grade").as_string(), "B");
    EXPECT_EQ(g.at("gradeDate").as_string(), "2026-09-01");  // today
    EXPECT_EQ(g.at("month").as_string(), "2026-09");
    EXPECT_EQ(g.at("comments").as_string(), "Good work");
    EXPECT_EQ(g.at("recordedBy").as_string(), "admin");
    EXPECT_EQ(g.at("student").at("lastName").as_string(), "Bopha");
    EXPECT_EQ(g.at("subject").at("code").as_string(), "MATH");
    EXPECT_EQ(g.at("course").at("name").as_string(), "7A");
    EXPECT_EQ(g.at("semester").at("order").as_int64(), 1);
    EXPECT_EQ(t.get_as(admin, path(id)).data(), g);

    // The subject's maximum when none is given; the month follows the date.
    auto dated = post_grade(admin, R"({"studentId":)" + std::to_string(chan) + R"(,"courseId":)" + std::to_string(a7) +
                                       R"(,"subjectId":)" + std::to_string(maths) + R"(,"semesterId":)" +
                                       std::to_string(s1) +
                                       R"(,"gradeType":"QUIZ","score":90,"gradeDate":"2026-11-20"})");
    ASSERT_EQ(dated.status, 201u) << dated.body;
    EXPECT_EQ(dated.data().at("maxScore").to_number<double>(), 100.0);
    EXPECT_EQ(dated.data().at("month").as_string(), "2026-11");
    EXPECT_EQ(dated.data().at("grade").as_string(), "A");

    // Percentage and letter are the server's: a client sending them is refused.
    auto sent = post_grade(admin, grade_body(bopha, a7, maths, 10, R"(,"percentage":100,"grade":"A")"));
    EXPECT_EQ(sent.status, 422u);
    EXPECT_EQ(test::error_details(sent), (std::vector<std::string>{"percentage:UNKNOWN_FIELD", "grade:UNKNOWN_FIELD"}));
}

TEST_F(GradesTest, ScoresMustLieBetweenZeroAndAPositiveMaximum)
{
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(bopha, a7, maths, 50.5))),
              std::vector<std::string>{"score:OUT_OF_RANGE"});
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(bopha, a7, maths, -1))),
              std::vector<std::string>{"score:OUT_OF_RANGE"});
    auto zero_max = post_grade(admin, R"({"studentId":)" + std::to_string(bopha) + R"(,"courseId":)" +
                                          std::to_string(a7) + R"(,"subjectId":)" + std::to_string(maths) +
                                          R"(,"semesterId":)" + std::to_string(s1) +
                                          R"(,"gradeType":"EXAM","score":0,"maxScore":0})");
    EXPECT_EQ(zero_max.status, 422u);
    EXPECT_EQ(test::error_details(zero_max), std::vector<std::string>{"maxScore:OUT_OF_RANGE"});
    EXPECT_EQ(post_grade(admin, grade_body(bopha, a7, maths, 0)).status, 201u);
    EXPECT_EQ(post_grade(admin, grade_body(bopha, a7, maths, 50)).status, 201u);
}

TEST_F(GradesTest, TheStudentCourseSubjectSemesterAndDateMustFit)
{
    // A student of another course.
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(vuthy, a7, maths, 40))),
              std::vector<std::string>{"studentId:NOT_IN_COURSE"});
    // A subject the course does not take.
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(bopha, a7, history, 40))),
              std::vector<std::string>{"subjectId:NOT_TAUGHT"});
    // A semester of another year; a date outside the semester; an unknown category.
    auto other = post_grade(admin, R"({"studentId":)" + std::to_string(bopha) + R"(,"courseId":)" + std::to_string(a7) +
                                       R"(,"subjectId":)" + std::to_string(maths) + R"(,"semesterId":)" +
                                       std::to_string(other_s1) + R"(,"gradeType":"EXAM","score":1,"maxScore":50})");
    EXPECT_EQ(test::error_details(other), std::vector<std::string>{"semesterId:WRONG_SCHOOL_YEAR"});
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(bopha, a7, maths, 40, R"(,"gradeDate":"2027-02-01")"))),
              std::vector<std::string>{"gradeDate:OUT_OF_RANGE"});
    auto bad_type = post_grade(admin, R"({"studentId":)" + std::to_string(bopha) + R"(,"courseId":)" +
                                          std::to_string(a7) + R"(,"subjectId":)" + std::to_string(maths) +
                                          R"(,"semesterId":)" + std::to_string(s1) +
                                          R"(,"gradeType":"HOMEWORK","score":1})");
    EXPECT_EQ(test::error_details(bad_type), std::vector<std::string>{"gradeType:INVALID_VALUE"});
    EXPECT_EQ(test::error_details(post_grade(admin, grade_body(bopha, a7 + 100, maths, 40))),
              std::vector<std::string>{"courseId:NOT_FOUND"});
    EXPECT_EQ(t.get_as(admin, "/api/v1/grades").data().as_array().size(), 0u);
}

TEST_F(GradesTest, TeachersRecordOnlyTheSubjectsTheyTeachOrTheirHomeroomClass)
{
    // Sokha teaches maths in 7A: yes; Khmer there: no.
    auto mine = post_grade(sokha, grade_body(bopha, a7, maths, 40));
    ASSERT_EQ(mine.status, 201u) << mine.body;
    auto not_mine = post_grade(sokha, grade_body(bopha, a7, khmer, 40));
    EXPECT_EQ(not_mine.status, 403u);
    EXPECT_EQ(not_mine.error_code(), "FORBIDDEN");
    // Dara is homeroom teacher of 7B: every subject there, nothing in 7A.
    EXPECT_EQ(post_grade(dara, grade_body(vuthy, b7, khmer, 40)).status, 201u);
    EXPECT_EQ(post_grade(dara, grade_body(vuthy, b7, maths, 40)).status, 201u);
    EXPECT_EQ(post_grade(dara, grade_body(bopha, a7, maths, 40)).status, 403u);
    // Kim teaches nothing.
    EXPECT_EQ(post_grade(kim, grade_body(bopha, a7, maths, 40)).status, 403u);

    // Changing and deleting follow the same rule, for the grade as it is and as it would become.
    auto id = mine.data().at("gradeId").as_int64();
    EXPECT_EQ(send(kim, Method::put, path(id), grade_body(bopha, a7, maths, 41)).status, 403u);
    EXPECT_EQ(send(sokha, Method::put, path(id), grade_body(bopha, a7, khmer, 41)).status, 403u);
    EXPECT_EQ(send(dara, Method::delete_, path(id)).status, 403u);
    auto changed = send(sokha, Method::put, path(id), grade_body(bopha, a7, maths, 41));
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(changed.data().at("score").to_number<double>(), 41.0);
    EXPECT_EQ(send(sokha, Method::delete_, path(id)).status, 204u);

    // Reading: a teacher sees the grades of the courses they teach, no others.
    auto dara_grade = post_grade(dara, grade_body(vuthy, b7, khmer, 30)).data().at("gradeId").as_int64();
    EXPECT_EQ(t.get_as(kim, path(dara_grade)).status, 403u);
    EXPECT_EQ(t.get_as(sokha, path(dara_grade)).status, 200u);  // sokha teaches maths in 7B
    EXPECT_EQ(t.get_as(kim, "/api/v1/grades").data().as_array().size(), 0u);
    EXPECT_EQ(t.get_as(dara, "/api/v1/grades").data().as_array().size(), 3u);
}

TEST_F(GradesTest, ListFiltersAndPages)
{
    ASSERT_EQ(post_grade(admin, grade_body(bopha, a7, maths, 40)).status, 201u);
    ASSERT_EQ(post_grade(admin, grade_body(chan, a7, maths, 30, R"(,"gradeDate":"2026-10-05")")).status, 201u);
    ASSERT_EQ(post_grade(admin, grade_body(chan, a7, khmer, 20)).status, 201u);
    ASSERT_EQ(post_grade(admin, grade_body(vuthy, b7, maths, 10)).status, 201u);
    auto list = [&](const std::string& q) { return t.get_as(admin, "/api/v1/grades?" + q); };
    EXPECT_EQ(list("courseId=" + std::to_string(a7)).data().as_array().size(), 3u);
    EXPECT_EQ(list("studentId=" + std::to_string(chan)).data().as_array().size(), 2u);
    EXPECT_EQ(list("subjectId=" + std::to_string(khmer)).data().as_array().size(), 1u);
    EXPECT_EQ(list("month=2026-10").data().as_array().size(), 1u);
    EXPECT_EQ(list("month=2026-10").data().at(0).at("student").at("lastName").as_string(), "Chan");
    EXPECT_EQ(list("semesterId=" + std::to_string(s2)).data().as_array().size(), 0u);
    EXPECT_EQ(list("gradeType=QUIZ").data().as_array().size(), 0u);
    EXPECT_EQ(list("month=2026-13").status, 400u);
    auto page = list("limit=2&sort=score");
    ASSERT_EQ(page.data().as_array().size(), 2u);
    EXPECT_EQ(page.data().at(0).at("score").to_number<double>(), 10.0);
    EXPECT_EQ(page.json.at("pagination").at("total").as_int64(), 4);
}

TEST_F(GradesTest, ChangesNeedTheCurrentVersion)
{
    auto id = post_grade(admin, grade_body(bopha, a7, maths, 40)).data().at("gradeId").as_int64();
    auto changed = send(admin, Method::put, path(id), grade_body(bopha, a7, maths, 45), {{"If-Match", "\"1\""}});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(changed.header("ETag"), "\"2\"");
    EXPECT_EQ(changed.data().at("grade").as_string(), "A");
    EXPECT_EQ(send(admin, Method::put, path(id), grade_body(bopha, a7, maths, 1), {{"If-Match", "\"1\""}}).status,
              412u);
    EXPECT_EQ(send(admin, Method::delete_, path(id), {}, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(t.get_as(admin, path(id)).data().at("score").to_number<double>(), 45.0);
    EXPECT_EQ(send(admin, Method::delete_, path(id), {}, {{"If-Match", "\"2\""}}).status, 204u);
    EXPECT_EQ(t.get_as(admin, path(id)).status, 404u);
    EXPECT_EQ(send(admin, Method::delete_, path(id)).status, 404u);
}

TEST_F(GradesTest, BulkWritesTheWholeClassOrNothing)
{
    auto carol = test::enrolled_student(t, a7, "F", "Carol");
    auto head = R"({"courseId":)" + std::to_string(a7) + R"(,"subjectId":)" + std::to_string(maths) +
                R"(,"semesterId":)" + std::to_string(s1) + R"(,"gradeType":"QUIZ","gradeDate":"2026-09-15","maxScore":20,)";
    auto bad = head + R"("scores":[{"studentId":)" + std::to_string(bopha) + R"(,"score":18},{"studentId":)" +
               std::to_string(chan) + R"(,"score":21},{"studentId":)" + std::to_string(vuthy) +
               R"(,"score":5},{"studentId":)" + std::to_string(bopha) + R"(,"score":3}]})";
    auto refused = send(sokha, Method::post, "/api/v1/grades/bulk", bad);
    ASSERT_EQ(refused.status, 422u) << refused.body;
    EXPECT_EQ(test::error_details(refused),
              (std::vector<std::string>{"scores[1].score:OUT_OF_RANGE", "scores[2].studentId:NOT_IN_COURSE",
                                        "scores[3].studentId:DUPLICATE"}));
    EXPECT_EQ(t.get_as(admin, "/api/v1/grades").data().as_array().size(), 0u);

    auto good = head + R"("scores":[{"studentId":)" + std::to_string(bopha) + R"(,"score":18,"comments":"Neat"},)" +
                R"({"studentId":)" + std::to_string(chan) + R"(,"score":9.5},{"studentId":)" + std::to_string(carol) +
                R"(,"score":20}]})";
    auto created = send(sokha, Method::post, "/api/v1/grades/bulk", good, {{"Idempotency-Key", "quiz-1"}});
    ASSERT_EQ(created.status, 201u) << created.body;
    EXPECT_EQ(created.data().at("count").as_int64(), 3);
    const auto& grades = created.data().at("grades").as_array();
    ASSERT_EQ(grades.size(), 3u);
    EXPECT_EQ(grades.at(0).at("grade").as_string(), "A");    // 90 %
    EXPECT_EQ(grades.at(1).at("grade").as_string(), "F");    // 47.5 %
    EXPECT_EQ(grades.at(1).at("percentage").to_number<double>(), 47.5);
    EXPECT_EQ(grades.at(0).at("comments").as_string(), "Neat");
    EXPECT_EQ(grades.at(2).at("studentId").as_int64(), carol);

    // The same batch again with the same key: the first answer, nothing written twice.
    auto again = send(sokha, Method::post, "/api/v1/grades/bulk", good, {{"Idempotency-Key", "quiz-1"}});
    EXPECT_EQ(again.status, 201u);
    EXPECT_EQ(again.data(), created.data());
    EXPECT_EQ(t.get_as(admin, "/api/v1/grades").data().as_array().size(), 3u);

    // The teacher rule holds for batches too; an empty batch is refused.
    EXPECT_EQ(send(kim, Method::post, "/api/v1/grades/bulk", good).status, 403u);
    EXPECT_EQ(test::error_details(send(admin, Method::post, "/api/v1/grades/bulk", head + R"("scores":[]})")),
              std::vector<std::string>{"scores:OUT_OF_RANGE"});
}

TEST_F(GradesTest, EveryWritePublishesAnEventTheActivityLogRecords)
{
    auto id = post_grade(sokha, grade_body(bopha, a7, maths, 40)).data().at("gradeId").as_int64();
    ASSERT_EQ(send(sokha, Method::put, path(id), grade_body(bopha, a7, maths, 42)).status, 200u);
    ASSERT_EQ(send(sokha, Method::delete_, path(id)).status, 204u);
    for (std::string action : {"grade.created", "grade.updated", "grade.deleted"}) {
        auto logs = t.get_as(admin, "/api/v1/activity-logs?action=" + action);
        ASSERT_EQ(logs.status, 200u) << logs.body;
        ASSERT_EQ(logs.data().as_array().size(), 1u) << action;
        const auto& entry = logs.data().at(0);
        EXPECT_EQ(entry.at("resourceId").as_string(), std::to_string(id));
        EXPECT_EQ(entry.at("user").at("username").as_string(), "sokha");
        EXPECT_EQ(entry.at("details").at("studentId").as_int64(), bopha);
    }
}

TEST_F(GradesTest, AStudentWithGradesCannotBeDeleted)
{
    ASSERT_EQ(post_grade(admin, grade_body(bopha, a7, maths, 40)).status, 201u);
    auto refused = send(admin, Method::delete_, "/api/v1/students/" + std::to_string(bopha));
    EXPECT_EQ(refused.status, 409u);
    EXPECT_EQ(refused.error_code(), "CONFLICT");
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/" + std::to_string(bopha)).status, 200u);
}

TEST_F(GradesTest, GradingSettingsHaveDefaultsAndDecideLetters)
{
    auto read = t.get_as(sokha, "/api/v1/settings/grading");
    ASSERT_EQ(read.status, 200u) << read.body;
    EXPECT_EQ(read.header("ETag"), "\"0\"");
    const auto& s = read.data();
    ASSERT_EQ(s.at("categoryWeights").as_array().size(), 4u);
    EXPECT_EQ(s.at("categoryWeights").at(2).at("gradeType").as_string(), "EXAM");
    EXPECT_EQ(s.at("categoryWeights").at(2).at("weight").to_number<double>(), 50.0);
    ASSERT_EQ(s.at("gradeScale").as_array().size(), 6u);
    EXPECT_EQ(s.at("gradeScale").at(0).at("labelKh").as_string(), "ល្អប្រសើរ");
    EXPECT_EQ(s.at("gradeScale").at(5).at("letter").as_string(), "F");
    EXPECT_EQ(s.at("passMark").to_number<double>(), 50.0);

    auto id = post_grade(admin, grade_body(bopha, a7, maths, 44.5)).data().at("gradeId").as_int64();
    EXPECT_EQ(t.get_as(admin, path(id)).data().at("grade").as_string(), "B");  // 89 %

    auto scale = R"({"categoryWeights":[{"gradeType":"EXAM","weight":60},{"gradeType":"QUIZ","weight":40}],
        "gradeScale":[{"letter":"A","minPercentage":85,"labelEn":"Excellent","labelKh":"ល្អប្រសើរ"},
                      {"letter":"F","minPercentage":0,"labelEn":"Weak","labelKh":"ខ្សោយ"}],
        "passMark":60,"semesterWeights":[{"order":2,"weight":2}]})";
    EXPECT_EQ(send(sokha, Method::put, "/api/v1/settings/grading", scale).status, 403u);
    EXPECT_EQ(send(admin, Method::put, "/api/v1/settings/grading", scale, {{"If-Match", "\"3\""}}).status, 412u);
    auto saved = send(admin, Method::put, "/api/v1/settings/grading", scale, {{"If-Match", "\"0\""}});
    ASSERT_EQ(saved.status, 200u) << saved.body;
    EXPECT_EQ(saved.header("ETag"), "\"1\"");
    EXPECT_EQ(t.get_as(admin, "/api/v1/settings/grading").data(), saved.data());
    EXPECT_EQ(t.get_as(admin, path(id)).data().at("grade").as_string(), "A");  // the new scale
    EXPECT_EQ(send(admin, Method::put, "/api/v1/settings/grading", scale, {{"If-Match", "\"0\""}}).status, 412u);

    auto broken = send(admin, Method::put, "/api/v1/settings/grading",
                       R"({"categoryWeights":[{"gradeType":"EXAM","weight":0},{"gradeType":"EXAM","weight":-1}],
        "gradeScale":[{"letter":"A","minPercentage":50,"labelEn":"Good","labelKh":"ល្អ"},
                      {"letter":"A","minPercentage":60,"labelEn":"","labelKh":"ខ្សោយ"}],
        "passMark":101,"semesterWeights":[]})");
    ASSERT_EQ(broken.status, 422u);
    EXPECT_EQ(test::error_details(broken),
              (std::vector<std::string>{"categoryWeights[1].gradeType:DUPLICATE", "categoryWeights[1].weight:OUT_OF_RANGE",
                                        "categoryWeights:REQUIRED", "gradeScale[1].letter:DUPLICATE",
                                        "gradeScale[1].minPercentage:NOT_DESCENDING",
                                        "gradeScale[1].minPercentage:INVALID_VALUE", "gradeScale[1].labelEn:REQUIRED",
                                        "passMark:OUT_OF_RANGE"}));
}

}  // namespace
}  // namespace sala
