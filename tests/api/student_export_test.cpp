// The student export as a spreadsheet, opened the way Excel would open it: the CSV's columns in
// the CSV's order, Khmer names intact, dates, numbers and booleans as typed cells, formula-looking
// text kept as text, the status filter, who may download it, and the activity log's record of
// every export (CSV too).
#include "school/students/student_csv.hpp"
#include "support/test_app.hpp"
#include "support/xlsx_reader.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>

namespace sala {
namespace {

namespace bj = boost::json;
namespace csv = students::csv;
using http::Method;
using test::Call;
using test::Reply;

constexpr std::string_view kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class StudentExportTest : public ::testing::Test {
protected:
    StudentExportTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        t.add_user("teacher", "teacher");
        teacher = t.sign_in("teacher");
    }

    // A registration with a code, the family on record, and text that looks like a formula.
    void create(const std::string& code, const std::string& first, const std::string& status = "active")
    {
        auto body = bj::parse(R"({
          "studentCode": "", "studentInfo": {"firstName": "", "lastName": "Sok", "firstNameKh": "ដារា",
            "lastNameKh": "សុខ", "dateOfBirth": "2014-03-15", "gender": "F", "placeOfBirth": "Siem Reap",
            "nationality": "Khmer", "religion": "Buddhism", "address": "Road 6", "commune": "Svay Dangkum",
            "district": "Siem Reap", "province": "Siem Reap", "phoneNumber": "012 345 678",
            "medicalConditions": "=1+1 is not a formula here", "status": "", "enrollmentDate": "2020-09-01"},
          "guardianInfo": {"primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother",
            "phone": "012 111 222"}},
          "familyInfo": {"familyComposition": "Mother and two children", "familySize": 3, "monthlyIncome": 450.55,
            "hasPovertyCard": true, "povertyCardNumber": "PC-2291"}
        })")
                        .as_object();
        body["studentCode"] = code;
        body["studentInfo"].as_object()["firstName"] = first;
        body["studentInfo"].as_object()["status"] = status;
        if (status == "graduated") {
            body["studentInfo"].as_object()["graduationDate"] = "2026-06-30";
        }
        auto r = t.as(admin, Call{Method::post, "/api/v1/students", bj::serialize(body)});
        ASSERT_EQ(r.status, 201u) << r.body;
    }

    Reply export_file(const std::string& query) { return t.get_as(admin, "/api/v1/students/export?" + query); }

    test::TestApp t;
    test::SignedIn admin;
    test::SignedIn teacher;
};

TEST_F(StudentExportTest, XlsxHasTheCsvColumnsWithTypedCells)
{
    create("B-2", "Bopha");
    create("A-1", "Ana", "graduated");
    auto r = export_file("format=xlsx");
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), kXlsx);
    EXPECT_EQ(r.header("Content-Disposition"), "attachment; filename=\"students.xlsx\"");

    auto file = test::read_xlsx(r.body);
    ASSERT_EQ(file.sheets.size(), 1u);
    const auto& sheet = file.sheet("Students");
    EXPECT_EQ(sheet.row(1), std::vector<std::string>(csv::kColumns.begin(), csv::kColumns.end()));
    EXPECT_EQ(sheet.rows(), 3u);
    EXPECT_NE(sheet.xml.find("xSplit=\"3\" ySplit=\"1\""), std::string::npos);  // code and names stay in view
    // Ordered by code, as the CSV.
    auto cell = [&](std::size_t row, std::string_view column) -> const test::XlsxCell& {
        auto at = std::find(csv::kColumns.begin(), csv::kColumns.end(), column) - csv::kColumns.begin();
        return sheet.at(test::cell_ref(row, static_cast<std::size_t>(at)));
    };
    EXPECT_EQ(cell(1, "studentCode").text, "A-1");
    EXPECT_EQ(cell(2, "studentCode").text, "B-2");
    EXPECT_EQ(cell(2, "firstName").text, "Bopha");
    EXPECT_EQ(cell(2, "firstNameKh").text, "ដារា");
    EXPECT_EQ(cell(2, "lastNameKh").text, "សុខ");
    EXPECT_EQ(cell(2, "phoneNumber").type, "text");
    EXPECT_EQ(cell(2, "phoneNumber").text, "012 345 678");
    // Text that looks like a formula is a text cell, unchanged (no apostrophe as in the CSV).
    EXPECT_EQ(cell(2, "medicalConditions").type, "text");
    EXPECT_FALSE(cell(2, "medicalConditions").formula);
    EXPECT_EQ(cell(2, "medicalConditions").text, "=1+1 is not a formula here");
    // Dates are dates, numbers numbers, booleans booleans.
    EXPECT_EQ(cell(2, "dateOfBirth").number(), 41713.0);  // 2014-03-15
    EXPECT_EQ(file.number_format(cell(2, "dateOfBirth").style), "yyyy-mm-dd");
    EXPECT_EQ(cell(1, "graduationDate").number(), 46203.0);  // 2026-06-30
    EXPECT_EQ(cell(2, "graduationDate").text, "");
    EXPECT_EQ(cell(2, "familySize").number(), 3.0);
    EXPECT_EQ(cell(2, "monthlyIncome").number(), 450.55);
    EXPECT_EQ(file.number_format(cell(2, "monthlyIncome").style), "0.00");
    EXPECT_EQ(cell(2, "hasPovertyCard").type, "boolean");
    EXPECT_EQ(cell(2, "hasPovertyCard").text, "1");
    EXPECT_EQ(cell(2, "primaryGuardianRelation").text, "mother");
    EXPECT_TRUE(file.bold(sheet.at("A1").style));
}

TEST_F(StudentExportTest, XlsxFollowsTheStatusFilterAndOnlyAdminsMayExport)
{
    create("A-1", "Ana", "graduated");
    create("B-2", "Bopha");
    auto graduated = test::read_xlsx(export_file("format=xlsx&status=graduated").body);
    EXPECT_EQ(graduated.sheets.at(0).rows(), 2u);
    EXPECT_EQ(graduated.sheets.at(0).at("A2").text, "A-1");
    // No student: the header row alone.
    auto none = test::read_xlsx(export_file("format=xlsx&status=transferred").body);
    EXPECT_EQ(none.sheets.at(0).rows(), 1u);

    EXPECT_EQ(export_file("format=pdf").status, 400u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/students/export?format=xlsx").status, 403u);
    EXPECT_EQ(t.get("/api/v1/students/export?format=xlsx").status, 401u);
}

TEST_F(StudentExportTest, TheOpenApiDocumentListsBothFormats)
{
    auto doc = bj::parse(t.get("/api/v1/openapi.json").body);
    const auto& content =
        doc.at("paths").at("/api/v1/students/export").at("get").at("responses").at("200").at("content").as_object();
    EXPECT_EQ(content.size(), 2u);
    EXPECT_TRUE(content.contains("text/csv"));
    EXPECT_TRUE(content.contains(kXlsx));
}

TEST_F(StudentExportTest, EveryExportIsInTheActivityLog)
{
    create("A-1", "Ana");
    ASSERT_EQ(export_file("format=xlsx").status, 200u);
    ASSERT_EQ(export_file("format=csv&status=active").status, 200u);
    ASSERT_EQ(t.get_as(teacher, "/api/v1/students/export?format=xlsx").status, 403u);  // refused: not logged
    auto log = t.get_as(admin, "/api/v1/activity-logs?action=export.students");
    ASSERT_EQ(log.status, 200u) << log.body;
    const auto& entries = log.data().as_array();
    ASSERT_EQ(entries.size(), 2u) << log.body;
    // Newest first: the CSV, then the spreadsheet.
    EXPECT_EQ(entries.at(0).at("details").at("format"), "csv");
    EXPECT_EQ(entries.at(0).at("details").at("status"), "active");
    EXPECT_EQ(entries.at(1).at("details").at("format"), "xlsx");
    EXPECT_EQ(entries.at(1).at("details").at("rows"), 1);
    EXPECT_EQ(entries.at(1).at("details").at("route"), "GET /api/v1/students/export");
    EXPECT_EQ(entries.at(1).at("userId"), admin.user_id);
    EXPECT_EQ(entries.at(1).at("resource"), "students");
}

}  // namespace
}  // namespace sala
