// The attendance repository on both backends: marks read with their students, courses and
// recorders, list filters (and a teacher's courses), conditional updates, the unique mark, who was
// enrolled on a date (dropped in a later semester, or without one), the registers of a day, the
// aggregate a summary counts from, a month's marks for its register, and the courses in session
// with the registers they have.
#include "school/attendance/attendance_repository.hpp"

#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/users/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/test_app.hpp"

#include <algorithm>

namespace sala {
namespace {

using test::TestDatabase;
namespace repo = attendance::repo;

Date date(std::string_view text)
{
    return *parse_date(text);
}

class AttendanceRepositoryTest : public test::BackendTest {
protected:
    TimePoint now = test::default_start_time();

    // A year from 1 August 2026 with a semester from 1 September to 15 January, class 7A (Sokha's)
    // with Bopha (active), Chan (dropped in the semester) and Dara (dropped without one), and 7B.
    void school(db::Connection& c)
    {
        sokha = users::repo::insert(c, users::NewUser{"sokha", "x", "Sokha", "Chan", "teacher", {}, {}, {}},
                                    "$argon2id$fake", now)
                    .value_or(0);
        year = school_years::repo::insert(
                   c, school_years::SchoolYearInput{"2026-2027", date("2026-08-01"), date("2027-07-31"), true}, now)
                   .value_or(0);
        semester =
            school_years::repo::insert_semester(
                c, school_years::SemesterInput{year, "Semester 1", 1, date("2026-09-01"), date("2027-01-15")}, now)
                .value_or(0);
        a7 = courses::repo::insert(c, courses::CourseInput{year, 7, "A", "7A", sokha, 40, std::nullopt}, now)
                 .value_or(0);
        b7 = courses::repo::insert(c, courses::CourseInput{year, 7, "B", "7B", std::nullopt, 40, std::nullopt}, now)
                 .value_or(0);
        bopha = student(c, "Bopha", a7, "active", std::nullopt);
        chan = student(c, "Chan", a7, "dropped", semester);
        dara = student(c, "Dara", a7, "dropped", std::nullopt);
        vanna = student(c, "Vanna", b7, "active", std::nullopt);
    }

    std::int64_t student(db::Connection& c, const std::string& name, std::int64_t course, const std::string& status,
                         std::optional<std::int64_t> drop_semester)
    {
        auto id = c.query_value<std::int64_t>(
                       "INSERT INTO students (student_code, first_name, last_name, date_of_birth, gender, "
                       "place_of_birth, nationality, religion, address, commune, district, province, enrollment_date, "
                       "created_at, updated_at) VALUES ($1, $2, 'Sok', '2014-03-15', 'F', 'Kampot', 'Khmer', "
                       "'Buddhism', 'St. 1', 'C', 'D', 'Kampot', '2026-09-01', $3, $3) RETURNING student_id",
                       "S-" + name, name, now)
                      .value_or(0);
        c.execute(
            "INSERT INTO enrollments (student_id, course_id, school_year_id, enrollment_date, status, "
            "drop_semester_id, created_at, updated_at) VALUES ($1, $2, $3, '2026-09-01', $4, $5, $6, $6)",
            id, course, year, status, drop_semester, now);
        return id;
    }

    std::int64_t mark(db::Connection& c, std::int64_t student, std::int64_t course, const std::string& day,
                      const std::string& session, const std::string& status)
    {
        return repo::insert(c, repo::Row{student, course, date(day), session, status, std::nullopt, sokha}, now);
    }

    std::int64_t sokha = 0, year = 0, semester = 0, a7 = 0, b7 = 0, bopha = 0, chan = 0, dara = 0, vanna = 0;
};

TEST_P(AttendanceRepositoryTest, MarksRoundTripWithTheirStudentCourseAndRecorder)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    auto id = repo::insert(*tx, repo::Row{bopha, a7, date("2026-09-07"), "AM", "ABSENT", "ផ្លូវលិចទឹក", sokha}, now);
    auto found = repo::find(*tx, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->attendance_date, date("2026-09-07"));
    EXPECT_EQ(found->session, "AM");
    EXPECT_EQ(found->reason, "ផ្លូវលិចទឹក");
    EXPECT_EQ(found->recorded_by, "sokha");
    EXPECT_EQ(found->row_version, 1);
    EXPECT_EQ(found->student.first_name, "Bopha");
    EXPECT_EQ(found->course.name, "7A");
    EXPECT_EQ(found->course.school_year_id, year);
    EXPECT_EQ(repo::find_by_key(*tx, bopha, a7, date("2026-09-07"), "AM")->attendance_id, id);
    EXPECT_FALSE(repo::find_by_key(*tx, bopha, a7, date("2026-09-07"), "PM"));

    // One mark per student, course, date and session.
    try {
        mark(*tx, bopha, a7, "2026-09-07", "AM", "PRESENT");
        ADD_FAILURE() << "a second AM mark was stored";
    } catch (const db::DbError& e) {
        EXPECT_TRUE(e.is_unique_violation()) << e.what();
    }
}

TEST_P(AttendanceRepositoryTest, ConditionalChangesAndDeletes)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    auto id = mark(*tx, bopha, a7, "2026-09-07", "AM", "ABSENT");
    repo::Row moved{bopha, a7, date("2026-09-08"), "FULL", "EXCUSED", "Note", std::nullopt};
    EXPECT_FALSE(repo::update(*tx, id, moved, 2, now));
    EXPECT_TRUE(repo::update(*tx, id, moved, 1, now));
    auto found = repo::find(*tx, id);
    EXPECT_EQ(found->session, "FULL");
    EXPECT_EQ(found->row_version, 2);
    EXPECT_FALSE(found->recorded_by);
    repo::update_mark(*tx, id, "LATE", std::nullopt, sokha, now);
    found = repo::find(*tx, id);
    EXPECT_EQ(found->status, "LATE");
    EXPECT_FALSE(found->reason);
    EXPECT_EQ(found->row_version, 3);
    EXPECT_FALSE(repo::remove(*tx, id, 2));
    EXPECT_TRUE(repo::remove(*tx, id, std::nullopt));
    EXPECT_FALSE(repo::find(*tx, id));
}

TEST_P(AttendanceRepositoryTest, ListFilters)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    mark(*tx, bopha, a7, "2026-09-07", "AM", "ABSENT");
    mark(*tx, bopha, a7, "2026-09-07", "PM", "PRESENT");
    mark(*tx, chan, a7, "2026-09-08", "FULL", "LATE");
    mark(*tx, vanna, b7, "2026-09-08", "FULL", "PRESENT");
    auto total = [&](attendance::AttendanceFilter f) {
        f.order_by = "a.attendance_date DESC, a.attendance_id";
        return repo::list(*tx, f).total;
    };
    attendance::AttendanceFilter f;
    EXPECT_EQ(total(f), 4);
    f.course_id = a7;
    EXPECT_EQ(total(f), 3);
    f.student_id = bopha;
    EXPECT_EQ(total(f), 2);
    f.session = "PM";
    EXPECT_EQ(total(f), 1);
    f = {};
    f.from = date("2026-09-08");
    f.to = date("2026-09-08");
    EXPECT_EQ(total(f), 2);
    f.status = "LATE";
    EXPECT_EQ(total(f), 1);
    f = {};
    f.teacher_id = sokha;  // 7A only
    EXPECT_EQ(total(f), 3);

    attendance::AttendanceFilter page;
    page.order_by = "a.attendance_date DESC, a.session, a.attendance_id";
    page.limit = 2;
    page.page = 2;
    auto second = repo::list(*tx, page);
    EXPECT_EQ(second.total, 4);
    ASSERT_EQ(second.records.size(), 2u);
    EXPECT_EQ(second.records[0].attendance_date, date("2026-09-07"));
    EXPECT_EQ(second.records[0].session, "AM");
}

TEST_P(AttendanceRepositoryTest, WhoIsInTheRegisterOfADay)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    // Chan was dropped in the first semester (counted until it ends), Dara without a semester.
    EXPECT_TRUE(enrollments::repo::enrolled_on(*tx, a7, date("2026-09-07")).contains(bopha));
    EXPECT_FALSE(enrollments::repo::enrolled_on(*tx, a7, date("2026-08-31")).contains(bopha));
    EXPECT_TRUE(enrollments::repo::enrolled_on(*tx, a7, date("2027-01-15")).contains(chan));
    EXPECT_FALSE(enrollments::repo::enrolled_on(*tx, a7, date("2027-01-16")).contains(chan));
    EXPECT_FALSE(enrollments::repo::enrolled_on(*tx, a7, date("2026-09-07")).contains(dara));
    EXPECT_FALSE(enrollments::repo::enrolled_on(*tx, a7, date("2026-09-07")).contains(vanna));
    auto roster = repo::roster(*tx, a7, date("2026-09-07"));
    std::vector<std::int64_t> ids;
    for (const auto& s : roster) {
        ids.push_back(s.student_id);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::int64_t>{bopha, chan}));
    repo::lock_students(*tx, ids);

    mark(*tx, bopha, a7, "2026-09-07", "AM", "ABSENT");
    mark(*tx, dara, a7, "2026-09-07", "AM", "PRESENT");  // marked before the drop was entered
    mark(*tx, vanna, b7, "2026-09-07", "FULL", "PRESENT");
    mark(*tx, bopha, a7, "2026-09-08", "AM", "ABSENT");
    EXPECT_EQ(repo::student_day(*tx, bopha, date("2026-09-07")).size(), 1u);
    EXPECT_EQ(repo::course_day(*tx, a7, date("2026-09-07")).size(), 2u);  // not 7B's Vanna
    auto marks = repo::register_marks(*tx, a7, date("2026-09-07"), "AM");
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_TRUE(repo::register_marks(*tx, a7, date("2026-09-07"), "PM").empty());
}

TEST_P(AttendanceRepositoryTest, SummariesCountBySessionAndStatus)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    mark(*tx, bopha, a7, "2026-09-07", "AM", "ABSENT");
    mark(*tx, bopha, a7, "2026-09-07", "PM", "PRESENT");
    mark(*tx, bopha, a7, "2026-09-08", "AM", "PRESENT");
    mark(*tx, bopha, a7, "2026-09-09", "FULL", "PRESENT");
    mark(*tx, vanna, b7, "2026-09-07", "FULL", "ABSENT");
    auto counts = repo::counts_of_course(*tx, a7, date("2026-09-01"), date("2026-09-30"));
    std::map<std::string, std::int64_t> by_kind;
    for (const auto& c : counts) {
        EXPECT_EQ(c.student_id, bopha);
        by_kind[c.session + " " + c.status] = c.marks;
    }
    EXPECT_EQ(by_kind, (std::map<std::string, std::int64_t>{
                           {"AM ABSENT", 1}, {"AM PRESENT", 1}, {"FULL PRESENT", 1}, {"PM PRESENT", 1}}));
    EXPECT_EQ(repo::counts_of_course(*tx, a7, date("2026-09-09"), date("2026-09-30")).size(), 1u);
    EXPECT_EQ(repo::counts_of_student(*tx, bopha, date("2026-09-01"), date("2026-09-30"), sokha).size(), 4u);
    EXPECT_EQ(repo::counts_of_student(*tx, vanna, date("2026-09-01"), date("2026-09-30"), sokha).size(), 0u);
    EXPECT_EQ(repo::counts_of_student(*tx, vanna, date("2026-09-01"), date("2026-09-30"), std::nullopt).size(), 1u);

    // The course's students in a period: enrolled then (Chan until January), or marked then (Dara).
    mark(*tx, dara, a7, "2026-09-07", "FULL", "PRESENT");
    auto names = [&](Date from, Date to) {
        std::vector<std::string> out;
        for (const auto& s : repo::summary_students(*tx, a7, from, to)) {
            out.push_back(s.first_name);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(names(date("2026-09-01"), date("2026-09-30")), (std::vector<std::string>{"Bopha", "Chan", "Dara"}));
    EXPECT_EQ(names(date("2027-02-01"), date("2027-03-01")), std::vector<std::string>{"Bopha"});
    EXPECT_EQ(repo::student(*tx, chan)->first_name, "Chan");
    EXPECT_FALSE(repo::student(*tx, 9999));
}

TEST_P(AttendanceRepositoryTest, AMonthsMarksOfACourseInDateOrder)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    mark(*tx, chan, a7, "2026-09-08", "FULL", "LATE");
    mark(*tx, bopha, a7, "2026-09-07", "PM", "PRESENT");
    mark(*tx, bopha, a7, "2026-09-07", "AM", "ABSENT");
    mark(*tx, bopha, a7, "2026-10-01", "AM", "PRESENT");  // the next month
    mark(*tx, vanna, b7, "2026-09-07", "FULL", "ABSENT");  // another course
    auto marks = repo::marks_of_course(*tx, a7, date("2026-09-01"), date("2026-09-30"));
    std::vector<std::string> seen;
    for (const auto& m : marks) {
        seen.push_back(std::to_string(m.student_id) + " " + format_date(m.date) + " " + m.session + " " + m.status);
    }
    auto b = std::to_string(bopha);
    EXPECT_EQ(seen, (std::vector<std::string>{b + " 2026-09-07 AM ABSENT", b + " 2026-09-07 PM PRESENT",
                                              std::to_string(chan) + " 2026-09-08 FULL LATE"}));
}

TEST_P(AttendanceRepositoryTest, CoursesInSessionAndTheirRegisters)
{
    TestDatabase t(GetParam());
    auto tx = t.db().write();
    school(*tx);
    auto day = date("2026-09-10");
    auto courses = repo::courses_in_session(*tx, day, std::nullopt);
    ASSERT_EQ(courses.size(), 2u);
    EXPECT_EQ(courses[0].name, "7A");
    EXPECT_EQ(courses[0].homeroom_teacher_id, sokha);
    EXPECT_FALSE(courses[0].am_taken || courses[0].pm_taken || courses[0].any_taken);
    mark(*tx, bopha, a7, "2026-09-10", "AM", "PRESENT");
    mark(*tx, vanna, b7, "2026-09-10", "FULL", "PRESENT");
    courses = repo::courses_in_session(*tx, day, std::nullopt);
    EXPECT_TRUE(courses[0].am_taken);
    EXPECT_FALSE(courses[0].pm_taken);
    EXPECT_TRUE(courses[0].any_taken);
    EXPECT_TRUE(courses[1].am_taken && courses[1].pm_taken && courses[1].any_taken);
    EXPECT_EQ(repo::courses_in_session(*tx, day, sokha).size(), 1u);
    EXPECT_TRUE(repo::courses_in_session(*tx, date("2026-08-20"), std::nullopt).empty());  // before the semester
    EXPECT_EQ(repo::active_role(*tx, sokha), "teacher");
    EXPECT_FALSE(repo::active_role(*tx, 9999));
}

SALA_INSTANTIATE_BACKENDS(AttendanceRepositoryTest);

}  // namespace
}  // namespace sala
