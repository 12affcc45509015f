// The grade, settings and results repositories on both backends: grades round-trip with their
// related data and filters, the settings document's versions, who is enrolled on a date, the
// rows results are computed from (each one query), and the foreign keys that keep a student with
// grades or attendance from being deleted.
#include "school/enrollments/enrollment_repository.hpp"
#include "school/grades/grade_repository.hpp"
#include "school/results/results_repository.hpp"
#include "school/settings/settings_repository.hpp"
#include "support/backend_test.hpp"
#include "support/test_app.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace sala {
namespace {

using test::TestDatabase;

class GradesRepositoryTest : public test::BackendTest {
protected:
    TimePoint now = test::default_start_time();
    static Date date(std::string_view text) { return *parse_date(text); }

    struct School {
        std::int64_t year = 0, s1 = 0, s2 = 0, subject = 0, course = 0, bopha = 0, chan = 0, dropped = 0;
    };

    School seed(db::Connection& c)
    {
        School s;
        auto stamp = std::string("2026-09-01T08:00:00Z");
        s.year = *c.query_value<std::int64_t>(
            "INSERT INTO school_years (name, start_date, end_date, is_current, created_at, updated_at) "
            "VALUES ('2026-2027', '2026-09-01', '2027-07-31', TRUE, $1, $1) RETURNING school_year_id",
            stamp);
        auto semester = [&](int order, const std::string& start, const std::string& end) {
            return *c.query_value<std::int64_t>(
                "INSERT INTO semesters (school_year_id, name, semester_order, start_date, end_date, created_at, "
                "updated_at) VALUES ($1, 'S', $2, $3, $4, $5, $5) RETURNING semester_id",
                s.year, order, start, end, stamp);
        };
        s.s1 = semester(1, "2026-09-01", "2027-01-31");
        s.s2 = semester(2, "2027-02-01", "2027-07-31");
        s.subject = *c.query_value<std::int64_t>(
            "INSERT INTO subjects (code, name, max_score, coefficient, grade_levels, created_at, updated_at) "
            "VALUES ('MATH', 'Mathematics', 100, 2, '7', $1, $1) RETURNING subject_id",
            stamp);
        s.course = *c.query_value<std::int64_t>(
            "INSERT INTO courses (school_year_id, grade_level, section, name, capacity, created_at, updated_at) "
            "VALUES ($1, 7, 'A', '7A', 40, $2, $2) RETURNING course_id",
            s.year, stamp);
        c.execute("INSERT INTO course_subjects (course_id, subject_id) VALUES ($1, $2)", s.course, s.subject);
        auto student = [&](const std::string& code, const std::string& last, const std::string& gender,
                           const std::string& status, std::optional<std::int64_t> drop_semester) {
            auto id = *c.query_value<std::int64_t>(
                "INSERT INTO students (student_code, first_name, last_name, date_of_birth, gender, place_of_birth, "
                "nationality, religion, address, commune, district, province, enrollment_date, created_at, "
                "updated_at) VALUES ($1, 'A', $2, '2014-03-15', $3, 'PP', 'Khmer', 'Buddhism', 'St', 'C', 'D', "
                "'PP', '2026-09-01', $4, $4) RETURNING student_id",
                code, last, gender, stamp);
            c.execute("INSERT INTO enrollments (student_id, course_id, school_year_id, enrollment_date, status, "
                      "drop_semester_id, created_at, updated_at) VALUES ($1, $2, $3, '2026-09-01', $4, $5, $6, $6)",
                      id, s.course, s.year, status, drop_semester, stamp);
            return id;
        };
        s.bopha = student("S-1", "Bopha", "F", "active", std::nullopt);
        s.chan = student("S-2", "Chan", "M", "active", std::nullopt);
        s.dropped = student("S-3", "Dara", "M", "dropped", s.s1);
        return s;
    }

    grades::repo::Row row(const School& s, std::int64_t student, const std::string& type, double score,
                          const std::string& day, std::int64_t semester = 0)
    {
        return grades::repo::Row{student, s.course, s.subject, semester ? semester : s.s1, type, score, 50,
                                 date(day), std::nullopt, 1};
    }
};

TEST_P(GradesRepositoryTest, GradesRoundTripWithRelatedDataAndFilters)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto s = seed(*tx);
    auto first = grades::repo::insert(*tx, row(s, s.bopha, "EXAM", 44.5, "2026-09-10"), now);
    auto second = grades::repo::insert(*tx, row(s, s.chan, "QUIZ", 30, "2026-10-02"), now);
    (void)grades::repo::insert(*tx, row(s, s.chan, "EXAM", 20, "2027-02-03", s.s2), now);

    auto found = grades::repo::find(*tx, first);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->score, 44.5);
    EXPECT_EQ(found->month, "2026-09");
    EXPECT_EQ(found->student.last_name, "Bopha");
    EXPECT_EQ(found->subject.coefficient, 2.0);
    EXPECT_EQ(found->course.name, "7A");
    EXPECT_EQ(found->semester.order, 1);

    grades::GradeFilter f;
    f.order_by = "g.grade_id";
    f.limit = 10;
    EXPECT_EQ(grades::repo::list(*tx, f).total, 3);
    f.month = "2026-10";
    auto october = grades::repo::list(*tx, f);
    ASSERT_EQ(october.grades.size(), 1u);
    EXPECT_EQ(october.grades.front().grade_id, second);
    f.month.reset();
    f.semester_id = s.s2;
    EXPECT_EQ(grades::repo::list(*tx, f).total, 1);
    f.semester_id.reset();
    f.teacher_id = 999;  // teaches nothing
    EXPECT_EQ(grades::repo::list(*tx, f).total, 0);

    std::vector<std::int64_t> ids{second, first};
    auto many = grades::repo::find_many(*tx, ids);
    ASSERT_EQ(many.size(), 2u);
    EXPECT_EQ(many.front().grade_id, first);

    EXPECT_FALSE(grades::repo::update(*tx, first, row(s, s.bopha, "EXAM", 40, "2026-11-01"), 7, now));
    EXPECT_TRUE(grades::repo::update(*tx, first, row(s, s.bopha, "EXAM", 40, "2026-11-01"), 1, now));
    EXPECT_EQ(grades::repo::find(*tx, first)->month, "2026-11");
    EXPECT_EQ(grades::repo::find(*tx, first)->row_version, 2);
    EXPECT_TRUE(grades::repo::remove(*tx, first, 2));
    EXPECT_FALSE(grades::repo::find(*tx, first));
    tx.commit();
}

TEST_P(GradesRepositoryTest, SettingsDocumentsAreVersioned)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    EXPECT_FALSE(settings::repo::find(*tx, "grading"));
    EXPECT_FALSE(settings::repo::save(*tx, "grading", R"({"a":1})", 1, 5, now));  // not created yet
    EXPECT_TRUE(settings::repo::save(*tx, "grading", R"({"a":1})", 0, 5, now));
    auto stored = settings::repo::find(*tx, "grading");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->value, R"({"a":1})");
    EXPECT_EQ(stored->row_version, 1);
    EXPECT_EQ(stored->updated_by, 5);
    EXPECT_FALSE(settings::repo::save(*tx, "grading", R"({"a":2})", 0, 5, now));
    EXPECT_TRUE(settings::repo::save(*tx, "grading", R"({"a":2})", std::nullopt, 6, now));
    EXPECT_EQ(settings::repo::find(*tx, "grading")->row_version, 2);
    tx.commit();
}

TEST_P(GradesRepositoryTest, EnrolledOnADateCountsDropsUntilTheirSemesterEnds)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto s = seed(*tx);
    auto in_first = enrollments::repo::enrolled_on(*tx, s.course, date("2026-10-01"));
    EXPECT_EQ(in_first, (std::set<std::int64_t>{s.bopha, s.chan, s.dropped}));
    auto in_second = enrollments::repo::enrolled_on(*tx, s.course, date("2027-03-01"));
    EXPECT_EQ(in_second, (std::set<std::int64_t>{s.bopha, s.chan}));
    EXPECT_TRUE(enrollments::repo::enrolled_on(*tx, s.course, date("2026-08-31")).empty());
}

TEST_P(GradesRepositoryTest, ResultsReadTheirRowsInOneQueryEach)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    auto s = seed(*tx);
    (void)grades::repo::insert(*tx, row(s, s.bopha, "EXAM", 44.5, "2026-09-10"), now);
    (void)grades::repo::insert(*tx, row(s, s.chan, "PARTICIPATION", 10, "2026-10-02"), now);
    for (auto [student, session, status] : {std::tuple{s.bopha, "AM", "ABSENT"}, std::tuple{s.bopha, "PM", "PRESENT"},
                                            std::tuple{s.chan, "AM", "PRESENT"}, std::tuple{s.chan, "PM", "PRESENT"}}) {
        tx->execute("INSERT INTO attendance (student_id, course_id, attendance_date, session, status, created_at, "
                    "updated_at) VALUES ($1, $2, '2026-09-02', $3, $4, '2026-09-01T08:00:00Z', '2026-09-01T08:00:00Z')",
                    student, s.course, std::string(session), std::string(status));
    }
    auto before = db::statements_run();
    auto roster = results::repo::roster(*tx, s.course);
    EXPECT_EQ(db::statements_run() - before, 1u);
    ASSERT_EQ(roster.size(), 2u);  // the dropped student is not on it
    EXPECT_EQ(roster.front().last_name, "Bopha");
    EXPECT_EQ(results::repo::year_roster(*tx, s.year, std::nullopt).size(), 2u);

    auto grades = results::repo::course_grades(*tx, s.course);
    ASSERT_EQ(grades.size(), 2u);
    auto exam = std::find_if(grades.begin(), grades.end(), [&](const auto& g) { return g.student_id == s.bopha; });
    EXPECT_EQ(exam->month, 202609);
    EXPECT_EQ(exam->category, 2);  // EXAM
    EXPECT_EQ(exam->score, 44.5);
    EXPECT_EQ(exam->max_score, 50.0);
    auto year = results::repo::year_grades(*tx, s.year, s.course);
    ASSERT_EQ(year.size(), 2u);
    EXPECT_EQ(year.front().course_id, s.course);
    auto subjects = results::repo::year_subjects(*tx, s.year);
    ASSERT_EQ(subjects.size(), 1u);
    EXPECT_EQ(subjects.front().subject.coefficient, 2.0);

    auto mine = results::repo::course_attendance(*tx, s.course, s.bopha);
    EXPECT_EQ(mine.size(), 2u);
    auto everyone = results::repo::course_attendance(*tx, s.course, std::nullopt);
    EXPECT_GT(everyone.size(), mine.size());
    auto course = results::repo::year_attendance(*tx, s.year, std::nullopt);
    std::int64_t present = 0;
    for (const auto& a : course) {
        EXPECT_EQ(a.student_id, 0);
        EXPECT_EQ(a.date, date("2026-09-02"));
        present += a.status == "PRESENT" ? a.count : 0;
    }
    EXPECT_EQ(present, 3);
}

TEST_P(GradesRepositoryTest, AStudentWithGradesOrAttendanceCannotBeDeleted)
{
    TestDatabase t(GetParam());
    School s;
    {
        auto tx = t.db().write();
        s = seed(*tx);
        (void)grades::repo::insert(*tx, row(s, s.bopha, "EXAM", 44.5, "2026-09-10"), now);
        tx->execute("INSERT INTO attendance (student_id, course_id, attendance_date, session, status, created_at, "
                    "updated_at) VALUES ($1, $2, '2026-09-02', 'FULL', 'PRESENT', '2026-09-01T08:00:00Z', "
                    "'2026-09-01T08:00:00Z')",
                    s.chan, s.course);
        tx.commit();
    }
    for (auto student : {s.bopha, s.chan}) {
        auto tx = t.db().write();
        try {
            tx->execute("DELETE FROM students WHERE student_id = $1", student);
            ADD_FAILURE() << "deleted student " << student;
        } catch (const db::DbError& e) {
            EXPECT_EQ(e.kind(), db::DbError::Kind::foreign_key);
        }
    }
}

SALA_INSTANTIATE_BACKENDS(GradesRepositoryTest);

}  // namespace
}  // namespace sala
