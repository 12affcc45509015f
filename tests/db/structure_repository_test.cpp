// The school-structure repositories on both backends: subjects (codes unique regardless of case,
// grade levels stored and filtered), courses read with their school year and homeroom teacher in
// one query, conditional updates, the database's own guards (unique sections, capacity), and the
// replacement of the subjects a course takes.
#include "school/courses/course_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/subjects/subject_repository.hpp"
#include "school/users/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/test_app.hpp"

namespace sala {
namespace {

using test::TestDatabase;

class StructureRepositoryTest : public test::BackendTest {
protected:
    TimePoint now = test::default_start_time();

    static Date date(std::string_view text) { return *parse_date(text); }

    std::int64_t year(db::Connection& c, const std::string& name, bool current = false)
    {
        auto id = school_years::repo::insert(
            c, school_years::SchoolYearInput{name, date("2026-09-01"), date("2027-07-31"), current}, now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }
    std::int64_t teacher(db::Connection& c, const std::string& username)
    {
        auto id = users::repo::insert(
            c, users::NewUser{username, "unused", "Sokha", "Chan", "teacher", std::nullopt, std::nullopt, std::nullopt},
            "$argon2id$fake", now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }
    std::int64_t subject(db::Connection& c, const std::string& code, std::vector<std::int64_t> levels)
    {
        auto id = subjects::repo::insert(c, subjects::SubjectInput{code, code + " name", std::nullopt, 100, 1, levels},
                                         now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }
    std::int64_t course(db::Connection& c, std::int64_t year_id, std::int64_t grade, const std::string& section,
                        std::optional<std::int64_t> homeroom = std::nullopt)
    {
        auto id = courses::repo::insert(
            c, courses::CourseInput{year_id, grade, section, std::to_string(grade) + section, homeroom, 40, std::nullopt},
            now);
        EXPECT_TRUE(id);
        return id.value_or(0);
    }
};

TEST_P(StructureRepositoryTest, SubjectsRoundTripWithCaseInsensitiveCodes)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto id = subjects::repo::insert(
        *tx, subjects::SubjectInput{"Math-7", "Mathematics", "គណិតវិទ្យា", 87.5, 2.5, {7, 8, 12}}, now);
    ASSERT_TRUE(id);
    auto found = subjects::repo::find_by_id(*tx, *id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code, "Math-7");
    EXPECT_EQ(found->name_kh, "គណិតវិទ្យា");
    EXPECT_EQ(found->max_score, 87.5);
    EXPECT_EQ(found->coefficient, 2.5);
    EXPECT_EQ(found->grade_levels, (std::vector<std::int64_t>{7, 8, 12}));
    EXPECT_EQ(found->row_version, 1);
    EXPECT_EQ(found->created_at, now);
    EXPECT_EQ(subjects::repo::find_id_by_code(*tx, "MATH-7"), id);

    auto other = subjects::repo::insert(*tx, subjects::SubjectInput{"KHM", "Khmer", std::nullopt, 100, 1, {7}}, now);
    ASSERT_TRUE(other);
    std::vector<std::int64_t> wanted{*id, *other + 100};
    auto many = subjects::repo::find_many(*tx, wanted);
    ASSERT_EQ(many.size(), 1u);
    EXPECT_EQ(many.begin()->second.code, "Math-7");
    EXPECT_TRUE(subjects::repo::find_many(*tx, std::vector<std::int64_t>{}).empty());
    // Last: on PostgreSQL a refused statement ends what the transaction may do.
    EXPECT_FALSE(subjects::repo::insert(*tx, subjects::SubjectInput{"MATH-7", "Again", std::nullopt, 100, 1, {7}}, now));
}

TEST_P(StructureRepositoryTest, SubjectListsFilterByGradeLevelAndEscapedText)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    subject(*tx, "ART", {1, 2});
    subject(*tx, "PHY", {10, 11});
    subject(*tx, "CHEM_1%", {11});
    auto codes = [&](subjects::SubjectFilter f) {
        f.order_by = "lower(code) ASC, subject_id ASC";
        std::vector<std::string> out;
        auto page = subjects::repo::list(*tx, f);
        for (const auto& s : page.subjects) {
            out.push_back(s.code);
        }
        EXPECT_EQ(page.total, static_cast<std::int64_t>(out.size()));
        return out;
    };
    EXPECT_EQ(codes({}), (std::vector<std::string>{"ART", "CHEM_1%", "PHY"}));
    EXPECT_EQ(codes({.grade_level = 1}), std::vector<std::string>{"ART"});
    EXPECT_EQ(codes({.grade_level = 11}), (std::vector<std::string>{"CHEM_1%", "PHY"}));
    EXPECT_EQ(codes({.q = "Ph"}), std::vector<std::string>{"PHY"});
    EXPECT_EQ(codes({.q = "_"}), std::vector<std::string>{"CHEM_1%"});
    EXPECT_EQ(codes({.q = "%"}), std::vector<std::string>{"CHEM_1%"});
    EXPECT_EQ(codes({.grade_level = 2, .q = "name"}), std::vector<std::string>{"ART"});
}

TEST_P(StructureRepositoryTest, UpdatesAreConditionalOnTheRowVersion)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto id = subject(*tx, "MATH", {7});
    subject(*tx, "KHM", {7});
    subjects::SubjectInput change{"MATH", "Maths", std::nullopt, 50, 1, {7, 8}};
    EXPECT_EQ(subjects::repo::update(*tx, id, change, 2, now), subjects::repo::Updated::stale);
    EXPECT_EQ(subjects::repo::update(*tx, id, change, 1, now), subjects::repo::Updated::done);
    EXPECT_EQ(subjects::repo::update(*tx, id, change, std::nullopt, now), subjects::repo::Updated::done);
    auto found = subjects::repo::find_by_id(*tx, id);
    EXPECT_EQ(found->row_version, 3);
    EXPECT_EQ(found->grade_levels, (std::vector<std::int64_t>{7, 8}));
    EXPECT_EQ(subjects::repo::update(*tx, id + 100, change, std::nullopt, now), subjects::repo::Updated::stale);
    EXPECT_FALSE(subjects::repo::remove(*tx, id, 1));
    EXPECT_TRUE(subjects::repo::remove(*tx, id, 3));
    EXPECT_FALSE(subjects::repo::find_by_id(*tx, id));
}

TEST_P(StructureRepositoryTest, DuplicateCodesFoundOnlyByTheDatabaseAreReported)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto id = subject(*tx, "MATH", {7});
    subject(*tx, "KHM", {7});
    EXPECT_EQ(subjects::repo::update(*tx, id, subjects::SubjectInput{"khm", "x", std::nullopt, 1, 1, {7}}, std::nullopt, now),
              subjects::repo::Updated::duplicate);
}

TEST_P(StructureRepositoryTest, CourseListsEmbedTheSchoolYearAndHomeroomTeacher)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto current = year(*tx, "2026-2027", true);
    auto old = year(*tx, "2025-2026");
    auto sokha = teacher(*tx, "sokha");
    auto dara = teacher(*tx, "dara");
    auto a7 = course(*tx, current, 7, "A", sokha);
    auto b7 = course(*tx, current, 7, "B");
    course(*tx, old, 8, "A");
    auto maths = subject(*tx, "MATH", {7});
    std::vector<courses::SubjectAssignment> assignments{{maths, dara}};
    courses::repo::replace_subjects(*tx, b7, assignments);

    courses::CourseFilter filter{.order_by = "c.grade_level ASC, c.section ASC, c.course_id ASC"};
    auto page = courses::repo::list(*tx, filter);
    EXPECT_EQ(page.total, 3);
    ASSERT_EQ(page.courses.size(), 3u);
    const auto& first = page.courses[0];
    EXPECT_EQ(first.course_id, a7);
    EXPECT_EQ(first.name, "7A");
    EXPECT_EQ(first.school_year.school_year_id, current);
    EXPECT_EQ(first.school_year.name, "2026-2027");
    EXPECT_EQ(first.school_year.start_date, date("2026-09-01"));
    EXPECT_EQ(first.school_year.end_date, date("2027-07-31"));
    EXPECT_TRUE(first.school_year.is_current);
    ASSERT_TRUE(first.homeroom_teacher);
    EXPECT_EQ(first.homeroom_teacher->user_id, sokha);
    EXPECT_EQ(first.homeroom_teacher->firstname, "Sokha");
    EXPECT_FALSE(page.courses[1].homeroom_teacher);
    EXPECT_EQ(page.courses[2].school_year.name, "2025-2026");
    EXPECT_FALSE(page.courses[2].school_year.is_current);

    auto ids = [&](courses::CourseFilter f) {
        f.order_by = "c.course_id ASC";
        std::vector<std::int64_t> out;
        for (const auto& c : courses::repo::list(*tx, f).courses) {
            out.push_back(c.course_id);
        }
        return out;
    };
    EXPECT_EQ(ids({.school_year_id = current}), (std::vector<std::int64_t>{a7, b7}));
    EXPECT_EQ(ids({.teacher_id = sokha}), std::vector<std::int64_t>{a7});
    EXPECT_EQ(ids({.teacher_id = dara}), std::vector<std::int64_t>{b7});
    EXPECT_EQ(ids({.school_year_id = current, .grade_level = 8}), std::vector<std::int64_t>{});
    EXPECT_EQ(ids({.q = "%b"}), std::vector<std::int64_t>{});
    EXPECT_EQ(ids({.q = "7b"}), std::vector<std::int64_t>{b7});

    courses::CourseFilter second_page{.order_by = "c.course_id ASC", .page = 2, .limit = 2};
    auto rest = courses::repo::list(*tx, second_page);
    EXPECT_EQ(rest.total, 3);
    EXPECT_EQ(rest.courses.size(), 1u);
    EXPECT_EQ(courses::repo::grade_levels_of_current_year(*tx), std::vector<std::int64_t>{7});
}

TEST_P(StructureRepositoryTest, ReplacingACoursesSubjectsReplacesTheWholeSet)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto y = year(*tx, "2026-2027");
    auto id = course(*tx, y, 7, "A");
    auto dara = teacher(*tx, "dara");
    auto maths = subject(*tx, "MATH", {7});
    auto khmer = subject(*tx, "KHM", {7});
    auto art = subject(*tx, "ART", {7});

    std::vector<courses::SubjectAssignment> first{{maths, dara}, {khmer, std::nullopt}};
    courses::repo::replace_subjects(*tx, id, first);
    auto taken = courses::repo::subjects_of(*tx, id);
    ASSERT_EQ(taken.size(), 2u);
    EXPECT_EQ(taken[0].code, "KHM");
    EXPECT_FALSE(taken[0].teacher);
    EXPECT_EQ(taken[1].code, "MATH");
    EXPECT_EQ(taken[1].teacher_id, dara);
    ASSERT_TRUE(taken[1].teacher);
    EXPECT_EQ(taken[1].teacher->lastname, "Chan");
    EXPECT_EQ(taken[1].grade_levels, std::vector<std::int64_t>{7});

    std::vector<courses::SubjectAssignment> second{{art, dara}};
    courses::repo::replace_subjects(*tx, id, second);
    taken = courses::repo::subjects_of(*tx, id);
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0].subject_id, art);
    EXPECT_EQ(subjects::repo::count_course_uses(*tx, maths), 0);
    EXPECT_EQ(subjects::repo::grade_levels_in_use(*tx, art), std::vector<std::int64_t>{7});

    EXPECT_FALSE(courses::repo::touch(*tx, id, 5, now));
    EXPECT_TRUE(courses::repo::touch(*tx, id, 1, now));
    EXPECT_EQ(courses::repo::find_by_id(*tx, id)->row_version, 2);

    // Deleting the course takes its subject list with it.
    EXPECT_TRUE(courses::repo::remove(*tx, id, std::nullopt));
    EXPECT_TRUE(courses::repo::subjects_of(*tx, id).empty());
    EXPECT_EQ(subjects::repo::count_course_uses(*tx, art), 0);
}

TEST_P(StructureRepositoryTest, TheDatabaseGuardsSectionsAndCapacity)
{
    TestDatabase t(GetParam());
    std::int64_t y = 0;
    std::int64_t b = 0;
    {
        auto tx = t.db().write();
        y = year(*tx, "2026-2027");
        auto a = course(*tx, y, 7, "A");
        b = course(*tx, y, 7, "B");
        EXPECT_EQ(courses::repo::section_taken(*tx, y, 7, "A", b), a);
        EXPECT_FALSE(courses::repo::section_taken(*tx, y, 7, "A", a));
        tx.commit();
    }
    // Each refused statement in its own transaction: on PostgreSQL it ends what the transaction may do.
    {
        auto insert = t.db().write();
        EXPECT_FALSE(
            courses::repo::insert(*insert, courses::CourseInput{y, 7, "A", "7A", std::nullopt, 40, std::nullopt}, now));
    }
    auto update = t.db().write();
    courses::CourseInput clash{y, 7, "A", "7A", std::nullopt, 40, std::nullopt};
    EXPECT_EQ(courses::repo::update(*update, b, clash, std::nullopt, now), courses::repo::Updated::duplicate);
}

TEST_P(StructureRepositoryTest, CapacityCannotGoBelowTheActiveEnrollments)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto y = year(*tx, "2026-2027");
    auto a = course(*tx, y, 7, "A");
    tx->execute("UPDATE courses SET active_enrollments = 5 WHERE course_id = $1", a);
    courses::CourseInput smaller{y, 7, "A", "7A", std::nullopt, 4, std::nullopt};
    EXPECT_EQ(courses::repo::update(*tx, a, smaller, std::nullopt, now), courses::repo::Updated::over_capacity);
}

TEST_P(StructureRepositoryTest, OneCurrentYearAndUniqueSemesterOrders)
{
    TestDatabase t(GetParam());
    std::int64_t first = 0;
    school_years::SemesterInput s1;
    {
        auto tx = t.db().write();
        first = year(*tx, "2025-2026", true);
        school_years::repo::clear_other_current(*tx, 0, now);
        auto second = year(*tx, "2026-2027", true);
        ASSERT_TRUE(school_years::repo::find_current(*tx));
        EXPECT_EQ(school_years::repo::find_current(*tx)->school_year_id, second);
        auto old = school_years::repo::find_by_id(*tx, first);
        EXPECT_FALSE(old->is_current);
        EXPECT_EQ(old->row_version, 2);
        EXPECT_EQ(school_years::repo::find_id_by_name(*tx, "2026-2027"), second);

        s1 = school_years::SemesterInput{second, "S1", 1, date("2026-09-01"), date("2027-01-31")};
        auto semester = school_years::repo::insert_semester(*tx, s1, now);
        ASSERT_TRUE(semester);
        EXPECT_EQ(school_years::repo::semester_with_order(*tx, second, 1, 0), semester);
        EXPECT_EQ(school_years::repo::count_references(*tx, second), 1);
        EXPECT_EQ(school_years::repo::semesters_of(*tx, second).size(), 1u);
        tx.commit();
    }
    // Each refused statement in its own transaction: on PostgreSQL it ends what the transaction may do.
    {
        auto again = t.db().write();
        EXPECT_FALSE(school_years::repo::insert_semester(*again, s1, now));
    }
    {
        auto again = t.db().write();
        EXPECT_FALSE(school_years::repo::insert(
            *again, school_years::SchoolYearInput{"2025-2026", date("2025-09-01"), date("2026-07-31"), false}, now));
    }
    {
        // The database itself refuses a second current year.
        auto again = t.db().write();
        EXPECT_THROW(again->execute("UPDATE school_years SET is_current = TRUE WHERE school_year_id = $1", first),
                     db::DbError);
    }
}

SALA_INSTANTIATE_BACKENDS(StructureRepositoryTest);

}  // namespace
}  // namespace sala
