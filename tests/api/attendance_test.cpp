// Single attendance marks through the API: the seed's shape, recording, changing and deleting by
// id or natural key with ETags, the one-mark and FULL-against-half-day conflicts, the date and
// enrollment rules, which courses a teacher (or an API key) may see and change, and a student or
// class with marks staying undeletable. Registers, summaries and settings: attendance_register_test.cpp.
#include "attendance_fixture.hpp"

#include <algorithm>

namespace sala {
namespace {

using http::Method;
using test::Reply;

class AttendanceTest : public test::AttendanceFixture {};

const std::string kApi = "/api/v1/attendance";

std::string record_path(std::int64_t id)
{
    return kApi + "/" + std::to_string(id);
}

TEST_F(AttendanceTest, RecordReadChangeAndDelete)
{
    auto s = a7_students[0];
    // recordedBy in the body (the seed has it) is ignored: the signed-in teacher records.
    auto created = mark(sokha, s, a7, "2026-09-07", "AM", "ABSENT", R"(,"reason":"  Fever ","recordedBy":"someone")");
    ASSERT_EQ(created.status, 201u) << created.body;
    auto id = created.data().at("attendanceId").as_int64();
    EXPECT_EQ(created.header("Location"), record_path(id));
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    const auto& a = created.data();
    EXPECT_EQ(a.at("studentId"), s);
    EXPECT_EQ(a.at("courseId"), a7);
    EXPECT_EQ(a.at("attendanceDate"), "2026-09-07");
    EXPECT_EQ(a.at("session"), "AM");
    EXPECT_EQ(a.at("status"), "ABSENT");
    EXPECT_EQ(a.at("reason"), "Fever");
    EXPECT_EQ(a.at("recordedBy"), "sokha");
    EXPECT_EQ(a.at("createdAt"), "2026-09-10T08:00:00Z");
    EXPECT_EQ(a.at("student").at("studentId"), s);
    EXPECT_EQ(a.at("student").at("firstName"), "Dara");
    EXPECT_EQ(a.at("student").at("gender"), "M");
    EXPECT_TRUE(a.at("student").as_object().contains("studentCode"));
    EXPECT_EQ(a.at("course").at("name"), "7A");
    EXPECT_EQ(a.at("course").at("gradeLevel"), 7);
    EXPECT_EQ(a.at("course").at("schoolYearId"), year);
    auto read = t.get_as(admin, record_path(id));
    EXPECT_EQ(read.data(), a);
    EXPECT_EQ(read.header("ETag"), "\"1\"");

    // PUT by the natural key changes status and reason; If-Match is honoured.
    auto excused = mark_body(s, a7, "2026-09-07", "AM", "EXCUSED", R"(,"reason":"Doctor's note")");
    auto changed = send(admin, Method::put, kApi, excused, {{"If-Match", "\"1\""}});
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(changed.header("ETag"), "\"2\"");
    EXPECT_EQ(changed.data().at("status"), "EXCUSED");
    EXPECT_EQ(changed.data().at("recordedBy"), "admin");
    EXPECT_EQ(send(admin, Method::put, kApi, excused, {{"If-Match", "\"1\""}}).status, 412u);

    // PUT by id may move the mark to another session (and date).
    auto moved =
        send(sokha, Method::put, kApi,
             R"({"attendanceId":)" + std::to_string(id) + "," + mark_body(s, a7, "2026-09-08", "PM", "LATE").substr(1));
    ASSERT_EQ(moved.status, 200u) << moved.body;
    auto now = t.get_as(sokha, record_path(id)).data();
    EXPECT_EQ(now.at("attendanceDate"), "2026-09-08");
    EXPECT_EQ(now.at("session"), "PM");
    EXPECT_EQ(now.at("status"), "LATE");
    EXPECT_TRUE(now.at("reason").is_null());
    // Nothing under the old key any more; the record keeps its student and course.
    EXPECT_EQ(send(admin, Method::put, kApi, excused).status, 404u);
    EXPECT_EQ(send(admin, Method::put, kApi,
                   R"({"attendanceId":)" + std::to_string(id) + "," +
                       mark_body(a7_students[1], a7, "2026-09-08", "PM", "LATE").substr(1))
                  .error_fields(),
              std::vector<std::string>{"studentId"});

    // DELETE by id or by natural key, with If-Match.
    auto by_key = kApi + "?studentId=" + std::to_string(s) + "&courseId=" + std::to_string(a7) +
                  "&attendanceDate=2026-09-08&session=PM";
    EXPECT_EQ(send(admin, Method::delete_, by_key, {}, {{"If-Match", "\"2\""}}).status, 412u);
    EXPECT_EQ(send(admin, Method::delete_, by_key, {}, {{"If-Match", "\"3\""}}).status, 204u);
    EXPECT_EQ(t.get_as(admin, record_path(id)).status, 404u);
    EXPECT_EQ(send(admin, Method::delete_, by_key).status, 404u);
    auto other = marked(s, a7, "2026-09-09", "FULL", "PRESENT");
    EXPECT_EQ(send(admin, Method::delete_, kApi + "?attendanceId=" + std::to_string(other)).status, 204u);
    EXPECT_EQ(t.get_as(admin, record_path(other)).status, 404u);
    // Neither an id nor a whole key.
    auto incomplete = send(admin, Method::delete_, kApi + "?studentId=" + std::to_string(s));
    EXPECT_EQ(incomplete.status, 422u);
    auto fields = incomplete.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"attendanceDate", "courseId", "session"}));
}

TEST_F(AttendanceTest, OneMarkPerStudentCourseDayAndSession)
{
    auto s = a7_students[0];
    ASSERT_EQ(mark(admin, s, a7, "2026-09-07", "AM", "PRESENT").status, 201u);
    auto again = mark(sokha, s, a7, "2026-09-07", "AM", "ABSENT");
    EXPECT_EQ(again.status, 409u);
    EXPECT_EQ(again.error_code(), "CONFLICT");
    EXPECT_EQ(again.json.at("error").at("message"),
              "This student's attendance is already recorded in this course for that date and session.");

    // A FULL-day mark beside a half-day one, either way round.
    auto full = mark(admin, s, a7, "2026-09-07", "FULL", "PRESENT");
    EXPECT_EQ(full.status, 409u);
    EXPECT_EQ(full.error_code(), "CONFLICT");
    EXPECT_NE(std::string(full.json.at("error").at("message").as_string()).find("AM mark"), std::string::npos)
        << full.body;
    EXPECT_EQ(mark(admin, s, a7, "2026-09-07", "PM", "PRESENT").status, 201u);
    auto whole_day = marked(s, a7, "2026-09-08", "FULL", "ABSENT");
    EXPECT_EQ(mark(admin, s, a7, "2026-09-08", "PM", "PRESENT").status, 409u);
    // Moving a half-day mark onto a day with a FULL one is refused too.
    auto am = marked(s, a7, "2026-09-09", "AM", "PRESENT");
    auto onto = send(
        admin, Method::put, kApi,
        R"({"attendanceId":)" + std::to_string(am) + "," + mark_body(s, a7, "2026-09-08", "AM", "PRESENT").substr(1));
    EXPECT_EQ(onto.status, 409u) << onto.body;
    EXPECT_EQ(t.get_as(admin, record_path(am)).data().at("attendanceDate"), "2026-09-09");
    static_cast<void>(whole_day);

    // What a client reads back: exactly the three marks that were accepted on the 7th and 8th.
    auto list = t.get_as(admin, kApi + "?studentId=" + std::to_string(s) + "&to=2026-09-08");
    EXPECT_EQ(list.json.at("pagination").at("total"), 3);
}

TEST_F(AttendanceTest, DatesEnrollmentAndValuesAreChecked)
{
    auto s = a7_students[0];
    auto details = [&](const Reply& r) {
        EXPECT_EQ(r.status, 422u) << r.body;
        return test::error_details(r);
    };
    // Not in the future (today is 10 September), not outside the school year.
    EXPECT_EQ(details(mark(sokha, s, a7, "2026-09-11", "AM", "PRESENT")),
              std::vector<std::string>{"attendanceDate:IN_FUTURE"});
    EXPECT_EQ(details(mark(sokha, s, a7, "2026-07-31", "AM", "PRESENT")),
              std::vector<std::string>{"attendanceDate:OUT_OF_RANGE"});
    // In the year but before the enrollment (1 September); a student of another class.
    auto before = mark(sokha, s, a7, "2026-08-20", "AM", "PRESENT");
    EXPECT_EQ(details(before), std::vector<std::string>{"studentId:NOT_ENROLLED"});
    EXPECT_EQ(before.json.at("error").at("details").at(0).at("message"), "Not enrolled in 7A on 2026-08-20.");
    EXPECT_EQ(details(mark(admin, b7_student, a7, "2026-09-07", "AM", "PRESENT")),
              std::vector<std::string>{"studentId:NOT_ENROLLED"});
    // Enum values, the reason's length, unknown ids, missing fields.
    auto bad =
        details(mark(admin, s, a7, "2026-09-07", "MORNING", "HERE", R"(,"reason":")" + std::string(501, 'x') + "\""));
    std::sort(bad.begin(), bad.end());
    EXPECT_EQ(bad, (std::vector<std::string>{"reason:TOO_LONG", "session:INVALID_VALUE", "status:INVALID_VALUE"}));
    auto unknown = details(mark(admin, 9999, 9999, "2026-09-07", "AM", "PRESENT"));
    std::sort(unknown.begin(), unknown.end());
    EXPECT_EQ(unknown, (std::vector<std::string>{"courseId:NOT_FOUND", "studentId:NOT_FOUND"}));
    EXPECT_EQ(
        details(send(admin, Method::post, kApi, R"({"studentId":1,"courseId":1,"session":"AM","status":"LATE"})")),
        std::vector<std::string>{"attendanceDate:REQUIRED"});
    EXPECT_EQ(t.get_as(admin, kApi).json.at("pagination").at("total"), 0);

    // Dropped in a semester that ends after the date: still in the class that day. Dropped
    // without a semester: not counted any more. Completed: counted.
    sql("UPDATE enrollments SET status = 'dropped', drop_semester_id = $1", semester_id);
    EXPECT_EQ(mark(admin, s, a7, "2026-09-07", "AM", "PRESENT").status, 201u);
    sql("UPDATE enrollments SET status = 'transferred', drop_semester_id = NULL WHERE course_id = $1", a7);
    EXPECT_EQ(details(mark(admin, s, a7, "2026-09-08", "AM", "PRESENT")),
              std::vector<std::string>{"studentId:NOT_ENROLLED"});
    sql("UPDATE enrollments SET status = 'completed' WHERE course_id = $1", a7);
    EXPECT_EQ(mark(admin, s, a7, "2026-09-08", "AM", "PRESENT").status, 201u);
}

TEST_F(AttendanceTest, TeachersSeeAndChangeOnlyTheCoursesTheyTeach)
{
    auto in_b7 = marked(b7_student, b7, "2026-09-07", "AM", "ABSENT");
    auto in_a7 = marked(a7_students[0], a7, "2026-09-07", "AM", "ABSENT");

    // Sokha teaches 7A only.
    auto post = mark(sokha, b7_student, b7, "2026-09-08", "AM", "PRESENT");
    EXPECT_EQ(post.status, 403u);
    EXPECT_EQ(post.error_code(), "FORBIDDEN");
    EXPECT_NE(std::string(post.json.at("error").at("message").as_string()).find("course's teachers"),
              std::string::npos);
    EXPECT_EQ(send(sokha, Method::put, kApi, mark_body(b7_student, b7, "2026-09-07", "AM", "PRESENT")).status, 403u);
    EXPECT_EQ(send(sokha, Method::delete_, kApi + "?attendanceId=" + std::to_string(in_b7)).status, 403u);
    EXPECT_EQ(t.get_as(admin, record_path(in_b7)).data().at("status"), "ABSENT");  // unchanged
    // Reading: the list holds only 7A's marks; another course's mark is not found.
    auto list = t.get_as(sokha, kApi);
    ASSERT_EQ(list.status, 200u);
    ASSERT_EQ(list.data().as_array().size(), 1u);
    EXPECT_EQ(list.data().at(0).at("attendanceId"), in_a7);
    EXPECT_EQ(t.get_as(sokha, record_path(in_b7)).status, 404u);
    EXPECT_EQ(t.get_as(admin, kApi).json.at("pagination").at("total"), 2);

    // Teaching a subject in a course is teaching it.
    auto maths = test::make_subject(t, admin, "MATH", "[7]");
    ASSERT_EQ(send(admin, Method::put, "/api/v1/courses/" + std::to_string(a7) + "/subjects",
                   R"({"subjects":[{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                       std::to_string(dara_id) + "}]}")
                  .status,
              200u);
    EXPECT_EQ(mark(dara, a7_students[1], a7, "2026-09-07", "AM", "PRESENT").status, 201u);
    EXPECT_EQ(t.get_as(dara, kApi).json.at("pagination").at("total"), 3);

    // An API key acts within its creator's courses: an admin's key, every course.
    auto made = send(admin, Method::post, "/api/v1/api-keys",
                     R"({"name":"gate","scopes":["attendance:read","attendance:write"]})");
    ASSERT_EQ(made.status, 201u) << made.body;
    const std::string secret(made.data().at("key").as_string());
    auto by_key = t.call(
        test::Call{Method::post, kApi, mark_body(b7_student, b7, "2026-09-08", "AM", "LATE"), {{"X-API-Key", secret}}});
    ASSERT_EQ(by_key.status, 201u) << by_key.body;
    EXPECT_EQ(by_key.data().at("recordedBy"), "admin");
    // Once its creator is no longer an admin, only the creator's courses (none).
    sql("UPDATE users SET role = 'teacher' WHERE user_id = $1", 1);
    auto demoted = t.call(
        test::Call{Method::post, kApi, mark_body(b7_student, b7, "2026-09-09", "AM", "LATE"), {{"X-API-Key", secret}}});
    EXPECT_EQ(demoted.status, 403u) << demoted.body;
}

TEST_F(AttendanceTest, ListFiltersAndPages)
{
    auto s = a7_students[0];
    marked(s, a7, "2026-09-07", "AM", "ABSENT");
    marked(s, a7, "2026-09-07", "PM", "PRESENT");
    marked(s, a7, "2026-09-08", "FULL", "LATE");
    marked(a7_students[1], a7, "2026-09-08", "FULL", "PRESENT");
    marked(b7_student, b7, "2026-09-08", "FULL", "EXCUSED");
    auto total = [&](const std::string& query) {
        auto r = t.get_as(admin, kApi + query);
        EXPECT_EQ(r.status, 200u) << query << ": " << r.body;
        return r.status == 200u ? r.json.at("pagination").at("total").as_int64() : -1;
    };
    EXPECT_EQ(total(""), 5);
    EXPECT_EQ(total("?courseId=" + std::to_string(a7)), 4);
    EXPECT_EQ(total("?studentId=" + std::to_string(s)), 3);
    EXPECT_EQ(total("?from=2026-09-08"), 3);
    EXPECT_EQ(total("?from=2026-09-07&to=2026-09-07"), 2);
    EXPECT_EQ(total("?session=FULL"), 3);
    EXPECT_EQ(total("?status=PRESENT&courseId=" + std::to_string(a7)), 2);
    EXPECT_EQ(t.get_as(admin, kApi + "?session=NOON").status, 400u);
    EXPECT_EQ(t.get_as(admin, kApi + "?from=yesterday").status, 400u);

    // Newest first by default; pages of two.
    auto page = t.get_as(admin, kApi + "?limit=2&page=1");
    ASSERT_EQ(page.data().as_array().size(), 2u);
    EXPECT_EQ(page.data().at(0).at("attendanceDate"), "2026-09-08");
    EXPECT_EQ(page.json.at("pagination").at("totalPages"), 3);
    auto last = t.get_as(admin, kApi + "?limit=2&page=3");
    ASSERT_EQ(last.data().as_array().size(), 1u);
    EXPECT_EQ(last.data().at(0).at("attendanceDate"), "2026-09-07");
    auto sorted = t.get_as(admin, kApi + "?sort=attendanceDate,session&studentId=" + std::to_string(s));
    EXPECT_EQ(sorted.data().at(0).at("session"), "AM");
    EXPECT_EQ(sorted.data().at(2).at("session"), "FULL");
}

TEST_F(AttendanceTest, AStudentWithMarksCannotBeDeleted)
{
    auto s = a7_students[2];
    auto id = marked(s, a7, "2026-09-07", "FULL", "PRESENT");
    auto refused = send(admin, Method::delete_, "/api/v1/students/" + std::to_string(s));
    EXPECT_EQ(refused.status, 409u) << refused.body;
    EXPECT_EQ(refused.error_code(), "CONFLICT");
    EXPECT_NE(std::string(refused.json.at("error").at("message").as_string()).find("attendance on record"),
              std::string::npos);
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/" + std::to_string(s)).status, 200u);
    EXPECT_EQ(t.get_as(admin, record_path(id)).status, 200u);
    // Without marks, the student can go.
    ASSERT_EQ(send(admin, Method::delete_, kApi + "?attendanceId=" + std::to_string(id)).status, 204u);
    EXPECT_EQ(send(admin, Method::delete_, "/api/v1/students/" + std::to_string(s)).status, 204u);

    // Nor a class with marks, once its enrollments are gone.
    marked(b7_student, b7, "2026-09-07", "FULL", "PRESENT");
    sql("DELETE FROM enrollments WHERE course_id = $1", b7);
    auto course = send(admin, Method::delete_, "/api/v1/courses/" + std::to_string(b7));
    EXPECT_EQ(course.status, 409u) << course.body;
    EXPECT_EQ(course.error_code(), "CONFLICT");
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/" + std::to_string(b7)).status, 200u);
}

}  // namespace
}  // namespace sala
