// Printed documents through the API, read back as a reader of the PDF would (pdftotext, pdfinfo):
// school settings on the letterhead, report cards for one student and a whole class, the grade
// report and the gradebook, JSON answers, byte-identical output, each error case, who may print,
// and the activity-log entry every document leaves.
#include "printing_fixture.hpp"

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::has_text;
using test::PrintingTest;
using test::Reply;

TEST_F(PrintingTest, SchoolSettingsAreVersionedAndChecked)
{
    auto got = t.get_as(admin, "/api/v1/settings/school");
    ASSERT_EQ(got.status, 200u);
    EXPECT_EQ(got.data().at("nameKh").as_string(), "វិទ្យាល័យព្រះស៊ីសុវត្ថិ");
    EXPECT_EQ(got.header("ETag"), "\"1\"");
    EXPECT_TRUE(got.data().at("logo").is_null());
    // Teachers read them; only admins change them.
    EXPECT_EQ(t.get_as(sokha, "/api/v1/settings/school").status, 200u);
    auto body = R"({"name":"X","publicUrl":"https://x.example","teachersMayPrint":true})";
    EXPECT_EQ(t.as(sokha, Call{Method::put, "/api/v1/settings/school", body, {{"If-Match", "\"1\""}}}).status, 403u);
    EXPECT_EQ(t.as(admin, Call{Method::put, "/api/v1/settings/school", body, {{"If-Match", "\"0\""}}}).status, 412u);
    auto bad = t.as(admin, Call{Method::put, "/api/v1/settings/school",
                                R"({"name":" ","publicUrl":"ftp://x","phone":"abc","teachersMayPrint":true})",
                                {{"If-Match", "\"1\""}}});
    EXPECT_EQ(bad.status, 422u);
    auto fields = test::error_details(bad);
    EXPECT_NE(std::find(fields.begin(), fields.end(), "name:REQUIRED"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "publicUrl:INVALID_FORMAT"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "phone:INVALID_FORMAT"), fields.end());
}

TEST_F(PrintingTest, TheLogoHeadsEveryDocumentUntilItIsRemoved)
{
    EXPECT_EQ(t.get_as(admin, "/api/v1/settings/school/logo").status, 404u);
    EXPECT_EQ(t.as(sokha, Call{Method::put, "/api/v1/settings/school/logo", png(), {{"Content-Type", "image/png"}}}).status,
              403u);
    auto put = t.as(admin, Call{Method::put, "/api/v1/settings/school/logo", png(), {{"Content-Type", "image/png"}}});
    ASSERT_EQ(put.status, 200u) << put.body;
    EXPECT_EQ(t.get_as(admin, "/api/v1/settings/school").data().at("logo").as_string(), "/api/v1/settings/school/logo");
    auto logo = t.get_as(sokha, "/api/v1/settings/school/logo");
    EXPECT_EQ(logo.status, 200u);
    EXPECT_EQ(logo.body, png());
    auto card = print(admin, "student-report-card", card_body(bopha, R"("period":"year")"));
    ASSERT_EQ(card.status, 200u);
    EXPECT_EQ(test::pdf_image_count(card.body), 1);

    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/settings/school/logo"}).status, 204u);
    EXPECT_TRUE(t.get_as(admin, "/api/v1/settings/school").data().at("logo").is_null());
    EXPECT_EQ(test::pdf_image_count(print(admin, "student-report-card", card_body(bopha, R"("period":"year")")).body), 0);
    EXPECT_EQ(t.as(admin, Call{Method::delete_, "/api/v1/settings/school/logo"}).status, 404u);
}

TEST_F(PrintingTest, AStudentsReportCardCarriesTheLetterheadTheResultsAndItsFilename)
{
    auto r = print(admin, "student-report-card", card_body(bopha, R"("period":"semester","semesterId":)" + std::to_string(s1)));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/pdf");
    EXPECT_NE(r.header("Content-Disposition").find("report-card-"), std::string::npos);
    EXPECT_NE(r.header("Content-Disposition").find(".pdf\""), std::string::npos);
    auto info = test::pdf_info(r.body);
    EXPECT_EQ(info.pages, 1);
    EXPECT_NEAR(info.width_pt, 595.28, 0.1);  // A4 portrait
    auto text = test::pdf_text(r.body);
    EXPECT_TRUE(has_text(text, "វិទ្យាល័យព្រះស៊ីសុវត្ថិ"));
    EXPECT_TRUE(has_text(text, "PREAH SISOWATH HIGH SCHOOL"));
    EXPECT_TRUE(has_text(text, "ព្រឹត្តិបត្រពិន្ទុ"));
    EXPECT_TRUE(has_text(text, "BOPHA"));
    EXPECT_TRUE(has_text(text, "គណិតវិទ្យា"));
    EXPECT_TRUE(has_text(text, "90.00"));  // 45 / 50
    EXPECT_TRUE(has_text(text, "1 / 2"));   // rank
    EXPECT_TRUE(has_text(text, "Sok San"));
    EXPECT_TRUE(has_text(text, "Page 1 of 1"));
}

TEST_F(PrintingTest, OptionsChoosePaperOrientationMarginsAndKhmerDigits)
{
    auto r = print(admin, "student-report-card",
                   card_body(bopha, R"("period":"month","month":"2026-09","options":{"format":"Letter","orientation":"landscape","margins":{"top":"10mm","left":"0.5in"},"khmerDigits":true})"));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto info = test::pdf_info(r.body);
    EXPECT_NEAR(info.width_pt, 792, 0.1);
    EXPECT_NEAR(info.height_pt, 612, 0.1);
    EXPECT_TRUE(has_text(test::pdf_text(r.body), "៩០.០០"));

    auto bad = print(admin, "student-report-card",
                     card_body(bopha, R"("period":"year","options":{"format":"A3","orientation":"sideways","margins":{"top":"9cm"}})"));
    EXPECT_EQ(bad.status, 422u);
    auto fields = test::error_details(bad);
    for (const auto* f : {"options.format:INVALID_VALUE", "options.orientation:INVALID_VALUE",
                          "options.margins.top:OUT_OF_RANGE"}) {
        EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
    }
}

TEST_F(PrintingTest, AWholeClassPrintsAsOneDocumentNumberedPerStudent)
{
    auto r = print(admin, "student-report-card",
                   R"({"courseId":)" + std::to_string(a7) + R"(,"period":"semester","semesterId":)" + std::to_string(s1) + "}");
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(test::pdf_info(r.body).pages, 2);
    EXPECT_TRUE(has_text(test::pdf_page_text(r.body, 1), "BOPHA"));
    EXPECT_TRUE(has_text(test::pdf_page_text(r.body, 2), "CHAN"));
    EXPECT_TRUE(has_text(test::pdf_page_text(r.body, 2), "Page 1 of 1"));
}

TEST_F(PrintingTest, TheSameDataPrintsTheSameBytesAndJsonCarriesTheSameDocument)
{
    auto body = card_body(bopha, R"("period":"year")");
    auto first = print(admin, "student-report-card", body);
    auto second = print(admin, "student-report-card", body);
    ASSERT_EQ(first.status, 200u);
    EXPECT_EQ(first.body, second.body);

    auto json = print(admin, "student-report-card", body, {{"Accept", "application/json"}});
    ASSERT_EQ(json.status, 200u) << json.body;
    EXPECT_EQ(json.data().at("size").as_int64(), static_cast<std::int64_t>(first.body.size()));
    EXPECT_NE(json.data().at("filename").as_string().find(".pdf"), std::string::npos);
    EXPECT_FALSE(json.data().at("generatedAt").as_string().empty());
    EXPECT_EQ(json.data().at("buffer").as_string().size(), (first.body.size() + 2) / 3 * 4);
}

TEST_F(PrintingTest, GradeReportAndGradebook)
{
    auto report = print(admin, "grade-report",
                        R"({"courseId":)" + std::to_string(a7) + R"(,"period":"semester","semesterId":)" + std::to_string(s1) + "}");
    ASSERT_EQ(report.status, 200u) << report.body;
    auto text = test::pdf_text(report.body);
    EXPECT_TRUE(has_text(text, "GRADE REPORT"));
    EXPECT_LT(text.find("BOPHA"), text.find("CHAN"));  // by rank
    EXPECT_TRUE(has_text(text, "ស្រី Girls"));

    auto book = print(admin, "gradebook-report", R"({"courseId":)" + std::to_string(a7) + R"(,"period":"month","month":"2026-09"})");
    ASSERT_EQ(book.status, 200u) << book.body;
    auto info = test::pdf_info(book.body);
    EXPECT_GT(info.width_pt, info.height_pt);  // landscape
    EXPECT_TRUE(has_text(test::pdf_text(book.body), "MATH"));
    EXPECT_TRUE(has_text(test::pdf_text(book.body), "80.00"));  // Chan 40 / 50
}

TEST_F(PrintingTest, ErrorsNameWhatIsWrong)
{
    EXPECT_EQ(print(admin, "student-report-card", card_body(999999, R"("period":"year")")).status, 404u);
    EXPECT_EQ(print(admin, "grade-report", R"({"courseId":999999,"period":"year"})").status, 404u);
    // No grades in that month: 422 with a message, not an empty document.
    auto empty = print(admin, "student-report-card", card_body(bopha, R"("period":"month","month":"2026-12")"));
    EXPECT_EQ(empty.status, 422u);
    EXPECT_EQ(empty.json.at("error").at("code").as_string(), "VALIDATION_ERROR");
    auto missing = print(admin, "student-report-card", card_body(bopha, R"("period":"semester")"));
    EXPECT_EQ(test::error_details(missing), std::vector<std::string>{"semesterId:REQUIRED"});
    auto both = print(admin, "student-report-card",
                      R"({"studentId":1,"courseId":1,"period":"year"})");
    EXPECT_EQ(test::error_details(both), std::vector<std::string>{"courseId:NOT_ALLOWED"});
    auto period = print(admin, "grade-report", R"({"courseId":1,"period":"decade"})");
    EXPECT_EQ(test::error_details(period), std::vector<std::string>{"period:INVALID_VALUE"});
    // The content of an official document never comes from the request.
    auto content = print(admin, "student-report-card", card_body(bopha, R"("period":"year","average":100)"));
    EXPECT_EQ(content.status, 422u);
}

TEST_F(PrintingTest, TeachersPrintOnlyWhenTheSchoolAllowsItAndOnlyTheirCourses)
{
    auto body = R"({"courseId":)" + std::to_string(a7) + R"(,"period":"year"})";
    EXPECT_EQ(print(sokha, "grade-report", body).status, 403u);
    auto allow = t.as(admin, Call{Method::put, "/api/v1/settings/school",
                                  R"({"name":"Preah Sisowath High School","publicUrl":"https://sala.example.edu.kh","teachersMayPrint":true})",
                                  {{"If-Match", "\"1\""}}});
    ASSERT_EQ(allow.status, 200u) << allow.body;
    EXPECT_EQ(print(sokha, "grade-report", body).status, 200u);
    EXPECT_EQ(print(sokha, "student-report-card", card_body(bopha, R"("period":"year")")).status, 200u);
    EXPECT_EQ(print(kim, "grade-report", body).status, 403u);
    EXPECT_EQ(print(kim, "student-report-card", card_body(bopha, R"("period":"year")")).status, 403u);
}

TEST_F(PrintingTest, EveryDocumentIsInTheActivityLog)
{
    ASSERT_EQ(print(admin, "student-report-card", card_body(bopha, R"("period":"year")")).status, 200u);
    auto logs = t.get_as(admin, "/api/v1/activity-logs?action=documents.student-report-card");
    ASSERT_EQ(logs.status, 200u) << logs.body;
    ASSERT_EQ(logs.data().as_array().size(), 1u) << logs.body;
    const auto& entry = logs.data().as_array().front();
    EXPECT_NE(entry.at("details").as_object().at("studentIds").as_array().front().as_int64(), 0);
    EXPECT_EQ(entry.at("details").as_object().at("studentIds").as_array().front().as_int64(), bopha);
}

}  // namespace
}  // namespace sala
