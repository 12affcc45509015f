// The demo school as the API shows it: one current year with two semesters, classes for every
// grade level with teachers and subjects, every student enrolled with guardians (siblings sharing
// theirs), Khmer names and scholarships, the term so far of grades and registers (never dated after
// today); the demo teacher has classes; a second run adds nothing; a seed always gives the same school.
#include "school/demo/demo_school.hpp"

#include "app/demo.hpp"
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sala {
namespace {

namespace bj = boost::json;
using test::TestApp;
using namespace std::chrono_literals;

constexpr std::int64_t kStudents = 120;

// Khmer script is U+1780–U+17FF: E1 9E 80 to E1 9F BF in UTF-8.
bool has_khmer(std::string_view text)
{
    return text.find("\xE1\x9E") != std::string_view::npos || text.find("\xE1\x9F") != std::string_view::npos;
}

demo::DemoSchoolSummary make_school(TestApp& t, std::uint64_t seed, std::int64_t students = kStudents)
{
    demo::DemoSchoolOptions options;
    options.students = students;
    options.seed = seed;
    return demo::create_demo_school(t.app().database(), t.clock(), options);
}

// Every page of a list (at most 100 rows a page).
std::vector<bj::value> all_rows(TestApp& t, const test::SignedIn& who, const std::string& target)
{
    std::vector<bj::value> rows;
    auto separator = target.find('?') == std::string::npos ? "?" : "&";
    for (int page = 1;; ++page) {
        auto r = t.get_as(who, target + separator + "limit=100&page=" + std::to_string(page));
        EXPECT_EQ(r.status, 200u) << r.body;
        const auto& data = r.data().as_array();
        rows.insert(rows.end(), data.begin(), data.end());
        if (data.size() < 100 || r.status != 200u) {
            return rows;
        }
    }
}

// The students as the API lists them, without the timestamps of the moment they were written.
std::string students_without_times(TestApp& t, const test::SignedIn& who)
{
    auto rows = all_rows(t, who, "/api/v1/students?sort=studentCode");
    bj::array out;
    for (auto& row : rows) {
        row.as_object().erase("createdAt");
        row.as_object().erase("updatedAt");
        for (auto& s : row.as_object()["scholarships"].as_array()) {
            s.as_object().erase("createdAt");
            s.as_object().erase("updatedAt");
        }
        out.push_back(row);
    }
    return bj::serialize(out);
}

class DemoSchoolTest : public ::testing::Test {
protected:
    DemoSchoolTest()
    {
        accounts = app::ensure_demo_accounts(t.app().database(), t.clock(), t.app().config());
        summary = make_school(t, 1);
        admin = t.sign_in("admin", password_of("admin"));
    }
    std::string password_of(const std::string& username)
    {
        for (const auto& a : accounts) {
            if (a.username == username) {
                return a.password;
            }
        }
        return {};
    }

    TestApp t;
    std::vector<app::DemoAccount> accounts;
    demo::DemoSchoolSummary summary;
    test::SignedIn admin;
};

TEST_F(DemoSchoolTest, OneCurrentYearWithTwoSemesters)
{
    EXPECT_TRUE(summary.created);
    EXPECT_EQ(summary.school_year, "2026-2027");  // on 1 September, the year about to start
    auto years = t.get_as(admin, "/api/v1/school-years");
    ASSERT_EQ(years.status, 200u) << years.body;
    ASSERT_EQ(years.data().as_array().size(), 1u);
    const auto& year = years.data().as_array()[0];
    EXPECT_EQ(year.at("name"), "2026-2027");
    EXPECT_EQ(year.at("isCurrent"), true);
    EXPECT_EQ(year.at("startDate"), "2026-11-01");
    EXPECT_EQ(year.at("endDate"), "2027-08-31");

    auto id = std::to_string(year.at("schoolYearId").as_int64());
    auto semesters = t.get_as(admin, "/api/v1/school-years/" + id + "/semesters");
    ASSERT_EQ(semesters.status, 200u) << semesters.body;
    const auto& list = semesters.data().as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("order"), 1);
    EXPECT_EQ(list[1].at("order"), 2);
    EXPECT_EQ(list[0].at("startDate"), "2026-11-01");
    EXPECT_LT(list[0].at("endDate").as_string(), list[1].at("startDate").as_string());
    EXPECT_EQ(list[1].at("endDate"), "2027-08-31");
}

TEST_F(DemoSchoolTest, ClassesForEveryGradeWithTeachersAndSubjects)
{
    auto courses = all_rows(t, admin, "/api/v1/courses");
    EXPECT_EQ(static_cast<std::int64_t>(courses.size()), summary.courses);
    std::set<std::int64_t> grades;
    std::int64_t seats = 0;
    for (const auto& c : courses) {
        grades.insert(c.at("gradeLevel").as_int64());
        EXPECT_FALSE(c.at("homeroomTeacher").is_null()) << c;
        EXPECT_EQ(std::string(c.at("name").as_string()),
                  std::to_string(c.at("gradeLevel").as_int64()) + std::string(c.at("section").as_string()));
        EXPECT_LE(c.at("enrolledCount").as_int64(), c.at("capacity").as_int64());
        seats += c.at("enrolledCount").as_int64();

        auto subjects = t.get_as(admin, "/api/v1/courses/" + std::to_string(c.at("courseId").as_int64()) + "/subjects");
        ASSERT_EQ(subjects.status, 200u) << subjects.body;
        const auto& taken = subjects.data().as_array();
        EXPECT_GE(taken.size(), c.at("gradeLevel").as_int64() <= 6 ? 5u : 10u);
        for (const auto& s : taken) {
            EXPECT_FALSE(s.at("teacher").is_null()) << s;
        }
    }
    EXPECT_EQ(grades, (std::set<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    EXPECT_EQ(seats, kStudents);

    auto subjects = all_rows(t, admin, "/api/v1/subjects");
    EXPECT_EQ(static_cast<std::int64_t>(subjects.size()), summary.subjects);
    for (const auto& s : subjects) {
        EXPECT_TRUE(has_khmer(s.at("nameKh").as_string())) << s;
        EXPECT_GT(s.at("coefficient").to_number<double>(), 0);
    }
    auto teachers = t.get_as(admin, "/api/v1/users?role=teacher&limit=1");
    EXPECT_EQ(teachers.json.at("pagination").at("total").as_int64(), summary.teachers + 1);  // and the demo teacher
}

TEST_F(DemoSchoolTest, EveryStudentEnrolledWithGuardiansSiblingsShareTheirs)
{
    auto students = all_rows(t, admin, "/api/v1/students");
    ASSERT_EQ(static_cast<std::int64_t>(students.size()), kStudents);
    std::map<std::int64_t, int> children_of;
    int with_scholarship = 0;
    int with_health = 0;
    for (const auto& s : students) {
        const auto& enrollments = s.at("enrollments").as_array();
        ASSERT_EQ(enrollments.size(), 1u) << s;
        EXPECT_EQ(enrollments[0].at("status"), "active");
        EXPECT_EQ(enrollments[0].at("enrollmentDate"), "2026-11-01");
        const auto& guardians = s.at("guardians").as_array();
        ASSERT_GE(guardians.size(), 1u) << s;
        EXPECT_EQ(guardians[0].at("isPrimary"), true);
        for (const auto& g : guardians) {
            ++children_of[g.at("guardianId").as_int64()];
        }
        EXPECT_TRUE(has_khmer(s.at("firstNameKh").as_string())) << s;
        EXPECT_TRUE(has_khmer(s.at("lastNameKh").as_string())) << s;
        EXPECT_FALSE(has_khmer(s.at("firstName").as_string())) << s;
        EXPECT_FALSE(s.at("family").is_null());
        with_scholarship += s.at("scholarships").as_array().empty() ? 0 : 1;
        with_health += s.at("medicalConditions").is_null() && s.at("allergies").is_null() ? 0 : 1;
    }
    auto shared = std::count_if(children_of.begin(), children_of.end(), [](const auto& g) { return g.second >= 2; });
    EXPECT_GT(shared, 0);
    EXPECT_EQ(static_cast<std::int64_t>(children_of.size()), summary.guardians);
    EXPECT_GT(with_scholarship, 0);
    EXPECT_GT(with_health, 0);

    auto enrolled = t.get_as(admin, "/api/v1/students/enrolled?limit=1");
    EXPECT_EQ(enrolled.json.at("pagination").at("total").as_int64(), kStudents);
}

TEST_F(DemoSchoolTest, TheDemoTeacherHasClassesAndSeesTheirStudents)
{
    auto teacher = t.sign_in("teacher", password_of("teacher"));
    auto taught = all_rows(t, teacher, "/api/v1/courses?teacherId=" + std::to_string(teacher.user_id));
    ASSERT_GE(taught.size(), 2u);
    auto homeroom = std::find_if(taught.begin(), taught.end(),
                                 [&](const bj::value& c) { return c.at("homeroomTeacherId") == teacher.user_id; });
    ASSERT_NE(homeroom, taught.end());
    auto course = std::to_string(homeroom->at("courseId").as_int64());
    auto students = all_rows(t, teacher, "/api/v1/students?courseId=" + course);
    ASSERT_FALSE(students.empty());
    EXPECT_EQ(static_cast<std::int64_t>(students.size()), homeroom->at("enrolledCount").as_int64());
    for (const auto& s : students) {
        EXPECT_TRUE(s.as_object().contains("bloodType")) << "the sensitive fields of their own students";
    }
}

// Made on 1 September, before its year begins, the demo shows the year's first six weeks: 2 November
// to 11 December, 30 school days of AM and PM registers.
TEST_F(DemoSchoolTest, BeforeItsYearBeginsTheFirstSixWeeksAreShown)
{
    EXPECT_EQ(summary.attendance, 30 * 2 * kStudents);
    auto first = t.get_as(admin, "/api/v1/attendance?limit=1&sort=attendanceDate");
    auto last = t.get_as(admin, "/api/v1/attendance?limit=1&sort=-attendanceDate");
    ASSERT_EQ(first.status, 200u) << first.body;
    EXPECT_EQ(first.json.at("pagination").at("total").as_int64(), summary.attendance);
    EXPECT_EQ(first.data().at(0).at("attendanceDate"), "2026-11-02");
    EXPECT_EQ(last.data().at(0).at("attendanceDate"), "2026-12-11");

    EXPECT_GT(summary.grades, 0);
    auto earliest = t.get_as(admin, "/api/v1/grades?limit=1&sort=gradeDate");
    auto latest = t.get_as(admin, "/api/v1/grades?limit=1&sort=-gradeDate");
    ASSERT_EQ(earliest.status, 200u) << earliest.body;
    EXPECT_EQ(earliest.json.at("pagination").at("total").as_int64(), summary.grades);
    EXPECT_GE(earliest.data().at(0).at("gradeDate").as_string(), "2026-11-02");
    EXPECT_LE(latest.data().at(0).at("gradeDate").as_string(), "2026-12-11");
}

TEST_F(DemoSchoolTest, ASecondRunAddsNothing)
{
    auto again = make_school(t, 2);
    EXPECT_FALSE(again.created);
    EXPECT_EQ(demo::describe(again), "not created: the database already has a school year");
    auto years = t.get_as(admin, "/api/v1/school-years");
    EXPECT_EQ(years.data().as_array().size(), 1u);
    auto students = t.get_as(admin, "/api/v1/students?limit=1");
    EXPECT_EQ(students.json.at("pagination").at("total").as_int64(), kStudents);
}

TEST(DemoSchool, TheSameSeedGivesTheSameSchool)
{
    auto school_of = [](std::uint64_t seed) {
        TestApp t;
        t.add_user("admin", "admin");
        auto admin = t.sign_in("admin");
        auto summary = make_school(t, seed, 60);
        EXPECT_EQ(summary.students, 60);
        return students_without_times(t, admin);
    };
    auto first = school_of(7);
    EXPECT_EQ(school_of(7), first);
    EXPECT_NE(school_of(8), first);
}

// Three weeks into the year (Saturday 21 November 2026): a register every school day so far, AM and
// PM, for every student, about nine marks in ten present; grades from the first week to the last
// school day, in the first semester, out of 10, 20, 50 or 100 in half points; none dated after
// today; the demo teacher marked their own subjects and took their class's registers.
TEST(DemoSchool, TheTermSoFarHasGradesAndRegistersUpToToday)
{
    TestApp t;
    t.clock().set(std::chrono::sys_days(2026y / std::chrono::November / 21) + 10h);
    auto accounts = app::ensure_demo_accounts(t.app().database(), t.clock(), t.app().config());
    auto summary = make_school(t, 1);
    auto password = [&](const std::string& username) {
        auto a = std::find_if(accounts.begin(), accounts.end(), [&](const auto& x) { return x.username == username; });
        return a == accounts.end() ? std::string() : a->password;
    };
    auto admin = t.sign_in("admin", password("admin"));
    auto total = [&](const std::string& target) {
        auto r = t.get_as(admin, target);
        EXPECT_EQ(r.status, 200u) << r.body;
        return r.status == 200u ? r.json.at("pagination").at("total").as_int64() : -1;
    };

    EXPECT_EQ(summary.attendance, 15 * 2 * kStudents);  // 2–6, 9–13 and 16–20 November
    EXPECT_EQ(total("/api/v1/attendance?limit=1"), summary.attendance);
    EXPECT_EQ(total("/api/v1/attendance?limit=1&from=2026-11-21"), 0);
    EXPECT_EQ(total("/api/v1/attendance?limit=1&to=2026-10-31"), 0);
    auto attended =
        total("/api/v1/attendance?limit=1&status=PRESENT") + total("/api/v1/attendance?limit=1&status=LATE");
    EXPECT_GT(attended, summary.attendance * 85 / 100);
    EXPECT_LT(attended, summary.attendance * 97 / 100);
    EXPECT_GT(total("/api/v1/attendance?limit=1&status=ABSENT"), 0);
    for (const auto& mark : all_rows(t, admin, "/api/v1/attendance?status=EXCUSED")) {
        EXPECT_FALSE(mark.at("reason").is_null()) << mark;
    }

    EXPECT_GT(summary.grades, 0);
    EXPECT_EQ(total("/api/v1/grades?limit=1"), summary.grades);
    EXPECT_EQ(total("/api/v1/grades?limit=1&month=2026-12"), 0);
    auto earliest = t.get_as(admin, "/api/v1/grades?limit=1&sort=gradeDate");
    auto latest = t.get_as(admin, "/api/v1/grades?limit=1&sort=-gradeDate");
    EXPECT_GE(earliest.data().at(0).at("gradeDate").as_string(), "2026-11-02");
    EXPECT_LE(latest.data().at(0).at("gradeDate").as_string(), "2026-11-20");
    auto page = t.get_as(admin, "/api/v1/grades?limit=100");
    for (const auto& g : page.data().as_array()) {
        auto score = g.at("score").to_number<double>();
        auto max = g.at("maxScore").to_number<double>();
        EXPECT_TRUE(max == 10 || max == 20 || max == 50 || max == 100) << g;
        EXPECT_GE(score, 0) << g;
        EXPECT_LE(score, max) << g;
        EXPECT_EQ(score * 2, std::round(score * 2)) << g;
        EXPECT_EQ(g.at("semester").at("order"), 1) << g;
        EXPECT_EQ(g.at("month").as_string(), g.at("gradeDate").as_string().subview(0, 7)) << g;
        EXPECT_FALSE(g.at("recordedBy").is_null()) << g;
    }

    auto teacher = t.sign_in("teacher", password("teacher"));
    auto taught = all_rows(t, teacher, "/api/v1/courses?teacherId=" + std::to_string(teacher.user_id));
    auto homeroom = std::find_if(taught.begin(), taught.end(),
                                 [&](const bj::value& c) { return c.at("homeroomTeacherId") == teacher.user_id; });
    ASSERT_NE(homeroom, taught.end());
    auto course = std::to_string(homeroom->at("courseId").as_int64());
    auto registers = t.get_as(admin, "/api/v1/attendance?limit=100&courseId=" + course);
    ASSERT_FALSE(registers.data().as_array().empty());
    for (const auto& mark : registers.data().as_array()) {
        EXPECT_EQ(mark.at("recordedBy"), "teacher") << mark;
    }
    int maths = 0;
    for (const auto& g : all_rows(t, admin, "/api/v1/grades?courseId=" + course)) {
        if (g.at("subject").at("code") == "MATH") {
            EXPECT_EQ(g.at("recordedBy"), "teacher") << g;
            ++maths;
        }
    }
    EXPECT_GT(maths, 0);
}

TEST(DemoSchool, AFailureLeavesTheDatabaseAsItWas)
{
    TestApp t;
    t.add_user("admin", "admin");
    auto admin = t.sign_in("admin");
    demo::DemoSchoolOptions options;
    options.students = 30000;
    options.grade_levels = {7};  // 30 000 students in one grade level: more than 26 classes hold
    EXPECT_THROW((void)demo::create_demo_school(t.app().database(), t.clock(), options), Failure);
    EXPECT_EQ(t.get_as(admin, "/api/v1/school-years").data().as_array().size(), 0u);
    EXPECT_EQ(t.get_as(admin, "/api/v1/subjects").data().as_array().size(), 0u);
}

}  // namespace
}  // namespace sala
