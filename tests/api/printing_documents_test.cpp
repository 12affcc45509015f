// The other printed documents through the API, read back as their reader would: the registration
// form (with what only some may see), the student list, the monthly attendance register, ID cards
// (one, N-up with crop marks, staff) whose QR codes open a working verification address, and
// generate-pdf dispatching every report type of the seed to the same printers.
#include "printing_fixture.hpp"



namespace sala {
namespace {

using http::Method;
using test::Call;
using test::has_text;
using test::PrintingTest;
using test::Reply;

class PrintingDocumentsTest : public PrintingTest {
protected:
    PrintingDocumentsTest()
    {
        auto created = t.as(admin, Call{Method::post, "/api/v1/students", kRegistration});
        EXPECT_EQ(created.status, 201u) << created.body;
        dara = created.data().at("studentId").as_int64();
        auto enrolled = t.as(admin, Call{Method::post, "/api/v1/enrollments",
                                         R"({"studentId":)" + std::to_string(dara) + R"(,"courseId":)" +
                                             std::to_string(a7) + R"(,"enrollmentDate":"2026-11-03"})"});
        EXPECT_EQ(enrolled.status, 201u) << enrolled.body;
        auto photo = t.as(admin, Call{Method::put, "/api/v1/students/" + std::to_string(dara) + "/photo", png(),
                                      {{"Content-Type", "image/png"}}});
        EXPECT_EQ(photo.status, 200u) << photo.body;
        mark("2026-11-02", "AM", R"({"studentId":)" + std::to_string(bopha) + R"(,"status":"ABSENT"})");
        mark("2026-11-02", "PM", R"({"studentId":)" + std::to_string(chan) + R"(,"status":"LATE"})");
    }
    void mark(const std::string& date, const std::string& session, const std::string& record)
    {
        auto r = t.as(admin, Call{Method::put,
                                  "/api/v1/courses/" + std::to_string(a7) + "/attendance/" + date + "/" + session,
                                  R"({"records":[)" + record + R"(],"markOthersPresent":true})"});
        ASSERT_EQ(r.status, 200u) << r.body;
    }
    static constexpr const char* kRegistration = R"({
      "studentInfo": {"firstName": "Dara", "lastName": "Sok", "firstNameKh": "ដារា", "lastNameKh": "សុខ",
        "dateOfBirth": "2014-03-15", "gender": "M", "placeOfBirth": "Phnom Penh", "nationality": "Khmer",
        "religion": "Buddhism", "address": "St. 271, No. 12", "commune": "Tuol Tumpung", "district": "Chamkar Mon",
        "province": "Kandal", "phoneNumber": "012 345 678", "medicalConditions": "Asthma", "bloodType": "O+"},
      "guardianInfo": {
        "primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother", "phone": "012 111 222",
          "occupation": "Nurse"}},
      "familyInfo": {"familyComposition": "Two parents, two children", "familySize": 4, "monthlyIncome": 450.5,
        "hasPovertyCard": true, "povertyCardNumber": "PC-2291"}
    })";
    std::int64_t dara = 0;
};

TEST_F(PrintingDocumentsTest, TheRegistrationFormHasTheWholeRecordForThoseWhoTeachTheStudent)
{
    auto r = print(admin, "student-registration", R"({"studentId":)" + std::to_string(dara) + "}");
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(test::pdf_image_count(r.body), 1);  // the photo
    auto text = test::pdf_text(r.body);
    for (const auto* expected : {"ពាក្យចុះឈ្មោះចូលរៀន", "ដារា", "SOK Dara", "Tuol Tumpung", "SOK Chenda", "Nurse",
                                 "Two parents, two children", "Asthma", "PC-2291"}) {
        EXPECT_TRUE(has_text(text, expected)) << expected;
    }
    // Teachers who may print: Dara's own teacher gets the form, another teacher none at all.
    t.as(admin, Call{Method::put, "/api/v1/settings/school",
                     R"({"name":"Preah Sisowath High School","publicUrl":"https://sala.example.edu.kh","teachersMayPrint":true})",
                     {{"If-Match", "\"1\""}}});
    EXPECT_EQ(print(sokha, "student-registration", R"({"studentId":)" + std::to_string(dara) + "}").status, 200u);
    EXPECT_EQ(print(kim, "student-registration", R"({"studentId":)" + std::to_string(dara) + "}").status, 403u);
    EXPECT_EQ(print(admin, "student-registration", R"({"studentId":999999})").status, 404u);
}

TEST_F(PrintingDocumentsTest, TheStudentListFollowsTheFiltersOfGetStudents)
{
    auto all = print(admin, "student-list-report", "{}");
    ASSERT_EQ(all.status, 200u) << all.body;
    auto text = test::pdf_text(all.body);
    EXPECT_TRUE(has_text(text, "បញ្ជីឈ្មោះសិស្ស"));
    EXPECT_TRUE(has_text(text, "BOPHA"));
    EXPECT_TRUE(has_text(text, "Total 3"));
    auto kandal = print(admin, "student-list-report", R"({"province":"Kandal"})");
    ASSERT_EQ(kandal.status, 200u);
    auto only = test::pdf_text(kandal.body);
    EXPECT_TRUE(has_text(only, "SOK Dara"));
    EXPECT_FALSE(has_text(only, "BOPHA"));
    EXPECT_TRUE(has_text(only, "Province: Kandal"));
    EXPECT_EQ(print(admin, "student-list-report", R"({"province":"Nowhere"})").status, 422u);
    EXPECT_EQ(test::error_details(print(admin, "student-list-report", R"({"status":"asleep"})")),
              std::vector<std::string>{"status:INVALID_VALUE"});
    // The whole school is an admin's list; a teacher's is of a course they teach.
    t.as(admin, Call{Method::put, "/api/v1/settings/school",
                     R"({"name":"Preah Sisowath High School","publicUrl":"https://sala.example.edu.kh","teachersMayPrint":true})",
                     {{"If-Match", "\"1\""}}});
    EXPECT_EQ(print(sokha, "student-list-report", "{}").status, 403u);
    EXPECT_EQ(print(sokha, "student-list-report", R"({"courseId":)" + std::to_string(a7) + "}").status, 200u);
}

TEST_F(PrintingDocumentsTest, TheAttendanceRegisterShowsEachDaysMarksAndTheTotals)
{
    auto r = print(admin, "attendance-report", R"({"courseId":)" + std::to_string(a7) + R"(,"month":"2026-11"})");
    ASSERT_EQ(r.status, 200u) << r.body;
    auto info = test::pdf_info(r.body);
    EXPECT_GT(info.width_pt, info.height_pt);
    auto text = test::pdf_text(r.body);
    EXPECT_TRUE(has_text(text, "MONTHLY ATTENDANCE REGISTER"));
    // 1 November is a Sunday (no school); on the 2nd Bopha was absent in the morning and present in
    // the afternoon, Chan present then late: half days, and the rate counts late as attended.
    EXPECT_TRUE(has_text(text, "BOPHA Dara — AP")) << text;
    EXPECT_TRUE(has_text(text, "CHAN Dara — PL"));
    EXPECT_TRUE(has_text(text, "0.5 0.5 0.0 0.0 50.0"));
    EXPECT_TRUE(has_text(text, "0.5 0.0 0.5 0.0 100.0"));
    EXPECT_EQ(print(admin, "attendance-report", R"({"courseId":)" + std::to_string(a7) + R"(,"month":"2026-10"})").status,
              422u);  // no marks that month
    EXPECT_EQ(test::error_details(print(admin, "attendance-report",
                                        R"({"courseId":)" + std::to_string(a7) + R"(,"month":"2030-01"})")),
              std::vector<std::string>{"month:OUT_OF_RANGE"});
}

TEST_F(PrintingDocumentsTest, AnIdCardIsCardSizedAndItsQrCodeOpensItsVerification)
{
    auto r = print(admin, "student-id-card", R"({"studentId":)" + std::to_string(dara) + "}");
    ASSERT_EQ(r.status, 200u) << r.body;
    auto info = test::pdf_info(r.body);
    EXPECT_NEAR(info.width_pt, 242.65, 0.1);  // 85.60 mm
    EXPECT_NEAR(info.height_pt, 153.01, 0.1);  // 53.98 mm
    auto text = test::pdf_text(r.body);
    EXPECT_TRUE(has_text(text, "សុខ ដារា"));
    EXPECT_TRUE(has_text(text, "SOK Dara"));
    EXPECT_TRUE(has_text(text, "7A"));
    EXPECT_TRUE(has_text(text, "2026-2027"));
    EXPECT_EQ(test::pdf_image_count(r.body), 1);  // the photo
    auto codes = test::pdf_qr_codes(r.body);
    ASSERT_EQ(codes.size(), 1u);
    const std::string prefix = "https://sala.example.edu.kh/api/v1/id-cards/verify/";
    ASSERT_EQ(codes[0].rfind(prefix, 0), 0u) << codes[0];
    // Anyone may check the card, signed in or not; it shows who it belongs to and nothing more.
    auto checked = t.get(codes[0].substr(std::string("https://sala.example.edu.kh").size()));
    ASSERT_EQ(checked.status, 200u) << checked.body;
    EXPECT_TRUE(checked.data().at("valid").as_bool());
    EXPECT_EQ(checked.data().at("name").as_string(), "SOK Dara");
    EXPECT_EQ(checked.data().at("course").as_string(), "7A");
    EXPECT_FALSE(checked.data().as_object().contains("dateOfBirth"));
    // A token for another id, or a changed one, opens nothing.
    auto token = codes[0].substr(prefix.size());
    auto forged = "s" + std::to_string(bopha) + token.substr(token.find('-'));
    EXPECT_EQ(t.get("/api/v1/id-cards/verify/" + forged).status, 404u);
    EXPECT_EQ(t.get("/api/v1/id-cards/verify/garbage").status, 404u);
    // A student who has left: the card no longer counts.
    auto left = t.as(admin, Call{Method::patch, "/api/v1/students/" + std::to_string(dara), R"({"status":"transferred"})"});
    ASSERT_EQ(left.status, 200u) << left.body;
    EXPECT_FALSE(t.get(codes[0].substr(std::string("https://sala.example.edu.kh").size())).data().at("valid").as_bool());
}

TEST_F(PrintingDocumentsTest, ManyCardsGoTenToAnA4SheetWithCropMarks)
{
    for (int i = 0; i < 9; ++i) {
        test::enrolled_student(t, a7, "F", "Extra" + std::to_string(i));
    }
    auto r = print(admin, "id-cards", R"({"courseId":)" + std::to_string(a7) + "}");
    ASSERT_EQ(r.status, 200u) << r.body;
    auto info = test::pdf_info(r.body);
    EXPECT_EQ(info.pages, 2);  // 12 students
    EXPECT_NEAR(info.width_pt, 595.28, 0.1);
    EXPECT_EQ(test::pdf_qr_codes(r.body, 1, 200).size(), 10u);
    EXPECT_EQ(test::pdf_qr_codes(r.body, 2, 200).size(), 2u);
    // Letter paper; by ids; the limits.
    auto chosen = print(admin, "id-cards",
                        R"({"studentIds":[)" + std::to_string(bopha) + "," + std::to_string(chan) +
                            R"(],"options":{"format":"Letter"}})");
    ASSERT_EQ(chosen.status, 200u);
    EXPECT_NEAR(test::pdf_info(chosen.body).width_pt, 612, 0.1);
    EXPECT_EQ(print(admin, "id-cards", R"({"studentIds":[999999]})").status, 404u);
    EXPECT_EQ(test::error_details(print(admin, "id-cards", "{}")), std::vector<std::string>{"courseId:REQUIRED"});
    std::string many = "[";
    for (int i = 1; i <= 1001; ++i) {
        many += (i > 1 ? "," : "") + std::to_string(i);
    }
    EXPECT_EQ(test::error_details(print(admin, "id-cards", R"({"studentIds":)" + many + "]}")),
              std::vector<std::string>{"studentIds:TOO_MANY"});
}

TEST_F(PrintingDocumentsTest, StaffCardsAreForAdminsAndVerifyToo)
{
    auto r = print(admin, "teacher-id-cards", "{}");
    ASSERT_EQ(r.status, 200u) << r.body;
    auto text = test::pdf_text(r.body);
    EXPECT_TRUE(has_text(text, "STAFF ID CARD"));
    auto codes = test::pdf_qr_codes(r.body, 1, 200);
    EXPECT_EQ(codes.size(), 2u);  // the active teachers: Sokha and Kim
    auto checked = t.get(codes.at(0).substr(std::string("https://sala.example.edu.kh").size()));
    ASSERT_EQ(checked.status, 200u);
    EXPECT_EQ(checked.data().at("kind").as_string(), "staff");
    EXPECT_EQ(print(sokha, "teacher-id-cards", "{}").status, 403u);
}

TEST_F(PrintingDocumentsTest, GeneratePdfDispatchesEveryReportType)
{
    auto a = std::to_string(a7);
    auto s = std::to_string(s1);
    struct Case {
        std::string type;
        std::string data;
        std::string expected;
    };
    for (const auto& c : std::vector<Case>{
             {"student-registration", R"({"studentId":)" + std::to_string(dara) + "}", "STUDENT REGISTRATION FORM"},
             {"student-report-card", R"({"studentId":)" + std::to_string(bopha) + R"(,"period":"year"})", "STUDENT REPORT CARD"},
             {"student-list-report", "{}", "STUDENT LIST"},
             {"grade-report-monthly", R"({"courseId":)" + a + R"(,"month":"2026-09"})", "GRADE REPORT"},
             {"grade-report-semester", R"({"courseId":)" + a + R"(,"semesterId":)" + s + "}", "GRADE REPORT"},
             {"grade-report-yearly", R"({"courseId":)" + a + "}", "GRADE REPORT"},
             {"gradebook-report-monthly", R"({"courseId":)" + a + R"(,"month":"2026-09"})", "GRADEBOOK"},
             {"gradebook-report-semester", R"({"courseId":)" + a + R"(,"semesterId":)" + s + "}", "GRADEBOOK"},
             {"gradebook-report-yearly", R"({"courseId":)" + a + "}", "GRADEBOOK"},
             {"student-id-card", R"({"studentId":)" + std::to_string(dara) + "}", "STUDENT ID CARD"},
             {"bulk-student-id-card", R"({"courseId":)" + a + "}", "STUDENT ID CARD"},
             {"teacher-id-card", "{}", "STAFF ID CARD"},
             {"attendance-report", R"({"courseId":)" + a + R"(,"month":"2026-11"})", "MONTHLY ATTENDANCE REGISTER"},
         }) {
        auto r = print(admin, "pdf", R"({"reportType":")" + c.type + R"(","data":)" + c.data +
                                         R"(,"options":{"format":"Letter"}})");
        ASSERT_EQ(r.status, 200u) << c.type << ": " << r.body;
        EXPECT_TRUE(has_text(test::pdf_text(r.body), c.expected)) << c.type;
        if (c.type != "student-id-card") {
            EXPECT_NEAR(test::pdf_info(r.body).width_pt, c.type.find("gradebook") == 0 || c.type == "attendance-report" ? 792 : 612, 0.1)
                << c.type;
        }
    }
    EXPECT_EQ(test::error_details(print(admin, "pdf", R"({"reportType":"horoscope","data":{}})")),
              std::vector<std::string>{"reportType:INVALID_VALUE"});
    EXPECT_EQ(test::error_details(print(admin, "pdf",
                                        R"({"reportType":"grade-report-monthly","data":{"courseId":)" + a +
                                            R"(,"period":"year"}})")),
              std::vector<std::string>{"data.period:INVALID_VALUE"});
    EXPECT_EQ(test::error_details(print(admin, "pdf", R"({"reportType":"student-report-card","data":{"period":"year","studentId":"x"}})")),
              std::vector<std::string>{"data.studentId:INVALID_TYPE"});
    // Staff cards stay an admin's, whichever route asks for them.
    EXPECT_EQ(print(sokha, "pdf", R"({"reportType":"teacher-id-card","data":{}})").status, 403u);
}

}  // namespace
}  // namespace sala
