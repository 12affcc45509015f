// The demo school as the API shows it: one current year with two semesters, classes for every
// grade level with teachers and subjects, every student enrolled with guardians (siblings sharing
// theirs), Khmer names and scholarships; the demo teacher has classes; a second run adds nothing;
// a seed always gives the same school.
#include "school/demo/demo_school.hpp"

#include "app/demo.hpp"
#include "support/test_app.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace sala {
namespace {

namespace bj = boost::json;
using test::TestApp;

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
