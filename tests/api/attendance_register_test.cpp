// The attendance routes beyond single marks: a class register taken in one all-or-nothing write
// (markOthersPresent never overwriting a mark), per-student summaries counting half days, the
// registers still missing on a day (by the attendance settings), the settings themselves, and the
// events every write leaves in the activity log.
#include "attendance_fixture.hpp"

#include <map>

namespace sala {
namespace {

using http::Method;
using test::Reply;

class AttendanceRegisterTest : public test::AttendanceFixture {};

const std::string kApi = "/api/v1/attendance";

// The register's records by student id: their status, or "-" when unmarked.
std::map<std::int64_t, std::string> statuses(const Reply& r)
{
    std::map<std::int64_t, std::string> out;
    for (const auto& line : r.data().at("records").as_array()) {
        const auto& status = line.at("status");
        out[line.at("studentId").as_int64()] = status.is_null() ? "-" : std::string(status.as_string());
    }
    return out;
}

TEST_F(AttendanceRegisterTest, ARegisterIsWrittenWholeOrNotAtAll)
{
    const auto& s = a7_students;
    auto path = register_path(a7, "2026-09-08", "AM");
    // Every bad row is named in one 422: not in the class, a bad status, a student listed twice.
    auto bad = send(sokha, Method::put, path,
                    R"({"records":[)" + row(s[0], "ABSENT") + "," + row(b7_student, "PRESENT") + "," +
                        row(s[1], "HERE") + "," + row(s[0], "LATE") + R"(],"markOthersPresent":true})");
    ASSERT_EQ(bad.status, 422u) << bad.body;
    EXPECT_EQ(test::error_details(bad),
              (std::vector<std::string>{"records[1].studentId:NOT_ENROLLED", "records[2].status:INVALID_VALUE",
                                        "records[3].studentId:DUPLICATE"}));
    // Nothing was written, not even the good row or the others.
    auto before = t.get_as(sokha, path);
    ASSERT_EQ(before.status, 200u) << before.body;
    EXPECT_EQ(statuses(before), (std::map<std::int64_t, std::string>{{s[0], "-"}, {s[1], "-"}, {s[2], "-"}}));
    EXPECT_EQ(before.data().at("counts").at("unmarked"), 3);
    EXPECT_EQ(t.get_as(admin, kApi).json.at("pagination").at("total"), 0);

    // Taken: one mark given, the rest marked present.
    auto taken =
        send(sokha, Method::put, path,
             R"({"records":[)" + row(s[0], "ABSENT", R"(,"reason":"Flooded road")") + R"(],"markOthersPresent":true})");
    ASSERT_EQ(taken.status, 200u) << taken.body;
    const auto& d = taken.data();
    EXPECT_EQ(d.at("courseId"), a7);
    EXPECT_EQ(d.at("course").at("name"), "7A");
    EXPECT_EQ(d.at("date"), "2026-09-08");
    EXPECT_EQ(d.at("session"), "AM");
    EXPECT_EQ(statuses(taken),
              (std::map<std::int64_t, std::string>{{s[0], "ABSENT"}, {s[1], "PRESENT"}, {s[2], "PRESENT"}}));
    EXPECT_EQ(d.at("counts"),
              (boost::json::value{
                  {"students", 3}, {"present", 2}, {"absent", 1}, {"late", 0}, {"excused", 0}, {"unmarked", 0}}));
    for (const auto& line : d.at("records").as_array()) {
        EXPECT_EQ(line.at("enrolled"), true);
        EXPECT_EQ(line.at("recordedBy"), "sokha");
        if (line.at("studentId") == s[0]) {
            EXPECT_EQ(line.at("reason"), "Flooded road");
        }
    }
    EXPECT_EQ(t.get_as(sokha, path).data(), d);
    EXPECT_EQ(t.get_as(admin, kApi + "?from=2026-09-08&to=2026-09-08").json.at("pagination").at("total"), 3);

    // Taking it again corrects in place: no duplicates, the others untouched.
    auto again = send(sokha, Method::put, path, R"({"records":[)" + row(s[0], "LATE") + "]}");
    ASSERT_EQ(again.status, 200u) << again.body;
    EXPECT_EQ(statuses(again),
              (std::map<std::int64_t, std::string>{{s[0], "LATE"}, {s[1], "PRESENT"}, {s[2], "PRESENT"}}));
    EXPECT_EQ(t.get_as(admin, kApi).json.at("pagination").at("total"), 3);
}

TEST_F(AttendanceRegisterTest, MarkOthersPresentNeverOverwritesAMark)
{
    const auto& s = a7_students;
    // An absence excused in advance, and a whole-day mark that covers the morning.
    auto excused = marked(s[1], a7, "2026-09-09", "AM", "EXCUSED");
    marked(s[2], a7, "2026-09-09", "FULL", "ABSENT");
    auto path = register_path(a7, "2026-09-09", "AM");
    auto taken =
        send(sokha, Method::put, path, R"({"records":[)" + row(s[0], "ABSENT") + R"(],"markOthersPresent":true})");
    ASSERT_EQ(taken.status, 200u) << taken.body;
    EXPECT_EQ(statuses(taken), (std::map<std::int64_t, std::string>{{s[0], "ABSENT"}, {s[1], "EXCUSED"}, {s[2], "-"}}));
    auto kept = t.get_as(admin, kApi + "/" + std::to_string(excused));
    EXPECT_EQ(kept.data().at("status"), "EXCUSED");
    EXPECT_EQ(kept.header("ETag"), "\"1\"");
    EXPECT_EQ(t.get_as(admin, kApi + "?session=AM").json.at("pagination").at("total"), 2);

    // Listing the student with the FULL mark in the morning register is a conflict, per row.
    auto conflict = send(sokha, Method::put, path, R"({"records":[)" + row(s[2], "PRESENT") + "]}");
    EXPECT_EQ(conflict.status, 422u);
    EXPECT_EQ(test::error_details(conflict), std::vector<std::string>{"records[0].studentId:SESSION_CONFLICT"});

    // The register's own checks: who may take it, when, which session.
    EXPECT_EQ(send(dara, Method::put, path, R"({"records":[]})").status, 403u);
    EXPECT_EQ(t.get_as(dara, path).status, 403u);
    EXPECT_EQ(send(sokha, Method::put, register_path(a7, "2026-09-11", "AM"), R"({"records":[]})").error_fields(),
              std::vector<std::string>{"date"});
    EXPECT_EQ(send(sokha, Method::put, register_path(a7, "2026-09-09", "NOON"), R"({"records":[]})").error_fields(),
              std::vector<std::string>{"session"});
    EXPECT_EQ(send(admin, Method::put, register_path(9999, "2026-09-09", "AM"), R"({"records":[]})").status, 404u);
}

TEST_F(AttendanceRegisterTest, AWholeClassIsOneRequest)
{
    auto c =
        test::make_course(t, admin, year, 8, "A", R"(,"capacity":45,"homeroomTeacherId":)" + std::to_string(sokha_id));
    std::vector<std::int64_t> students;
    for (int i = 0; i < 45; ++i) {
        students.push_back(student_of(test::enroll_directly(t, c)));
    }
    std::string rows;
    for (std::size_t i = 0; i < students.size(); ++i) {
        rows += (i == 0 ? "" : ",") + row(students[i], i % 9 == 0 ? "ABSENT" : "PRESENT");
    }
    auto before = db::statements_run();
    auto taken = send(sokha, Method::put, register_path(c, "2026-09-10", "PM"), R"({"records":[)" + rows + "]}");
    auto statements = db::statements_run() - before;
    ASSERT_EQ(taken.status, 200u) << taken.body;
    EXPECT_EQ(taken.data().at("counts").at("students"), 45);
    EXPECT_EQ(taken.data().at("counts").at("absent"), 5);
    EXPECT_EQ(taken.data().at("counts").at("present"), 40);
    // One INSERT per mark and a fixed number of other statements (no SELECT per row).
    EXPECT_LE(statements, 45u + 15u);
    EXPECT_GE(statements, 45u);
}

TEST_F(AttendanceRegisterTest, SummariesCountHalfDays)
{
    const auto& s = a7_students;
    marked(s[0], a7, "2026-09-07", "AM", "ABSENT");
    marked(s[0], a7, "2026-09-07", "PM", "PRESENT");
    marked(s[0], a7, "2026-09-08", "FULL", "LATE");
    marked(s[1], a7, "2026-09-07", "FULL", "EXCUSED");
    marked(b7_student, b7, "2026-09-07", "FULL", "ABSENT");

    auto summary = t.get_as(sokha, kApi + "/summary?courseId=" + std::to_string(a7));
    ASSERT_EQ(summary.status, 200u) << summary.body;
    const auto& d = summary.data();
    EXPECT_EQ(d.at("from"), "2026-08-01");  // the course's school year
    EXPECT_EQ(d.at("to"), "2027-07-31");
    std::map<std::int64_t, boost::json::value> by_student;
    for (const auto& line : d.at("students").as_array()) {
        by_student[line.at("studentId").as_int64()] = line;
    }
    ASSERT_EQ(by_student.size(), 3u);
    const auto& first = by_student[s[0]];
    EXPECT_EQ(number(first.at("present")), 0.5);
    EXPECT_EQ(number(first.at("absent")), 0.5);
    EXPECT_EQ(number(first.at("late")), 1);
    EXPECT_EQ(number(first.at("excused")), 0);
    EXPECT_EQ(number(first.at("days")), 2);
    EXPECT_EQ(number(first.at("attendanceRate")), 75);  // (0.5 present + 1 late) / 2 days
    EXPECT_EQ(first.at("firstName"), "Dara");
    EXPECT_EQ(first.at("gender"), "M");
    EXPECT_EQ(number(by_student[s[1]].at("excused")), 1);
    EXPECT_EQ(number(by_student[s[1]].at("attendanceRate")), 0);
    EXPECT_EQ(number(by_student[s[2]].at("days")), 0);
    EXPECT_TRUE(by_student[s[2]].at("attendanceRate").is_null());

    // A shorter period; one student (in every course a caller may see).
    auto later = t.get_as(admin, kApi + "/summary?courseId=" + std::to_string(a7) + "&from=2026-09-08");
    ASSERT_EQ(later.status, 200u);
    EXPECT_EQ(later.data().at("from"), "2026-09-08");
    for (const auto& line : later.data().at("students").as_array()) {
        if (line.at("studentId") == s[0]) {
            EXPECT_EQ(number(line.at("days")), 1);
            EXPECT_EQ(number(line.at("attendanceRate")), 100);
        }
    }
    auto one = t.get_as(admin, kApi + "/summary?studentId=" + std::to_string(s[0]));
    ASSERT_EQ(one.status, 200u) << one.body;
    ASSERT_EQ(one.data().at("students").as_array().size(), 1u);
    EXPECT_EQ(number(one.data().at("students").at(0).at("days")), 2);
    EXPECT_EQ(one.data().at("from"), "2026-08-01");  // the current school year
    // Dara teaches 7B only: its student's marks, none of 7A's.
    auto theirs = t.get_as(dara, kApi + "/summary?studentId=" + std::to_string(b7_student));
    EXPECT_EQ(number(theirs.data().at("students").at(0).at("absent")), 1);
    EXPECT_EQ(
        number(
            t.get_as(dara, kApi + "/summary?studentId=" + std::to_string(s[0])).data().at("students").at(0).at("days")),
        0);
    EXPECT_EQ(t.get_as(dara, kApi + "/summary?courseId=" + std::to_string(a7)).status, 403u);

    auto neither = t.get_as(admin, kApi + "/summary");
    EXPECT_EQ(neither.status, 422u);
    EXPECT_EQ(neither.error_fields(), (std::vector<std::string>{"courseId", "studentId"}));
    EXPECT_EQ(t.get_as(admin, kApi + "/summary?courseId=9999").error_fields(), std::vector<std::string>{"courseId"});
}

TEST_F(AttendanceRegisterTest, MissingRegistersFollowTheSettings)
{
    auto missing = [&](const test::SignedIn& who, const std::string& query) {
        auto r = t.get_as(who, kApi + "/missing" + query);
        EXPECT_EQ(r.status, 200u) << r.body;
        std::vector<std::string> out;
        for (const auto& m : r.data().as_array()) {
            out.push_back(std::string(m.at("courseName").as_string()) + " " + std::string(m.at("session").as_string()));
        }
        return out;
    };
    using List = std::vector<std::string>;
    // Today (Thursday 10 September) and by date; before the semester starts nothing is expected.
    EXPECT_EQ(missing(admin, ""), (List{"7A AM", "7A PM", "7B AM", "7B PM"}));
    EXPECT_EQ(missing(admin, "?date=2026-08-20"), List{});
    auto first = t.get_as(admin, kApi + "/missing").data().at(0);
    EXPECT_EQ(first.at("courseId"), a7);
    EXPECT_EQ(first.at("gradeLevel"), 7);
    EXPECT_EQ(first.at("section"), "A");
    EXPECT_EQ(first.at("homeroomTeacherId"), sokha_id);
    EXPECT_EQ(first.at("date"), "2026-09-10");

    // A register with any mark is taken; a FULL mark takes both.
    marked(a7_students[0], a7, "2026-09-10", "AM", "PRESENT");
    marked(b7_student, b7, "2026-09-10", "FULL", "PRESENT");
    EXPECT_EQ(missing(admin, "?date=2026-09-10"), List{"7A PM"});
    // Teachers see their own classes only.
    EXPECT_EQ(missing(sokha, "?date=2026-09-09"), (List{"7A AM", "7A PM"}));
    EXPECT_EQ(missing(dara, "?date=2026-09-09"), (List{"7B AM", "7B PM"}));

    // Saturday is not a school day until the settings say so; one FULL register a day then.
    EXPECT_EQ(missing(admin, "?date=2026-09-12"), List{});
    auto saved = send(admin, Method::put, "/api/v1/settings/attendance",
                      R"({"schoolDays":["SAT","MON","TUE","WED","THU","FRI"],"sessions":["FULL"]})");
    ASSERT_EQ(saved.status, 200u) << saved.body;
    EXPECT_EQ(missing(admin, "?date=2026-09-12"), (List{"7A FULL", "7B FULL"}));
    EXPECT_EQ(missing(admin, "?date=2026-09-10"), List{});  // both have marks that day
    EXPECT_EQ(missing(admin, "?date=2026-09-13"), List{});  // Sunday
}

TEST_F(AttendanceRegisterTest, SettingsAreVersioned)
{
    const std::string path = "/api/v1/settings/attendance";
    auto defaults = t.get_as(sokha, path);
    ASSERT_EQ(defaults.status, 200u) << defaults.body;
    EXPECT_EQ(defaults.header("ETag"), "\"0\"");
    EXPECT_EQ(defaults.data(),
              (boost::json::value{{"schoolDays", {"MON", "TUE", "WED", "THU", "FRI"}}, {"sessions", {"AM", "PM"}}}));

    auto saved = send(admin, Method::put, path, R"({"schoolDays":["SAT","MON","WED"],"sessions":["PM","AM"]})",
                      {{"If-Match", "\"0\""}});
    ASSERT_EQ(saved.status, 200u) << saved.body;
    EXPECT_EQ(saved.header("ETag"), "\"1\"");
    EXPECT_EQ(saved.data(), (boost::json::value{{"schoolDays", {"MON", "WED", "SAT"}}, {"sessions", {"AM", "PM"}}}));
    auto read = t.get_as(admin, path);
    EXPECT_EQ(read.data(), saved.data());
    EXPECT_EQ(read.header("ETag"), "\"1\"");
    EXPECT_EQ(
        send(admin, Method::put, path, R"({"schoolDays":["MON"],"sessions":["FULL"]})", {{"If-Match", "\"0\""}}).status,
        412u);

    auto bad = send(admin, Method::put, path, R"({"schoolDays":["SUN","MON","MON"],"sessions":["AM","FULL"]})");
    EXPECT_EQ(bad.status, 422u);
    EXPECT_EQ(
        test::error_details(bad),
        (std::vector<std::string>{"schoolDays[0]:INVALID_VALUE", "schoolDays[2]:DUPLICATE", "sessions:INVALID_VALUE"}));
    EXPECT_EQ(test::error_details(send(admin, Method::put, path, R"({"schoolDays":[],"sessions":["FULL"]})")),
              std::vector<std::string>{"schoolDays:REQUIRED"});
    // Teachers read the calendar but do not set it.
    EXPECT_EQ(send(sokha, Method::put, path, R"({"schoolDays":["MON"],"sessions":["FULL"]})").status, 403u);
    EXPECT_EQ(t.get_as(admin, path).header("ETag"), "\"1\"");
}

TEST_F(AttendanceRegisterTest, EveryWriteLeavesItsEventInTheActivityLog)
{
    auto s = a7_students[0];
    auto created = mark(sokha, s, a7, "2026-09-07", "AM", "ABSENT");
    ASSERT_EQ(created.status, 201u);
    auto id = created.data().at("attendanceId").as_int64();
    ASSERT_EQ(send(sokha, Method::put, kApi, mark_body(s, a7, "2026-09-07", "AM", "LATE")).status, 200u);
    ASSERT_EQ(send(sokha, Method::delete_, kApi + "?attendanceId=" + std::to_string(id)).status, 204u);
    ASSERT_EQ(
        send(sokha, Method::put, register_path(a7, "2026-09-08", "PM"), R"({"records":[],"markOthersPresent":true})")
            .status,
        200u);
    // A refused write leaves nothing.
    ASSERT_EQ(mark(sokha, b7_student, b7, "2026-09-07", "AM", "ABSENT").status, 403u);

    auto entries = [&](const std::string& action) {
        auto r = t.get_as(admin, "/api/v1/activity-logs?action=" + action);
        EXPECT_EQ(r.status, 200u) << r.body;
        return r.data().as_array();
    };
    auto recorded = entries("attendance.recorded");
    ASSERT_EQ(recorded.size(), 1u);
    EXPECT_EQ(recorded[0].at("resource"), "attendance");
    EXPECT_EQ(recorded[0].at("resourceId"), boost::json::value(std::to_string(id)));
    EXPECT_EQ(recorded[0].at("userId"), sokha_id);
    EXPECT_EQ(recorded[0].at("details"), (boost::json::value{{"studentId", s},
                                                             {"courseId", a7},
                                                             {"attendanceDate", "2026-09-07"},
                                                             {"session", "AM"},
                                                             {"status", "ABSENT"}}));
    auto updated = entries("attendance.updated");
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_EQ(updated[0].at("details").at("status"), "LATE");
    auto deleted = entries("attendance.deleted");
    ASSERT_EQ(deleted.size(), 1u);
    EXPECT_EQ(deleted[0].at("resourceId"), boost::json::value(std::to_string(id)));
    auto taken = entries("attendance.register_recorded");
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0].at("resourceId"), boost::json::value(std::to_string(a7) + "/2026-09-08/PM"));
    EXPECT_EQ(taken[0].at("details").at("inserted"), 3);
    EXPECT_EQ(taken[0].at("details").at("present"), 3);
    // The requests themselves are logged too (who, from where).
    EXPECT_EQ(entries("attendance.create").size(), 1u);
    EXPECT_EQ(entries("attendance.register").size(), 1u);
}

}  // namespace
}  // namespace sala
