// See promotion_repository.hpp.
#include "school/promotion/promotion_repository.hpp"

namespace sala::promotion::repo {
namespace {

constexpr std::string_view kActiveStudents =
    "SELECT e.enrollment_id, e.student_id, s.student_code, s.first_name, s.last_name, e.course_id, c.grade_level, "
    "c.section, c.name AS course_name FROM enrollments e JOIN students s ON s.student_id = e.student_id "
    "JOIN courses c ON c.course_id = e.course_id WHERE e.school_year_id = $1 AND e.status = 'active' "
    "AND s.status = 'active' ORDER BY c.grade_level, c.section, s.last_name, s.first_name, s.student_id";

constexpr std::string_view kEnrolledIn =
    "SELECT 1 FROM enrollments WHERE student_id = $1 AND school_year_id = $2 LIMIT 1";

constexpr std::string_view kCoursesOf =
    "SELECT course_id, grade_level, section, name, capacity, track, homeroom_teacher_id FROM courses "
    "WHERE school_year_id = $1 ORDER BY grade_level, section";

constexpr std::string_view kComplete =
    "UPDATE enrollments SET status = 'completed', row_version = row_version + 1, updated_at = $2 "
    "WHERE enrollment_id = $1";

constexpr std::string_view kGraduate =
    "UPDATE students SET status = 'graduated', graduation_date = COALESCE(graduation_date, $2), "
    "row_version = row_version + 1, updated_at = $3 WHERE student_id = $1";

}  // namespace

std::vector<ActiveStudent> active_students(db::Connection& c, std::int64_t school_year_id)
{
    std::vector<ActiveStudent> out;
    for (auto r : c.query(kActiveStudents, school_year_id)) {
        out.push_back(ActiveStudent{r.get<std::int64_t>("enrollment_id"), r.get<std::int64_t>("student_id"),
                                    r.get<std::string>("student_code"), r.get<std::string>("first_name"),
                                    r.get<std::string>("last_name"), r.get<std::int64_t>("course_id"),
                                    r.get<std::int64_t>("grade_level"), r.get<std::string>("section"),
                                    r.get<std::string>("course_name")});
    }
    return out;
}

bool enrolled_in(db::Connection& c, std::int64_t student_id, std::int64_t school_year_id)
{
    return !c.query(kEnrolledIn, student_id, school_year_id).empty();
}

std::vector<YearCourse> courses_of(db::Connection& c, std::int64_t school_year_id)
{
    std::vector<YearCourse> out;
    for (auto r : c.query(kCoursesOf, school_year_id)) {
        out.push_back(YearCourse{r.get<std::int64_t>("course_id"), r.get<std::int64_t>("grade_level"),
                                 r.get<std::string>("section"), r.get<std::string>("name"),
                                 r.get<std::int64_t>("capacity"), r.get<std::optional<std::string>>("track"),
                                 r.get<std::optional<std::int64_t>>("homeroom_teacher_id")});
    }
    return out;
}

void complete_enrollment(db::Connection& c, std::int64_t enrollment_id, TimePoint now)
{
    c.execute(kComplete, enrollment_id, now);
}

void graduate(db::Connection& c, std::int64_t student_id, Date graduation_date, TimePoint now)
{
    c.execute(kGraduate, student_id, graduation_date, now);
}

}  // namespace sala::promotion::repo
