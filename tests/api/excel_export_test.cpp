// POST /export-excel as a client uses it: rows as objects or arrays become typed cells (Khmer text
// intact, formula-looking text kept as text), the file and sheet names are made safe, every broken
// rule is a 422 naming its field, only admins may call it, and each export is in the activity log.
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"
#include "support/xlsx_reader.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace sala {
namespace {

namespace bj = boost::json;
using http::Method;
using test::Call;
using test::Reply;

class ExcelExportTest : public ::testing::Test {
protected:
    ExcelExportTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        t.add_user("teacher", "teacher");
        teacher = t.sign_in("teacher");
    }

    Reply post(const std::string& body, const test::SignedIn* who = nullptr)
    {
        return t.as(who == nullptr ? admin : *who, Call{Method::post, "/api/v1/export-excel", body});
    }
    Reply post_json(const bj::value& body) { return post(bj::serialize(body)); }

    test::TestApp t;
    test::SignedIn admin;
    test::SignedIn teacher;
};

TEST_F(ExcelExportTest, RowsBecomeTypedCells)
{
    auto r = post_json(bj::value{
        {"filename", "Scores 7A"},
        {"sheetName", "Term 1: [draft]"},
        {"headers", bj::array{"Name", "ឈ្មោះ", "Score", "Passed", "Note"}},
        {"data",
         bj::array{bj::object{{"Name", "Dara"}, {"ឈ្មោះ", "ដារា"}, {"Score", 87.5}, {"Passed", true}, {"Note", "=1+1"}},
                   bj::object{{"Name", "Bopha"}, {"Score", nullptr}, {"Passed", false}},
                   bj::array{"Chan", "ចាន់", 91, nullptr, "@SUM(A1)"}, bj::array{"Eng"},
                   bj::array{"Big", nullptr, 12345678901234567890ULL}}}});
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(r.header("Content-Disposition"), "attachment; filename=\"Scores 7A.xlsx\"");
    auto file = test::read_xlsx(r.body);
    ASSERT_EQ(file.sheets.size(), 1u);
    const auto& s = file.sheets[0];
    EXPECT_EQ(s.name, "Term 1 draft");
    EXPECT_EQ(s.row(1), (std::vector<std::string>{"Name", "ឈ្មោះ", "Score", "Passed", "Note"}));
    EXPECT_TRUE(file.bold(s.at("A1").style));
    EXPECT_NE(s.xml.find("state=\"frozen\""), std::string::npos);
    EXPECT_EQ(s.rows(), 6u);
    // Objects by header name.
    EXPECT_EQ(s.at("B2").text, "ដារា");
    EXPECT_EQ(s.at("C2").number(), 87.5);
    EXPECT_EQ(s.at("D2").type, "boolean");
    EXPECT_EQ(s.at("D2").text, "1");
    EXPECT_EQ(s.at("E2").type, "text");
    EXPECT_FALSE(s.at("E2").formula);
    EXPECT_EQ(s.at("E2").text, "=1+1");
    EXPECT_FALSE(s.cells.contains("B3"));  // an absent key
    EXPECT_FALSE(s.cells.contains("C3"));  // null
    EXPECT_EQ(s.at("D3").text, "0");
    // Arrays in header order; a short row ends with empty cells.
    EXPECT_EQ(s.at("B4").text, "ចាន់");
    EXPECT_EQ(s.at("C4").number(), 91.0);
    EXPECT_EQ(s.at("E4").text, "@SUM(A1)");
    EXPECT_EQ(s.at("A5").text, "Eng");
    EXPECT_FALSE(s.cells.contains("B5"));
    // An integer a spreadsheet would round keeps its digits as text.
    EXPECT_EQ(s.at("C6").type, "text");
    EXPECT_EQ(s.at("C6").text, "12345678901234567890");
}

TEST_F(ExcelExportTest, NamesAreMadeSafeAndDefaulted)
{
    auto khmer = post(R"({"filename":"../ពិន្ទុ.XLSX","headers":["a"],"data":[]})");
    ASSERT_EQ(khmer.status, 200u) << khmer.body;
    EXPECT_EQ(khmer.header("Content-Disposition"),
              "attachment; filename=\"______.xlsx\"; "
              "filename*=UTF-8''%E1%9E%96%E1%9E%B7%E1%9E%93%E1%9F%92%E1%9E%91%E1%9E%BB.xlsx");
    auto file = test::read_xlsx(khmer.body);
    EXPECT_EQ(file.sheets.at(0).name, "Sheet1");
    EXPECT_EQ(file.sheets.at(0).rows(), 1u);  // the header row alone

    auto plain = post(R"({"headers":["a"],"data":[[1]],"sheetName":"'History'"})");
    ASSERT_EQ(plain.status, 200u) << plain.body;
    EXPECT_EQ(plain.header("Content-Disposition"), "attachment; filename=\"export.xlsx\"");
    EXPECT_EQ(test::read_xlsx(plain.body).sheets.at(0).name, "Sheet1");
}

TEST_F(ExcelExportTest, EveryBrokenRuleIsA422NamingItsField)
{
    EXPECT_EQ(test::error_details(post(R"({"data":[]})")), std::vector<std::string>{"headers:REQUIRED"});
    EXPECT_EQ(test::error_details(post(R"({"headers":["a"]})")), std::vector<std::string>{"data:REQUIRED"});
    EXPECT_EQ(test::error_details(post(R"({"headers":[],"data":[]})")), std::vector<std::string>{"headers:REQUIRED"});
    EXPECT_EQ(test::error_details(post(R"({"headers":["a",2],"data":[]})")),
              std::vector<std::string>{"headers[1]:INVALID_TYPE"});
    EXPECT_EQ(test::error_details(post(R"({"headers":["a"," ","a"],"data":[]})")),
              (std::vector<std::string>{"headers[1]:REQUIRED", "headers[2]:DUPLICATE"}));
    EXPECT_EQ(test::error_details(post(R"({"headers":[")" + std::string(256, 'h') + R"("],"data":[]})")),
              std::vector<std::string>{"headers[0]:TOO_LONG"});
    EXPECT_EQ(test::error_details(post(R"({"headers":["a"],"data":[],"colour":"red"})")),
              std::vector<std::string>{"colour:UNKNOWN_FIELD"});

    // Too many columns, too many rows.
    bj::array headers;
    for (int i = 0; i <= 200; ++i) {
        headers.emplace_back("h" + std::to_string(i));
    }
    EXPECT_EQ(test::error_details(post_json(bj::value{{"headers", headers}, {"data", bj::array{}}})),
              std::vector<std::string>{"headers:TOO_MANY"});
    std::string rows = "[]";
    for (int i = 0; i < 50'000; ++i) {
        rows += ",[]";
    }
    auto too_many = post(R"({"headers":["a"],"data":[)" + rows + "]}");
    EXPECT_EQ(too_many.status, 422u);
    EXPECT_EQ(test::error_details(too_many), std::vector<std::string>{"data:TOO_MANY"});

    // Cells: nested values, rows that are neither objects nor arrays, unknown keys, extra cells.
    auto cells = post(R"({"headers":["a","b"],"data":[{"a":{"x":1}},{"a":[1]},"row",{"c":1},[1,2,3],[1e999]]})");
    EXPECT_EQ(cells.status, 422u) << cells.body;
    EXPECT_EQ(test::error_details(cells),
              (std::vector<std::string>{"data[0].a:INVALID_TYPE", "data[1].a:INVALID_TYPE", "data[2]:INVALID_TYPE",
                                        "data[3].c:UNKNOWN_FIELD", "data[4]:TOO_MANY", "data[5][0]:OUT_OF_RANGE"}));
    auto too_long = post(R"({"headers":["a"],"data":[[")" + std::string(32768, 'x') + R"("]]})");
    EXPECT_EQ(test::error_details(too_long), std::vector<std::string>{"data[0][0]:TOO_LONG"});

    // Not JSON, not JSON's media type.
    EXPECT_EQ(post("{").status, 400u);
    EXPECT_EQ(t.as(admin, Call{Method::post,
                               "/api/v1/export-excel",
                               R"({"headers":["a"],"data":[]})",
                               {{"Content-Type", "text/plain"}}})
                  .status,
              415u);
    // Nothing was exported.
    EXPECT_EQ(t.get_as(admin, "/api/v1/activity-logs?action=export.excel").data().as_array().size(), 0u);
}

TEST_F(ExcelExportTest, OnlyAdminsMayExportAndEachExportIsLogged)
{
    const std::string body = R"({"filename":"list","headers":["a"],"data":[[1],[2]]})";
    EXPECT_EQ(post(body, &teacher).status, 403u);
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/export-excel", body}).status, 401u);
    ASSERT_EQ(post(body).status, 200u);
    auto log = t.get_as(admin, "/api/v1/activity-logs?action=export.excel");
    ASSERT_EQ(log.data().as_array().size(), 1u) << log.body;
    const auto& entry = log.data().at(0);
    EXPECT_EQ(entry.at("userId"), admin.user_id);
    EXPECT_EQ(entry.at("resource"), "exports");
    EXPECT_EQ(entry.at("details").at("format"), "xlsx");
    EXPECT_EQ(entry.at("details").at("rows"), 2);
    EXPECT_EQ(entry.at("details").at("filename"), "list.xlsx");
}

}  // namespace
}  // namespace sala
