// See course_access.hpp.
#include "school/courses/course_access.hpp"

#include "db/portable_sql.hpp"

namespace sala::courses {
namespace {

constexpr std::string_view kTeachesCourse =
    "SELECT 1 FROM courses c WHERE c.course_id = $1 AND (c.homeroom_teacher_id = $2 OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = $2))";

constexpr std::string_view kTeachesSubject =
    "SELECT 1 FROM courses c WHERE c.course_id = $1 AND (c.homeroom_teacher_id = $2 OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.subject_id = $3 "
    "AND cs.teacher_id = $2))";

const db::PortableSql kStudentsTaught(
    "SELECT DISTINCT e.student_id FROM enrollments e JOIN courses c ON c.course_id = e.course_id "
    "WHERE e.status = 'active' AND e.student_id IN {{ids:$2}} "
    "AND (c.homeroom_teacher_id = $1 OR EXISTS (SELECT 1 FROM course_subjects cs "
    "WHERE cs.course_id = c.course_id AND cs.teacher_id = $1))");

}  // namespace

bool teaches_course(db::Connection& c, std::int64_t teacher_id, std::int64_t course_id)
{
    return !c.query(kTeachesCourse, course_id, teacher_id).empty();
}

bool teaches_subject(db::Connection& c, std::int64_t teacher_id, std::int64_t course_id, std::int64_t subject_id)
{
    return !c.query(kTeachesSubject, course_id, teacher_id, subject_id).empty();
}

std::set<std::int64_t> students_taught(db::Connection& c, std::int64_t teacher_id,
                                       std::span<const std::int64_t> student_ids)
{
    std::set<std::int64_t> out;
    if (student_ids.empty()) {
        return out;
    }
    for (auto r : c.query(kStudentsTaught.text(c), teacher_id, db::id_list(student_ids))) {
        out.insert(r.get<std::int64_t>(std::size_t{0}));
    }
    return out;
}

}  // namespace sala::courses
