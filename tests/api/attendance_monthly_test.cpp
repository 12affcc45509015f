// A class's register for a month: the JSON document (every day with its weekday and whether the
// school teaches, each student's AM, PM and FULL marks day by day, totals counting half days), its
// fixed number of queries, its spreadsheet download (letters per half day, totals as numbers,
// Khmer names), who may read it, the months it exists for, and the activity log's record of each
// download.
#include "attendance_fixture.hpp"
#include "support/xlsx_reader.hpp"

namespace sala {
namespace {

using http::Method;
using test::Reply;

class AttendanceMonthlyTest : public test::AttendanceFixture {
protected:
    AttendanceMonthlyTest()
    {
        const auto& s = a7_students;
        marked(s[0], a7, "2026-09-08", "AM", "ABSENT");
        marked(s[0], a7, "2026-09-08", "PM", "PRESENT");
        marked(s[1], a7, "2026-09-09", "FULL", "LATE");
        marked(s[2], a7, "2026-09-07", "AM", "EXCUSED");
        marked(b7_student, b7, "2026-09-08", "AM", "ABSENT");  // another class
        // Names that put them in this order.
        auto tx = t.app().database().write();
        tx->execute(
            "UPDATE students SET last_name = 'Chea', first_name_kh = 'ដារា', last_name_kh = 'សុខ' "
            "WHERE student_id = $1",
            s[0]);
        tx->execute("UPDATE students SET last_name = 'Heng' WHERE student_id = $1", s[1]);
        tx->execute("UPDATE students SET last_name = 'Keo' WHERE student_id = $1", s[2]);
        tx.commit();
    }

    Reply monthly(const test::SignedIn& who, std::int64_t course, const std::string& query)
    {
        return t.get_as(who, "/api/v1/courses/" + std::to_string(course) + "/attendance/monthly" + query);
    }
    Reply export_file(const test::SignedIn& who, std::int64_t course, const std::string& query)
    {
        return t.get_as(who, "/api/v1/courses/" + std::to_string(course) + "/attendance/export" + query);
    }
};

TEST_F(AttendanceMonthlyTest, TheMonthlyRegisterHasEveryDayAndEveryHalfDay)
{
    auto r = monthly(sokha, a7, "?month=2026-09");
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto& d = r.data();
    EXPECT_EQ(d.at("course").at("name"), "7A");
    EXPECT_EQ(d.at("month"), "2026-09");
    EXPECT_EQ(d.at("name"), "September 2026");
    EXPECT_EQ(d.at("nameKh"), "កញ្ញា 2026");
    const auto& days = d.at("days").as_array();
    ASSERT_EQ(days.size(), 30u);
    EXPECT_EQ(days.at(0),
              (boost::json::value{{"date", "2026-09-01"}, {"day", 1}, {"weekday", "TUE"}, {"schoolDay", true}}));
    EXPECT_EQ(days.at(5).at("weekday"), "SUN");  // the default calendar: Monday to Friday
    EXPECT_EQ(days.at(5).at("schoolDay"), false);
    EXPECT_EQ(days.at(29).at("date"), "2026-09-30");

    // Only this class's students, by name.
    const auto& students = d.at("students").as_array();
    ASSERT_EQ(students.size(), 3u);
    const auto& first = students.at(0);
    EXPECT_EQ(first.at("student").at("studentId"), a7_students[0]);
    EXPECT_EQ(first.at("student").at("lastName"), "Chea");
    EXPECT_EQ(first.at("student").at("lastNameKh"), "សុខ");
    ASSERT_EQ(first.at("marks").as_array().size(), 30u);
    EXPECT_EQ(first.at("marks").at(7), (boost::json::value{{"am", "ABSENT"}, {"pm", "PRESENT"}, {"full", nullptr}}));
    EXPECT_EQ(first.at("marks").at(0), (boost::json::value{{"am", nullptr}, {"pm", nullptr}, {"full", nullptr}}));
    EXPECT_EQ(number(first.at("present")), 0.5);
    EXPECT_EQ(number(first.at("absent")), 0.5);
    EXPECT_EQ(number(first.at("days")), 1.0);
    EXPECT_EQ(number(first.at("attendanceRate")), 50.0);
    const auto& second = students.at(1);
    EXPECT_EQ(second.at("marks").at(8).at("full"), "LATE");
    EXPECT_EQ(number(second.at("late")), 1.0);
    EXPECT_EQ(number(second.at("attendanceRate")), 100.0);
    EXPECT_EQ(students.at(2).at("marks").at(6).at("am"), "EXCUSED");
    EXPECT_EQ(number(students.at(2).at("excused")), 0.5);

    // The totals agree with the summary for the same days.
    auto summary =
        t.get_as(sokha, "/api/v1/attendance/summary?courseId=" + std::to_string(a7) + "&from=2026-09-01&to=2026-09-30");
    ASSERT_EQ(summary.status, 200u) << summary.body;
    EXPECT_EQ(summary.data().at("students").at(0).at("absent"), first.at("absent"));
    EXPECT_EQ(summary.data().at("students").at(1).at("days"), second.at("days"));
}

TEST_F(AttendanceMonthlyTest, TheMonthlyRegisterCostsAFixedNumberOfQueries)
{
    auto count = [&] {
        auto before = db::statements_run();
        EXPECT_EQ(monthly(admin, a7, "?month=2026-09").status, 200u);
        return db::statements_run() - before;
    };
    auto small = count();
    for (int i = 0; i < 5; ++i) {
        auto s = student_of(test::enroll_directly(t, a7));
        marked(s, a7, "2026-09-08", "FULL", "PRESENT");
    }
    EXPECT_EQ(count(), small);
    EXPECT_EQ(monthly(admin, a7, "?month=2026-09").data().at("students").as_array().size(), 8u);
}

TEST_F(AttendanceMonthlyTest, TheMonthlyRegisterChecksTheCourseTheReaderAndTheMonth)
{
    EXPECT_EQ(monthly(dara, a7, "?month=2026-09").status, 403u);
    EXPECT_EQ(monthly(admin, 9999, "?month=2026-09").status, 404u);
    for (const auto* month : {"2026-07", "2027-08"}) {
        auto r = monthly(admin, a7, std::string("?month=") + month);
        EXPECT_EQ(r.status, 422u) << month;
        EXPECT_EQ(test::error_details(r), std::vector<std::string>{"month:OUT_OF_RANGE"}) << month;
    }
    EXPECT_EQ(monthly(admin, a7, "?month=2026-9").status, 400u);
    EXPECT_EQ(monthly(admin, a7, "").status, 400u);
    // The year's first month: a register with no one enrolled yet.
    auto august = monthly(admin, a7, "?month=2026-08");
    ASSERT_EQ(august.status, 200u) << august.body;
    EXPECT_EQ(august.data().at("days").as_array().size(), 31u);
    EXPECT_EQ(august.data().at("students").as_array().size(), 0u);
}

TEST_F(AttendanceMonthlyTest, TheRegisterExportIsASpreadsheetOfLetters)
{
    auto r = export_file(sokha, a7, "?month=2026-09&format=xlsx");
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(r.header("Content-Disposition"), "attachment; filename=\"Attendance 7A 2026-09.xlsx\"");
    auto file = test::read_xlsx(r.body);
    const auto& sheet = file.sheet("Register");
    // Six columns name the student, two a day, six give the totals.
    auto header = sheet.row(1);
    ASSERT_EQ(header.size(), 6u + 60u + 6u);
    EXPECT_EQ(header.at(0), "Student code");
    EXPECT_EQ(header.at(6), "1 Tue AM");
    EXPECT_EQ(header.at(7), "1 Tue PM");
    EXPECT_EQ(header.at(20), "8 Tue AM");
    EXPECT_EQ(header.at(66), "Present");
    EXPECT_EQ(header.at(71), "Attendance rate (%)");
    EXPECT_NE(sheet.xml.find("xSplit=\"3\" ySplit=\"1\""), std::string::npos);
    EXPECT_EQ(sheet.rows(), 4u);

    auto cell = [&](std::size_t row, std::size_t column) { return sheet.at(test::cell_ref(row, column)); };
    EXPECT_EQ(cell(1, 3).text, "សុខ");
    EXPECT_EQ(cell(1, 4).text, "ដារា");
    EXPECT_EQ(cell(1, 20).text, "A");  // 8 September, morning
    EXPECT_EQ(cell(1, 21).text, "P");  // and afternoon
    EXPECT_EQ(cell(2, 22).text, "L");  // 9 September, a FULL mark fills both halves
    EXPECT_EQ(cell(2, 23).text, "L");
    EXPECT_EQ(cell(3, 18).text, "E");
    EXPECT_FALSE(sheet.cells.contains(test::cell_ref(3, 19)));
    EXPECT_EQ(cell(1, 66).number(), 0.5);
    EXPECT_EQ(file.number_format(cell(1, 66).style), "0.0");
    EXPECT_EQ(cell(1, 67).number(), 0.5);
    EXPECT_EQ(cell(1, 70).number(), 1.0);
    EXPECT_EQ(cell(1, 71).number(), 50.0);
    EXPECT_EQ(cell(2, 68).number(), 1.0);

    auto log = t.get_as(admin, "/api/v1/activity-logs?action=export.attendance");
    ASSERT_EQ(log.data().as_array().size(), 1u) << log.body;
    const auto& entry = log.data().at(0);
    EXPECT_EQ(entry.at("userId"), sokha_id);
    EXPECT_EQ(entry.at("resource"), "attendance");
    EXPECT_EQ(entry.at("details").at("courseId"), a7);
    EXPECT_EQ(entry.at("details").at("month"), "2026-09");
    EXPECT_EQ(entry.at("details").at("rows"), 3);
    EXPECT_EQ(entry.at("details").at("format"), "xlsx");
}

TEST_F(AttendanceMonthlyTest, TheRegisterExportChecksLikeTheRegister)
{
    EXPECT_EQ(export_file(dara, a7, "?month=2026-09&format=xlsx").status, 403u);
    EXPECT_EQ(export_file(admin, 9999, "?month=2026-09&format=xlsx").status, 404u);
    EXPECT_EQ(test::error_details(export_file(admin, a7, "?month=2027-09&format=xlsx")),
              std::vector<std::string>{"month:OUT_OF_RANGE"});
    EXPECT_EQ(export_file(admin, a7, "?month=2026-09").status, 400u);
    EXPECT_EQ(export_file(admin, a7, "?month=2026-09&format=csv").status, 400u);
    EXPECT_EQ(export_file(admin, a7, "?format=xlsx").status, 400u);
    // Refused downloads leave no entry.
    EXPECT_EQ(t.get_as(admin, "/api/v1/activity-logs?action=export.attendance").data().as_array().size(), 0u);
}

}  // namespace
}  // namespace sala
