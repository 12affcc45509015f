// Results through the API, with numbers worked out by hand: the gradebook for a semester, a
// month and the year (coefficients, renormalised categories, tied ranks, statistics by gender,
// semester weights), its fixed query count, its spreadsheet, the report card with attendance,
// learning quality, and who may read what.
#include "support/structure_fixtures.hpp"
#include "support/test_app.hpp"
#include "support/xlsx_reader.hpp"

#include "db/database.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <sstream>

namespace sala {
namespace {

using http::Method;
using test::Call;
using test::Reply;

class ResultsTest : public ::testing::Test {
protected:
    ResultsTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        sokha_id = t.add_user("sokha", "teacher");
        sokha = t.sign_in("sokha");
        t.add_user("kim", "teacher");
        kim = t.sign_in("kim");
        year = test::make_school_year(t, admin, "2026-2027", "2026-09-01", "2027-07-31", true);
        other_year = test::make_school_year(t, admin, "2027-2028", "2027-09-01", "2028-07-31");
        s1 = test::make_semester(t, admin, year, 1, "2026-09-01", "2027-01-31");
        s2 = test::make_semester(t, admin, year, 2, "2027-02-01", "2027-07-31");
        other_s1 = test::make_semester(t, admin, other_year, 1, "2027-09-01", "2028-01-31");
        auto subject = t.as(admin, Call{Method::post, "/api/v1/subjects",
                                        R"({"code":"MATH","name":"Mathematics","maxScore":100,"coefficient":2,"gradeLevels":[7]})"});
        maths = subject.data().at("subjectId").as_int64();
        khmer = test::make_subject(t, admin, "KHM", "[7]");
        a7 = test::make_course(t, admin, year, 7, "A");
        b7 = test::make_course(t, admin, year, 7, "B");
        test::assign_subjects(t, admin, a7,
                              R"([{"subjectId":)" + std::to_string(maths) + R"(,"teacherId":)" +
                                  std::to_string(sokha_id) + R"(},{"subjectId":)" + std::to_string(khmer) + "}]");
        test::assign_subjects(t, admin, b7, R"([{"subjectId":)" + std::to_string(khmer) + "}]");
        bopha = test::enrolled_student(t, a7, "F", "Bopha");
        chan = test::enrolled_student(t, a7, "M", "Chan");
        dara = test::enrolled_student(t, a7, "M", "Dara");
        eng = test::enrolled_student(t, a7, "F", "Eng");
        other = test::enrolled_student(t, b7, "F", "Other");
        // Semester 1. Bopha: maths exam 45/50 (90 %) and quiz 16/20 (80 %) → (90·50 + 80·20) / 70;
        // Khmer assignment 70 → average (87.142857·2 + 70) / 3 = 81.428571. Dara the same.
        // Chan: maths exam 40/50 (80), Khmer exam 95 in October → (80·2 + 95) / 3 = 85. Eng: none.
        for (auto s : {bopha, dara}) {
            grade(s, maths, s1, "EXAM", 45, 50, "2026-09-10");
            grade(s, maths, s1, "QUIZ", 16, 20, "2026-09-11");
            grade(s, khmer, s1, "ASSIGNMENT", 70, 100, "2026-09-12");
        }
        grade(chan, maths, s1, "EXAM", 40, 50, "2026-09-10");
        grade(chan, khmer, s1, "EXAM", 95, 100, "2026-10-05");
        // Semester 2: Bopha maths exam 50/50 → 100.
        grade(bopha, maths, s2, "EXAM", 50, 50, "2027-02-10");
        grade(other, khmer, s1, "EXAM", 40, 100, "2026-09-10");
    }
    void grade(std::int64_t student, std::int64_t subject, std::int64_t semester, const std::string& type,
               double score, double max, const std::string& date)
    {
        auto course = student == other ? b7 : a7;
        std::ostringstream body;
        body << R"({"studentId":)" << student << R"(,"courseId":)" << course << R"(,"subjectId":)" << subject
             << R"(,"semesterId":)" << semester << R"(,"gradeType":")" << type << R"(","score":)" << score
             << R"(,"maxScore":)" << max << R"(,"gradeDate":")" << date << R"("})";
        auto r = t.as(admin, Call{Method::post, "/api/v1/grades", body.str()});
        ASSERT_EQ(r.status, 201u) << r.body;
    }
    Reply gradebook(const test::SignedIn& who, const std::string& query)
    {
        return t.get_as(who, "/api/v1/courses/" + std::to_string(a7) + "/gradebook" + (query.empty() ? "" : "?" + query));
    }
    static const boost::json::value& row(const Reply& r, std::int64_t student)
    {
        for (const auto& s : r.data().at("students").as_array()) {
            if (s.at("studentId").as_int64() == student) {
                return s;
            }
        }
        static const boost::json::value none;
        ADD_FAILURE() << "no row for student " << student;
        return none;
    }
    static double number(const boost::json::value& v) { return v.to_number<double>(); }

    test::TestApp t;
    test::SignedIn admin, sokha, kim;
    std::int64_t sokha_id = 0;
    std::int64_t year = 0, other_year = 0, s1 = 0, s2 = 0, other_s1 = 0, maths = 0, khmer = 0, a7 = 0, b7 = 0;
    std::int64_t bopha = 0, chan = 0, dara = 0, eng = 0, other = 0;
};

TEST_F(ResultsTest, SemesterGradebookWeighsCategoriesAndCoefficientsAndTiesRanks)
{
    auto book = gradebook(admin, "semesterId=" + std::to_string(s1));
    ASSERT_EQ(book.status, 200u) << book.body;
    const auto& d = book.data();
    EXPECT_EQ(d.at("period").at("type").as_string(), "semester");
    EXPECT_EQ(d.at("course").at("name").as_string(), "7A");
    ASSERT_EQ(d.at("subjects").as_array().size(), 2u);
    EXPECT_EQ(d.at("subjects").at(1).at("code").as_string(), "MATH");
    EXPECT_EQ(number(d.at("subjects").at(1).at("coefficient")), 2.0);
    // By name: Bopha, Chan, Dara, Eng.
    ASSERT_EQ(d.at("students").as_array().size(), 4u);
    EXPECT_EQ(d.at("students").at(0).at("lastName").as_string(), "Bopha");

    const auto& b = row(book, bopha);
    EXPECT_EQ(number(b.at("results").at(0).at("result")), 70.0);    // KHM
    EXPECT_EQ(number(b.at("results").at(1).at("result")), 87.14);   // MATH, renormalised over exam and quiz
    EXPECT_EQ(b.at("results").at(1).at("grade").as_string(), "B");
    EXPECT_EQ(number(b.at("average")), 81.43);
    EXPECT_EQ(b.at("grade").as_string(), "B");
    EXPECT_EQ(b.at("gradeLabelKh").as_string(), "ល្អណាស់");
    EXPECT_TRUE(b.at("passed").as_bool());
    EXPECT_EQ(number(row(book, chan).at("average")), 85.0);
    // Competition ranking: 1, 2, 2; no average, no rank.
    EXPECT_EQ(row(book, chan).at("rank").as_int64(), 1);
    EXPECT_EQ(b.at("rank").as_int64(), 2);
    EXPECT_EQ(row(book, dara).at("rank").as_int64(), 2);
    EXPECT_TRUE(row(book, eng).at("rank").is_null());
    EXPECT_TRUE(row(book, eng).at("average").is_null());
    EXPECT_TRUE(row(book, eng).at("results").at(0).at("result").is_null());

    const auto& stats = d.at("statistics");
    EXPECT_EQ(stats.at("all").at("students").as_int64(), 4);
    EXPECT_EQ(stats.at("all").at("withAverage").as_int64(), 3);
    EXPECT_EQ(number(stats.at("all").at("mean")), 82.62);  // (85 + 81.428571 · 2) / 3
    EXPECT_EQ(number(stats.at("all").at("passRate")), 100.0);
    EXPECT_EQ(stats.at("all").at("letters").at(1).at("letter").as_string(), "B");
    EXPECT_EQ(stats.at("all").at("letters").at(1).at("count").as_int64(), 3);
    EXPECT_EQ(number(stats.at("male").at("mean")), 83.21);  // Chan and Dara
    EXPECT_EQ(stats.at("female").at("students").as_int64(), 2);
    EXPECT_EQ(stats.at("female").at("withAverage").as_int64(), 1);
    EXPECT_EQ(number(stats.at("female").at("mean")), 81.43);
}

TEST_F(ResultsTest, MonthAndYearGradebooks)
{
    auto october = gradebook(admin, "month=2026-10");
    ASSERT_EQ(october.status, 200u) << october.body;
    EXPECT_EQ(october.data().at("period").at("name").as_string(), "October 2026");
    EXPECT_EQ(number(row(october, chan).at("average")), 95.0);  // only the October exam
    EXPECT_TRUE(row(october, bopha).at("average").is_null());
    EXPECT_EQ(number(row(gradebook(admin, "month=2026-09"), chan).at("average")), 80.0);

    // The year: the mean of the semesters' averages (Bopha: (81.428571 + 100) / 2); Chan has only
    // the first semester's.
    auto year_book = gradebook(admin, "");
    ASSERT_EQ(year_book.status, 200u) << year_book.body;
    EXPECT_EQ(year_book.data().at("period").at("type").as_string(), "year");
    EXPECT_EQ(number(row(year_book, bopha).at("average")), 90.71);
    EXPECT_EQ(row(year_book, bopha).at("grade").as_string(), "A");
    EXPECT_EQ(row(year_book, bopha).at("rank").as_int64(), 1);
    EXPECT_EQ(number(row(year_book, bopha).at("results").at(1).at("result")), 93.57);  // (87.142857 + 100) / 2
    EXPECT_EQ(number(row(year_book, chan).at("average")), 85.0);

    // Semester weights come from the settings: the second counting three times.
    auto settings = t.get_as(admin, "/api/v1/settings/grading").data().as_object();
    settings["semesterWeights"] = boost::json::parse(R"([{"order":2,"weight":3}])");
    ASSERT_EQ(t.as(admin, Call{Method::put, "/api/v1/settings/grading", boost::json::serialize(settings)}).status,
              200u);
    EXPECT_EQ(number(row(gradebook(admin, ""), bopha).at("average")), 95.36);  // (81.428571 + 300) / 4
}

TEST_F(ResultsTest, GradebookChecksThePeriodAndTheReader)
{
    EXPECT_EQ(test::error_details(gradebook(admin, "semesterId=" + std::to_string(other_s1))),
              std::vector<std::string>{"semesterId:WRONG_SCHOOL_YEAR"});
    EXPECT_EQ(test::error_details(gradebook(admin, "month=2027-09")), std::vector<std::string>{"month:OUT_OF_RANGE"});
    EXPECT_EQ(test::error_details(gradebook(admin, "semesterId=" + std::to_string(s1) + "&month=2027-03")),
              std::vector<std::string>{"month:OUT_OF_RANGE"});
    EXPECT_EQ(gradebook(admin, "month=2026-9").status, 400u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/999/gradebook").status, 404u);
    EXPECT_EQ(gradebook(kim, "").status, 403u);
    EXPECT_EQ(gradebook(sokha, "").status, 200u);
}

TEST_F(ResultsTest, GradebookCostsAFixedNumberOfQueries)
{
    auto count = [&] {
        auto before = db::statements_run();
        EXPECT_EQ(gradebook(admin, "semesterId=" + std::to_string(s1)).status, 200u);
        return db::statements_run() - before;
    };
    auto small = count();
    for (int i = 0; i < 5; ++i) {
        auto s = test::enrolled_student(t, a7, i % 2 ? "F" : "M", "Extra");
        grade(s, maths, s1, "EXAM", 30 + i, 50, "2026-09-10");
        grade(s, khmer, s1, "QUIZ", 50 + i, 100, "2026-09-11");
    }
    EXPECT_EQ(count(), small);
}

TEST_F(ResultsTest, GradebookExportIsASpreadsheetOfTheSameNumbers)
{
    {
        auto tx = t.app().database().write();
        tx->execute("UPDATE students SET first_name_kh = 'បុប្ផា', last_name_kh = 'ចាន់' WHERE student_id = $1", bopha);
        tx.commit();
    }
    auto r = t.get_as(admin, "/api/v1/courses/" + std::to_string(a7) +
                                 "/gradebook/export?format=xlsx&semesterId=" + std::to_string(s1));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(r.header("Content-Disposition"), "attachment; filename=\"Gradebook 7A Semester 1.xlsx\"");
    auto file = test::read_xlsx(r.body);
    ASSERT_EQ(file.sheets.size(), 2u);
    const auto& book = file.sheet("Gradebook");
    EXPECT_EQ(book.row(1), (std::vector<std::string>{"Student code", "Last name", "First name", "Last name (Khmer)",
                                                     "First name (Khmer)", "Gender", "KHM class", "Mathematics",
                                                     "Average", "Grade", "Rank"}));
    EXPECT_NE(book.xml.find("xSplit=\"3\" ySplit=\"1\""), std::string::npos);
    // By name, as the JSON: Bopha, Chan, Dara, Eng.
    EXPECT_EQ(book.at("B2").text, "Bopha");
    EXPECT_EQ(book.at("D2").text, "ចាន់");
    EXPECT_EQ(book.at("E2").text, "បុប្ផា");
    EXPECT_EQ(book.at("F2").text, "F");
    EXPECT_EQ(book.at("G2").number(), 70.0);
    EXPECT_EQ(book.at("H2").number(), 87.14);
    EXPECT_EQ(book.at("I2").number(), 81.43);
    EXPECT_EQ(file.number_format(book.at("I2").style), "0.00");
    EXPECT_EQ(book.at("J2").text, "B");
    EXPECT_EQ(book.at("K2").number(), 2.0);
    EXPECT_EQ(book.at("I3").number(), 85.0);
    EXPECT_EQ(book.at("K3").number(), 1.0);
    // Eng has no grades: empty cells, not zeros.
    EXPECT_EQ(book.at("B5").text, "Eng");
    for (const auto* ref : {"G5", "H5", "I5", "J5", "K5"}) {
        EXPECT_FALSE(book.cells.contains(ref)) << ref;
    }

    const auto& stats = file.sheet("Statistics");
    EXPECT_EQ(stats.row(2).at(0), "All");
    EXPECT_EQ(stats.at("B2").number(), 4.0);
    EXPECT_EQ(stats.at("C2").number(), 3.0);
    EXPECT_EQ(stats.at("D2").number(), 82.62);
    EXPECT_EQ(stats.at("F2").number(), 100.0);
    EXPECT_EQ(stats.at("H1").text, "Letter B");
    EXPECT_EQ(stats.at("H2").number(), 3.0);
    EXPECT_EQ(stats.at("A4").text, "Female");
    EXPECT_EQ(stats.at("D4").number(), 81.43);

    auto log = t.get_as(admin, "/api/v1/activity-logs?action=export.gradebook");
    ASSERT_EQ(log.data().as_array().size(), 1u) << log.body;
    const auto& entry = log.data().at(0);
    EXPECT_EQ(entry.at("resourceId"), boost::json::value(std::to_string(a7)));
    EXPECT_EQ(entry.at("details").at("courseId"), a7);
    EXPECT_EQ(entry.at("details").at("semesterId"), s1);
    EXPECT_EQ(entry.at("details").at("format"), "xlsx");
    EXPECT_EQ(entry.at("details").at("rows"), 4);
}

TEST_F(ResultsTest, GradebookExportChecksLikeTheGradebook)
{
    auto path = "/api/v1/courses/" + std::to_string(a7) + "/gradebook/export?format=xlsx";
    auto october = t.get_as(sokha, path + "&month=2026-10");
    ASSERT_EQ(october.status, 200u) << october.body;
    EXPECT_EQ(october.header("Content-Disposition"), "attachment; filename=\"Gradebook 7A October 2026.xlsx\"");
    EXPECT_EQ(test::read_xlsx(october.body).sheet("Gradebook").at("I3").number(), 95.0);  // Chan in October
    EXPECT_EQ(t.get_as(kim, path).status, 403u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/999/gradebook/export?format=xlsx").status, 404u);
    EXPECT_EQ(test::error_details(t.get_as(admin, path + "&month=2027-09")),
              std::vector<std::string>{"month:OUT_OF_RANGE"});
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/" + std::to_string(a7) + "/gradebook/export").status, 400u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/courses/" + std::to_string(a7) + "/gradebook/export?format=pdf").status, 400u);
    // Only the download that was made is in the log.
    EXPECT_EQ(t.get_as(admin, "/api/v1/activity-logs?action=export.gradebook").data().as_array().size(), 1u);
}

TEST_F(ResultsTest, ReportCardHasMonthsSemestersYearAndAttendance)
{
    {
        auto tx = t.app().database().write();
        auto mark = [&](const std::string& date, const std::string& session, const std::string& status) {
            tx->execute("INSERT INTO attendance (student_id, course_id, attendance_date, session, status, created_at, "
                        "updated_at) VALUES ($1, $2, $3, $4, $5, '2026-09-01T08:00:00Z', '2026-09-01T08:00:00Z')",
                        bopha, a7, date, session, status);
        };
        mark("2026-09-02", "AM", "ABSENT");
        mark("2026-09-02", "PM", "PRESENT");
        mark("2026-09-03", "FULL", "LATE");
        mark("2026-11-04", "FULL", "EXCUSED");
        tx.commit();
    }
    auto card = t.get_as(admin, "/api/v1/students/" + std::to_string(bopha) + "/report-card");
    ASSERT_EQ(card.status, 200u) << card.body;
    const auto& d = card.data();
    EXPECT_EQ(d.at("student").at("lastName").as_string(), "Bopha");
    EXPECT_EQ(d.at("course").at("name").as_string(), "7A");
    EXPECT_EQ(d.at("schoolYear").at("name").as_string(), "2026-2027");
    // Months with grades or attendance: September, November (attendance only), February.
    const auto& months = d.at("months").as_array();
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(months.at(0).at("period").at("month").as_string(), "2026-09");
    EXPECT_EQ(months.at(0).at("period").at("nameKh").as_string(), "កញ្ញា 2026");
    EXPECT_EQ(number(months.at(0).at("average")), 81.43);
    EXPECT_EQ(months.at(0).at("rank").as_int64(), 1);  // in September Chan's average is 80
    EXPECT_EQ(months.at(0).at("ranked").as_int64(), 3);
    const auto& september = months.at(0).at("attendance");
    EXPECT_EQ(number(september.at("present")), 0.5);
    EXPECT_EQ(number(september.at("absent")), 0.5);
    EXPECT_EQ(number(september.at("late")), 1.0);
    EXPECT_EQ(number(september.at("days")), 2.0);
    EXPECT_EQ(number(september.at("attendanceRate")), 75.0);
    EXPECT_EQ(months.at(1).at("period").at("month").as_string(), "2026-11");
    EXPECT_TRUE(months.at(1).at("average").is_null());
    EXPECT_EQ(number(months.at(1).at("attendance").at("excused")), 1.0);

    ASSERT_EQ(d.at("semesters").as_array().size(), 2u);
    EXPECT_EQ(number(d.at("semesters").at(0).at("average")), 81.43);
    EXPECT_EQ(d.at("semesters").at(0).at("rank").as_int64(), 2);
    EXPECT_EQ(number(d.at("semesters").at(0).at("attendance").at("days")), 3.0);
    EXPECT_EQ(number(d.at("semesters").at(1).at("average")), 100.0);
    EXPECT_EQ(number(d.at("year").at("average")), 90.71);
    EXPECT_EQ(d.at("year").at("grade").as_string(), "A");
    EXPECT_EQ(d.at("year").at("rank").as_int64(), 1);
    EXPECT_EQ(number(d.at("year").at("attendance").at("attendanceRate")), 50.0);  // 1.5 of 3 days attended

    auto explicit_year = t.get_as(admin, "/api/v1/students/" + std::to_string(bopha) +
                                             "/report-card?schoolYearId=" + std::to_string(year));
    EXPECT_EQ(explicit_year.data(), d);
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/" + std::to_string(bopha) + "/report-card?schoolYearId=" +
                                  std::to_string(other_year))
                  .status,
              404u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/students/9999/report-card").status, 404u);
    EXPECT_EQ(t.get_as(kim, "/api/v1/students/" + std::to_string(bopha) + "/report-card").status, 403u);
    EXPECT_EQ(t.get_as(sokha, "/api/v1/students/" + std::to_string(bopha) + "/report-card").status, 200u);
}

TEST_F(ResultsTest, LearningQualityPerCourseAndForTheSchool)
{
    {
        auto tx = t.app().database().write();
        tx->execute("INSERT INTO attendance (student_id, course_id, attendance_date, session, status, created_at, "
                    "updated_at) VALUES ($1, $2, '2026-09-02', 'FULL', 'PRESENT', '2026-09-01T08:00:00Z', "
                    "'2026-09-01T08:00:00Z'), ($3, $2, '2026-09-02', 'FULL', 'ABSENT', '2026-09-01T08:00:00Z', "
                    "'2026-09-01T08:00:00Z')",
                    bopha, a7, chan);
        tx.commit();
    }
    auto quality = t.get_as(admin, "/api/v1/learning-quality?semesterId=" + std::to_string(s1));
    ASSERT_EQ(quality.status, 200u) << quality.body;
    const auto& d = quality.data();
    EXPECT_EQ(d.at("period").at("type").as_string(), "semester");
    ASSERT_EQ(d.at("courses").as_array().size(), 2u);
    const auto& a = d.at("courses").at(0);
    EXPECT_EQ(a.at("course").at("name").as_string(), "7A");
    EXPECT_EQ(number(a.at("statistics").at("all").at("mean")), 82.62);
    EXPECT_EQ(number(a.at("attendanceRate")), 50.0);
    // The trend: every month of the semester; September's mean of (81.428571, 81.428571, 80).
    ASSERT_EQ(a.at("trend").as_array().size(), 5u);
    EXPECT_EQ(a.at("trend").at(0).at("month").as_string(), "2026-09");
    EXPECT_EQ(number(a.at("trend").at(0).at("mean")), 80.95);
    EXPECT_TRUE(a.at("trend").at(2).at("mean").is_null());
    const auto& b = d.at("courses").at(1);
    EXPECT_EQ(number(b.at("statistics").at("all").at("mean")), 40.0);
    EXPECT_EQ(number(b.at("statistics").at("all").at("passRate")), 0.0);
    EXPECT_TRUE(b.at("attendanceRate").is_null());
    // The school: every student of both courses (85, 81.43, 81.43, 40).
    const auto& school = d.at("school").at("statistics");
    EXPECT_EQ(school.at("all").at("students").as_int64(), 5);
    EXPECT_EQ(number(school.at("all").at("mean")), 71.96);
    EXPECT_EQ(number(school.at("all").at("passRate")), 75.0);
    EXPECT_EQ(school.at("female").at("letters").at(5).at("count").as_int64(), 1);  // Other's F
    EXPECT_EQ(number(d.at("school").at("attendanceRate")), 50.0);

    // Teachers see their courses only.
    auto mine = t.get_as(sokha, "/api/v1/learning-quality");
    ASSERT_EQ(mine.status, 200u) << mine.body;
    ASSERT_EQ(mine.data().at("courses").as_array().size(), 1u);
    EXPECT_EQ(mine.data().at("school").at("statistics").at("all").at("students").as_int64(), 4);
    EXPECT_EQ(t.get_as(kim, "/api/v1/learning-quality").data().at("courses").as_array().size(), 0u);
    auto one = t.get_as(admin, "/api/v1/learning-quality?courseId=" + std::to_string(b7));
    ASSERT_EQ(one.data().at("courses").as_array().size(), 1u);
    EXPECT_EQ(test::error_details(t.get_as(admin, "/api/v1/learning-quality?semesterId=" + std::to_string(other_s1))),
              std::vector<std::string>{"semesterId:WRONG_SCHOOL_YEAR"});
}

}  // namespace
}  // namespace sala
