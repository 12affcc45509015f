// Enrollments through the API: the shape with student and course, one active enrollment per
// student and year, capacity (also under concurrent requests), moving and dropping, ETags, what a
// teacher may change, and how enrollments show on students (filters, sensitive fields).
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <future>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

std::string student_body(const std::string& first, const std::string& last)
{
    return R"({"studentInfo": {"firstName": ")" + first + R"(", "lastName": ")" + last +
           R"(", "dateOfBirth": "2013-05-02", "gender": "F",
    "placeOfBirth": "Kampot", "nationality": "Khmer", "religion": "Buddhism", "address": "Village 3",
    "commune": "Kampong Bay", "district": "Kampot", "province": "Kampot", "medicalConditions": "Diabetes",
    "bloodType": "A+"},
  "guardianInfo": {"primaryGuardian": {"firstName": "Mealea", "lastName": ")" +
           last + R"(", "relation": "mother", "phone": "012 555 666"}},
  "familyInfo": {"familyComposition": "Mother and two children", "familySize": 3, "monthlyIncome": 180,
    "hasPovertyCard": true, "povertyCardNumber": "PC-77"}})";
}

class EnrollmentsTest : public ::testing::Test {
protected:
    EnrollmentsTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        sokha = t.sign_in("sokha");
        t.add_user("dara", "teacher");
        dara = t.sign_in("dara");
        year = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
        next_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
        a7 = test::make_course(t, admin, year, 7, "A", R"(,"homeroomTeacherId":)" + std::to_string(sokha_id));
        b7 = test::make_course(t, admin, year, 7, "B", R"(,"capacity":2)");
        a8_next = test::make_course(t, admin, next_year, 8, "A");
    }
    Reply send(Method m, const std::string& target, std::string body = {},
               std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(admin, Call{m, target, std::move(body), std::move(headers)});
    }
    std::int64_t student(const std::string& first, const std::string& last = "Keo")
    {
        auto r = send(Method::post, "/api/v1/students", student_body(first, last));
        EXPECT_EQ(r.status, 201u) << r.body;
        return r.data().at("studentId").as_int64();
    }
    static std::string enroll_body(std::int64_t student_id, std::int64_t course_id, const std::string& extra = {})
    {
        return R"({"studentId":)" + std::to_string(student_id) + R"(,"courseId":)" + std::to_string(course_id) +
               extra + "}";
    }
    Reply enroll(std::int64_t student_id, std::int64_t course_id, const std::string& extra = {})
    {
        return send(Method::post, "/api/v1/enrollments", enroll_body(student_id, course_id, extra));
    }
    std::int64_t enrolled_count(std::int64_t course_id)
    {
        return t.get_as(admin, "/api/v1/courses/" + std::to_string(course_id)).data().at("enrolledCount").as_int64();
    }
    static std::string path(std::int64_t id) { return "/api/v1/enrollments/" + std::to_string(id); }

    TestApp t;
    test::SignedIn admin;
    test::SignedIn sokha;
    test::SignedIn dara;
    std::int64_t sokha_id = 0;
    std::int64_t year = 0;
    std::int64_t next_year = 0;
    std::int64_t a7 = 0;
    std::int64_t b7 = 0;
    std::int64_t a8_next = 0;
};

TEST_F(EnrollmentsTest, CreateReadChangeDelete)
{
    auto bopha = student("Bopha");
    auto created = enroll(bopha, a7, R"(,"enrollmentDate":"2026-09-01")");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("enrollmentId").as_int64();
    EXPECT_EQ(created.header("Location"), path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    const auto& e = created.data();
    EXPECT_EQ(e.at("status"), "active");
    EXPECT_EQ(e.at("schoolYearId"), year);
    EXPECT_EQ(e.at("student").at("firstName"), "Bopha");
    EXPECT_EQ(e.at("course").at("name"), "7A");
    EXPECT_EQ(e.at("course").at("gradeLevel"), 7);
    EXPECT_EQ(t.get_as(admin, path(id)).data(), e);
    EXPECT_EQ(enrolled_count(a7), 1);

    // The student's record shows it (and its version moved).
    auto record = t.get_as(admin, "/api/v1/students/" + std::to_string(bopha));
    ASSERT_EQ(record.data().at("enrollments").as_array().size(), 1u);
    EXPECT_EQ(record.data().at("enrollments").at(0).at("course").at("name"), "7A");
    EXPECT_EQ(record.header("ETag"), "\"2\"");

    // Moving to 7B moves the place.
    auto moved = send(Method::put, path(id), R"({"courseId":)" + std::to_string(b7) + "}", {{"If-Match", "\"1\""}});
    ASSERT_EQ(moved.status, 200u) << moved.body;
    EXPECT_EQ(moved.header("ETag"), "\"2\"");
    EXPECT_EQ(enrolled_count(a7), 0);
    EXPECT_EQ(enrolled_count(b7), 1);
    EXPECT_EQ(send(Method::put, path(id), R"({"courseId":)" + std::to_string(a7) + "}", {{"If-Match", "\"1\""}}).status,
              412u);

    // Dropped in a semester of the year, with a reason: the place is freed.
    auto semester = send(Method::post, "/api/v1/semesters",
                         R"({"schoolYearId":)" + std::to_string(year) +
                             R"(,"name":"Semester 1","order":1,"startDate":"2026-09-01","endDate":"2027-01-31"})");
    ASSERT_EQ(semester.status, 201u) << semester.body;
    auto semester_id = semester.data().at("semesterId").as_int64();
    auto dropped = send(Method::put, path(id),
                        R"({"courseId":)" + std::to_string(b7) + R"(,"status":"dropped","dropSemesterId":)" +
                            std::to_string(semester_id) + R"(,"dropReason":"Moved to Siem Reap"})");
    ASSERT_EQ(dropped.status, 200u) << dropped.body;
    EXPECT_EQ(dropped.data().at("dropReason"), "Moved to Siem Reap");
    EXPECT_EQ(enrolled_count(b7), 0);

    EXPECT_EQ(send(Method::delete_, path(id), {}, {{"If-Match", "\"1\""}}).status, 412u);
    EXPECT_EQ(send(Method::delete_, path(id)).status, 204u);
    EXPECT_EQ(t.get_as(admin, path(id)).status, 404u);
    EXPECT_TRUE(t.get_as(admin, "/api/v1/students/" + std::to_string(bopha)).data().at("enrollments").as_array().empty());
}

TEST_F(EnrollmentsTest, OneActiveEnrollmentPerYear)
{
    auto bopha = student("Bopha");
    ASSERT_EQ(enroll(bopha, a7).status, 201u);
    auto again = enroll(bopha, b7);
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(again.error_code(), "CONFLICT");
    EXPECT_EQ(enrolled_count(b7), 0);
    // A finished enrollment does not count; another year is another year.
    EXPECT_EQ(enroll(bopha, b7, R"(,"status":"completed")").status, 201u);
    EXPECT_EQ(enroll(bopha, a8_next, R"(,"enrollmentDate":"2027-09-01")").status, 201u);
    // Reactivating the completed one would make two.
    auto list = t.get_as(admin, "/api/v1/enrollments?studentId=" + std::to_string(bopha) + "&status=completed");
    auto completed = list.data().at(0).at("enrollmentId").as_int64();
    EXPECT_EQ(send(Method::put, path(completed), R"({"courseId":)" + std::to_string(b7) + R"(,"status":"active"})").status,
              409u);
}

TEST_F(EnrollmentsTest, ACourseIsNeverOverCapacity)
{
    ASSERT_EQ(enroll(student("A"), b7).status, 201u);
    ASSERT_EQ(enroll(student("B"), b7).status, 201u);
    auto full = enroll(student("C"), b7);
    EXPECT_EQ(full.status, 409u);
    EXPECT_EQ(full.json.at("error").at("message"), "The course is full (2 places).");
    EXPECT_EQ(enrolled_count(b7), 2);

    // Many at once for the last places of a fresh course: exactly its capacity gets in.
    auto c = test::make_course(t, admin, year, 9, "C", R"(,"capacity":3)");
    std::vector<std::int64_t> students;
    for (int i = 0; i < 8; ++i) {
        students.push_back(student("Racer" + std::to_string(i)));
    }
    std::vector<std::future<unsigned>> results;
    for (auto s : students) {
        results.push_back(std::async(std::launch::async, [&, s] { return enroll(s, c).status; }));
    }
    int created = 0;
    for (auto& r : results) {
        auto status = r.get();
        EXPECT_TRUE(status == 201u || status == 409u) << status;
        created += status == 201u ? 1 : 0;
    }
    EXPECT_EQ(created, 3);
    EXPECT_EQ(enrolled_count(c), 3);
}

TEST_F(EnrollmentsTest, EveryBadFieldIsReported)
{
    auto bopha = student("Bopha");
    auto r = send(Method::post, "/api/v1/enrollments",
                  R"({"studentId":999,"courseId":999,"status":"expelled","dropReason":"x"})");
    EXPECT_EQ(r.status, 422u);
    auto fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"courseId", "dropReason", "status", "studentId"}));
    EXPECT_EQ(send(Method::post, "/api/v1/enrollments", R"({"courseId":1})").error_fields(),
              std::vector<std::string>{"studentId"});
    // After the year ended, or a semester of another year.
    EXPECT_EQ(enroll(bopha, a7, R"(,"enrollmentDate":"2027-08-15")").error_fields(),
              std::vector<std::string>{"enrollmentDate"});
    auto other = send(Method::post, "/api/v1/semesters",
                      R"({"schoolYearId":)" + std::to_string(next_year) +
                          R"(,"name":"Semester 1","order":1,"startDate":"2027-09-01","endDate":"2028-01-31"})");
    EXPECT_EQ(enroll(bopha, a7,
                     R"(,"status":"dropped","dropSemesterId":)" + std::to_string(other.data().at("semesterId").as_int64()))
                  .error_fields(),
              std::vector<std::string>{"dropSemesterId"});
    // The student of an enrollment does not change.
    auto id = enroll(bopha, a7).data().at("enrollmentId").as_int64();
    auto other_student = student("Other");
    EXPECT_EQ(send(Method::put, path(id), enroll_body(other_student, a7)).error_fields(),
              std::vector<std::string>{"studentId"});
    EXPECT_EQ(send(Method::put, path(id), enroll_body(bopha, a7)).status, 200u);
    // Only active students are enrolled.
    ASSERT_EQ(send(Method::patch, "/api/v1/students/" + std::to_string(other_student), R"({"status":"transferred"})")
                  .status,
              200u);
    EXPECT_EQ(enroll(other_student, b7).status, 409u);
}

TEST_F(EnrollmentsTest, TeachersChangeOnlyTheirCourses)
{
    auto bopha = student("Bopha");
    // Sokha is 7A's homeroom teacher; Dara teaches nothing.
    auto mine = t.as(sokha, Call{Method::post, "/api/v1/enrollments", enroll_body(bopha, a7)});
    ASSERT_EQ(mine.status, 201u) << mine.body;
    auto id = mine.data().at("enrollmentId").as_int64();
    auto refused = t.as(dara, Call{Method::post, "/api/v1/enrollments", enroll_body(student("Vanna"), a7)});
    EXPECT_EQ(refused.status, 403u);
    EXPECT_EQ(t.as(dara, Call{Method::delete_, path(id)}).status, 403u);
    // Moving a student out of one's course into another's needs both.
    EXPECT_EQ(t.as(sokha, Call{Method::put, path(id), R"({"courseId":)" + std::to_string(b7) + "}"}).status, 403u);
    // Everyone who reads courses reads enrollments.
    EXPECT_EQ(t.get_as(dara, path(id)).status, 200u);
    EXPECT_EQ(t.get_as(dara, "/api/v1/enrollments?teacherId=" + std::to_string(sokha_id)).json.at("pagination").at("total"),
              1);
}

TEST_F(EnrollmentsTest, ListsFilter)
{
    auto bopha = student("Bopha", "Chan");
    auto dara_s = student("Dara", "Sok");
    auto kanha = student("Kanha", "Chan");
    enroll(bopha, a7);
    enroll(dara_s, a7);
    enroll(kanha, b7, R"(,"status":"completed")");
    auto all = t.get_as(admin, "/api/v1/enrollments");
    ASSERT_EQ(all.status, 200u);
    EXPECT_EQ(all.json.at("pagination").at("total"), 3);
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?courseId=" + std::to_string(a7)).json.at("pagination").at("total"),
              2);
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?status=completed").data().at(0).at("student").at("firstName"),
              "Kanha");
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?schoolYearId=" + std::to_string(next_year))
                  .json.at("pagination")
                  .at("total"),
              0);
    auto sorted = t.get_as(admin, "/api/v1/enrollments?courseId=" + std::to_string(a7) + "&sort=-lastName");
    EXPECT_EQ(sorted.data().at(0).at("student").at("lastName"), "Sok");
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments?sort=password").status, 400u);

    // Students by class, grade, year; and /students/enrolled.
    auto names = [&](const std::string& target) {
        std::vector<std::string> out;
        auto r = t.get_as(admin, target);
        EXPECT_EQ(r.status, 200u) << r.body;
        for (const auto& s : r.data().as_array()) {
            out.emplace_back(s.at("firstName").as_string());
        }
        return out;
    };
    EXPECT_EQ(names("/api/v1/students?courseId=" + std::to_string(a7)), (std::vector<std::string>{"Bopha", "Dara"}));
    EXPECT_EQ(names("/api/v1/students?gradeLevel=7"), (std::vector<std::string>{"Bopha", "Dara"}));
    EXPECT_EQ(names("/api/v1/students?schoolYearId=" + std::to_string(year)),
              (std::vector<std::string>{"Bopha", "Kanha", "Dara"}));
    EXPECT_EQ(names("/api/v1/students/enrolled"), (std::vector<std::string>{"Bopha", "Dara"}));
    EXPECT_EQ(names("/api/v1/students/enrolled?courseId=" + std::to_string(b7)), (std::vector<std::string>{}));
    EXPECT_EQ(names("/api/v1/students/enrolled?schoolYearId=" + std::to_string(year)),
              (std::vector<std::string>{"Bopha", "Dara"}));
    student("Unenrolled");
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/enrolled").json.at("pagination").at("total"), 2);
}

TEST_F(EnrollmentsTest, TeachersSeeTheirOwnStudentsSensitiveFields)
{
    auto mine = student("Bopha");
    auto theirs = student("Dara");
    ASSERT_EQ(enroll(mine, a7).status, 201u);
    ASSERT_EQ(enroll(theirs, b7).status, 201u);
    auto own = t.get_as(sokha, "/api/v1/students/" + std::to_string(mine));
    EXPECT_EQ(own.data().at("medicalConditions"), "Diabetes");
    EXPECT_EQ(own.data().at("family").at("povertyCardNumber"), "PC-77");
    auto other = t.get_as(sokha, "/api/v1/students/" + std::to_string(theirs));
    EXPECT_FALSE(other.data().as_object().contains("medicalConditions"));
    EXPECT_FALSE(other.data().at("family").as_object().contains("monthlyIncome"));
    // The same in a list: per student.
    auto list = t.get_as(sokha, "/api/v1/students?sort=firstName");
    EXPECT_TRUE(list.data().at(0).as_object().contains("bloodType"));
    EXPECT_FALSE(list.data().at(1).as_object().contains("bloodType"));
    // A subject teacher of 7B sees 7B's students'.
    auto maths = test::make_subject(t, admin, "MATH", "[7]");
    ASSERT_EQ(send(Method::put, "/api/v1/courses/" + std::to_string(b7) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                       std::to_string(dara.user_id) + "}]}")
                  .status,
              200u);
    EXPECT_EQ(t.get_as(dara, "/api/v1/students/" + std::to_string(theirs)).data().at("bloodType"), "A+");
    // Once the enrollment is no longer active, neither does the teacher.
    auto id = t.get_as(admin, "/api/v1/enrollments?studentId=" + std::to_string(theirs)).data().at(0).at("enrollmentId");
    ASSERT_EQ(send(Method::put, path(id.as_int64()), R"({"courseId":)" + std::to_string(b7) + R"(,"status":"completed"})")
                  .status,
              200u);
    EXPECT_FALSE(t.get_as(dara, "/api/v1/students/" + std::to_string(theirs)).data().as_object().contains("bloodType"));
}

TEST_F(EnrollmentsTest, DeletingAStudentFreesTheirPlace)
{
    auto bopha = student("Bopha");
    ASSERT_EQ(enroll(bopha, b7).status, 201u);
    EXPECT_EQ(enrolled_count(b7), 1);
    ASSERT_EQ(send(Method::delete_, "/api/v1/students/" + std::to_string(bopha)).status, 204u);
    EXPECT_EQ(enrolled_count(b7), 0);
    EXPECT_EQ(t.get_as(admin, "/api/v1/enrollments").json.at("pagination").at("total"), 0);
}

}  // namespace
}  // namespace sala
