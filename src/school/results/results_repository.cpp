// See results_repository.hpp.
#include "school/results/results_repository.hpp"

#include <iterator>

namespace sala::results::repo {
namespace {

constexpr std::string_view kRosterColumns =
    "SELECT e.course_id, s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, "
    "s.gender FROM enrollments e JOIN students s ON s.student_id = e.student_id ";

constexpr std::string_view kRoster =
    "WHERE e.course_id = $1 AND e.status IN ('active', 'completed') "
    "ORDER BY s.last_name, s.first_name, s.student_id";

constexpr std::string_view kYearRoster =
    "JOIN courses c ON c.course_id = e.course_id WHERE c.school_year_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR c.course_id = CAST($2 AS BIGINT)) AND e.status IN ('active', 'completed') "
    "ORDER BY c.grade_level, c.section, s.last_name, s.first_name, s.student_id";

constexpr std::string_view kYearSubjects =
    "SELECT cs.course_id, cs.subject_id, sub.coefficient FROM course_subjects cs "
    "JOIN subjects sub ON sub.subject_id = cs.subject_id JOIN courses c ON c.course_id = cs.course_id "
    "WHERE c.school_year_id = $1 ORDER BY cs.course_id, lower(sub.code), sub.subject_id";

constexpr std::string_view kCourseGrades =
    "SELECT g.course_id, g.student_id, g.subject_id, g.semester_id, g.grade_month, g.grade_type, g.score, "
    "g.max_score FROM grades g WHERE g.course_id = $1";

constexpr std::string_view kYearGrades =
    "SELECT g.course_id, g.student_id, g.subject_id, g.semester_id, g.grade_month, g.grade_type, g.score, "
    "g.max_score FROM grades g JOIN courses c ON c.course_id = g.course_id WHERE c.school_year_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR c.course_id = CAST($2 AS BIGINT))";

constexpr std::string_view kCourseAttendance =
    "SELECT course_id, student_id, attendance_date, session, status, count(*) AS n FROM attendance "
    "WHERE course_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR student_id = CAST($2 AS BIGINT)) "
    "GROUP BY course_id, student_id, attendance_date, session, status";

constexpr std::string_view kYearAttendance =
    "SELECT a.course_id, 0 AS student_id, a.attendance_date, a.session, a.status, count(*) AS n FROM attendance a "
    "JOIN courses c ON c.course_id = a.course_id WHERE c.school_year_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR c.course_id = CAST($2 AS BIGINT)) "
    "GROUP BY a.course_id, a.attendance_date, a.session, a.status";

RosterEntry roster_entry(const db::Row& r)
{
    return RosterEntry{r.get<std::int64_t>("course_id"),
                       r.get<std::int64_t>("student_id"),
                       r.get<std::string>("student_code"),
                       r.get<std::string>("first_name"),
                       r.get<std::string>("last_name"),
                       r.get<std::optional<std::string>>("first_name_kh"),
                       r.get<std::optional<std::string>>("last_name_kh"),
                       r.get<std::string>("gender")};
}

int category_of(std::string_view type)
{
    for (std::size_t i = 0; i < std::size(grading::kGradeTypes); ++i) {
        if (grading::kGradeTypes[i] == type) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

grading::GradeFact fact(const db::Row& r)
{
    return grading::GradeFact{r.get<std::int64_t>(std::size_t{1}),
                              r.get<std::int64_t>(std::size_t{2}),
                              r.get<std::int64_t>(std::size_t{3}),
                              grading::month_number(r.get<std::string>(std::size_t{4})),
                              category_of(r.get<std::string>(std::size_t{5})),
                              r.get<double>(std::size_t{6}),
                              r.get<double>(std::size_t{7})};
}

std::vector<AttendanceCount> attendance_counts(db::Rows rows)
{
    std::vector<AttendanceCount> out;
    for (auto r : rows) {
        out.push_back(AttendanceCount{r.get<std::int64_t>(std::size_t{0}), r.get<std::int64_t>(std::size_t{1}),
                                      r.get<Date>(std::size_t{2}), r.get<std::string>(std::size_t{3}),
                                      r.get<std::string>(std::size_t{4}), r.get<std::int64_t>(std::size_t{5})});
    }
    return out;
}

}  // namespace

std::vector<RosterEntry> roster(db::Connection& c, std::int64_t course_id)
{
    std::vector<RosterEntry> out;
    for (auto r : c.query(std::string(kRosterColumns) + std::string(kRoster), course_id)) {
        out.push_back(roster_entry(r));
    }
    return out;
}

std::vector<RosterEntry> year_roster(db::Connection& c, std::int64_t school_year_id,
                                     std::optional<std::int64_t> course_id)
{
    std::vector<RosterEntry> out;
    for (auto r : c.query(std::string(kRosterColumns) + std::string(kYearRoster), school_year_id, course_id)) {
        out.push_back(roster_entry(r));
    }
    return out;
}

std::vector<CourseSubjectWeight> year_subjects(db::Connection& c, std::int64_t school_year_id)
{
    std::vector<CourseSubjectWeight> out;
    for (auto r : c.query(kYearSubjects, school_year_id)) {
        out.push_back({r.get<std::int64_t>(std::size_t{0}),
                       {r.get<std::int64_t>(std::size_t{1}), r.get<double>(std::size_t{2})}});
    }
    return out;
}

std::vector<grading::GradeFact> course_grades(db::Connection& c, std::int64_t course_id)
{
    std::vector<grading::GradeFact> out;
    for (auto r : c.query(kCourseGrades, course_id)) {
        out.push_back(fact(r));
    }
    return out;
}

std::vector<CourseGrade> year_grades(db::Connection& c, std::int64_t school_year_id,
                                     std::optional<std::int64_t> course_id)
{
    std::vector<CourseGrade> out;
    for (auto r : c.query(kYearGrades, school_year_id, course_id)) {
        out.push_back({r.get<std::int64_t>(std::size_t{0}), fact(r)});
    }
    return out;
}

std::vector<AttendanceCount> course_attendance(db::Connection& c, std::int64_t course_id,
                                               std::optional<std::int64_t> student_id)
{
    return attendance_counts(c.query(kCourseAttendance, course_id, student_id));
}

std::vector<AttendanceCount> year_attendance(db::Connection& c, std::int64_t school_year_id,
                                             std::optional<std::int64_t> course_id)
{
    return attendance_counts(c.query(kYearAttendance, school_year_id, course_id));
}

}  // namespace sala::results::repo
