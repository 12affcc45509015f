// The school the printing tests share: a year 2026-2027 with its first semester, class 7A (maths
// taught by Sokha) with Bopha (45/50 in the September exam) and Chan (40/50), a second teacher
// Kim, the school's settings filled in, a clock on 20 November 2026 and deterministic PDFs.
#pragma once

#include "support/pdf_inspect.hpp"
#include "support/png/png_io.hpp"
#include "support/temp_dir.hpp"
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace sala::test {

using http::Method;

inline app::Config deterministic()
{
    app::Config c;
    c.deterministic_pdf = true;
    return c;
}

class PrintingTest : public ::testing::Test {
protected:
    PrintingTest() : t(deterministic())
    {
        using namespace std::chrono;
        t.clock().set(sys_days(year_month_day(std::chrono::year(2026), November, day(20))) + hours(8));
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        sokha = t.sign_in("sokha");
        t.add_user("kim", "teacher");
        kim = t.sign_in("kim");
        year = make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
        s1 = make_semester(t, admin, year, 1, "2026-09-01", "2027-01-31");
        auto subject = t.as(admin, Call{Method::post, "/api/v1/subjects",
                                        R"({"code":"MATH","name":"Mathematics","nameKh":"គណិតវិទ្យា","maxScore":100,"coefficient":2,"gradeLevels":[7]})"});
        maths = subject.data().at("subjectId").as_int64();
        a7 = make_course(t, admin, year, 7, "A");
        assign_subjects(t, admin, a7,
                              R"([{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                                  std::to_string(sokha_id) + "}]");
        bopha = enrolled_student(t, a7, "F", "Bopha");
        chan = enrolled_student(t, a7, "M", "Chan");
        grade(bopha, 45, "2026-09-10");
        grade(chan, 40, "2026-09-10");
        auto school = t.as(admin, Call{Method::put, "/api/v1/settings/school",
                                       R"({"name":"Preah Sisowath High School","nameKh":"វិទ្យាល័យព្រះស៊ីសុវត្ថិ",)"
                                       R"("address":"Phnom Penh","phone":"023 123 456","principal":"Sok San",)"
                                       R"("publicUrl":"https://sala.example.edu.kh","teachersMayPrint":false})",
                                       {{"If-Match", "\"0\""}}});
        EXPECT_EQ(school.status, 200u) << school.body;
    }
    void grade(std::int64_t student, double score, const std::string& date)
    {
        std::ostringstream body;
        body << R"({"studentId":)" << student << R"(,"courseId":)" << a7 << R"(,"subjectId":)" << maths
             << R"(,"semesterId":)" << s1 << R"(,"gradeType":"EXAM","score":)" << score
             << R"(,"maxScore":50,"gradeDate":")" << date << R"("})";
        auto r = t.as(admin, Call{Method::post, "/api/v1/grades", body.str()});
        ASSERT_EQ(r.status, 201u) << r.body;
    }
    // A real 30 × 40 PNG photo.
    static std::string png()
    {
        TempDir dir;
        GreyImage image{30, 40, std::vector<unsigned char>(30 * 40, 90)};
        auto path = (dir.path() / "photo.png").string();
        write_png_grey(path, image);
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    Reply print(const SignedIn& who, const std::string& document, const std::string& body,
                std::vector<std::pair<std::string, std::string>> headers = {})
    {
        return t.as(who, Call{Method::post, "/api/v1/pdf-generate/generate-" + document, body, std::move(headers)});
    }
    std::string card_body(std::int64_t student, const std::string& period_fields)
    {
        return R"({"studentId":)" + std::to_string(student) + "," + period_fields + "}";
    }

    TestApp t;
    SignedIn admin, sokha, kim;
    std::int64_t sokha_id = 0, year = 0, s1 = 0, maths = 0, a7 = 0, bopha = 0, chan = 0;
};

}  // namespace sala::test
