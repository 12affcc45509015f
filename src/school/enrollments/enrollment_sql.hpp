// Every SQL statement about enrollments, and the seat counter of courses they move.
#pragma once

#include <string_view>

namespace sala::enrollments::sql {

inline constexpr std::string_view kSelect =
    "SELECT e.enrollment_id, e.student_id, e.course_id, e.school_year_id, e.enrollment_date, e.status, "
    "e.drop_semester_id, e.drop_reason, e.row_version, e.created_at, e.updated_at, s.student_code, s.first_name, "
    "s.last_name, s.first_name_kh, s.last_name_kh, s.gender, s.status AS student_status, c.name AS course_name, "
    "c.grade_level, c.section FROM enrollments e JOIN students s ON s.student_id = e.student_id "
    "JOIN courses c ON c.course_id = e.course_id";

// $1 student, $2 course, $3 school year, $4 status, $5 a teacher whose courses only; NULL: any.
inline constexpr std::string_view kWhere =
    " WHERE (CAST($1 AS BIGINT) IS NULL OR e.student_id = CAST($1 AS BIGINT))"
    " AND (CAST($2 AS BIGINT) IS NULL OR e.course_id = CAST($2 AS BIGINT))"
    " AND (CAST($3 AS BIGINT) IS NULL OR e.school_year_id = CAST($3 AS BIGINT))"
    " AND (CAST($4 AS TEXT) IS NULL OR e.status = CAST($4 AS TEXT))"
    " AND (CAST($5 AS BIGINT) IS NULL OR c.homeroom_teacher_id = CAST($5 AS BIGINT) OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = CAST($5 AS BIGINT)))";

inline constexpr std::string_view kCount =
    "SELECT count(*) FROM enrollments e JOIN courses c ON c.course_id = e.course_id";

inline constexpr std::string_view kInsert =
    "INSERT INTO enrollments (student_id, course_id, school_year_id, enrollment_date, status, drop_semester_id, "
    "drop_reason, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING enrollment_id";

// $8: the version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE enrollments SET course_id = $2, school_year_id = $3, enrollment_date = $4, status = $5, "
    "drop_semester_id = $6, drop_reason = $7, row_version = row_version + 1, updated_at = $9 "
    "WHERE enrollment_id = $1 AND (CAST($8 AS BIGINT) IS NULL OR row_version = CAST($8 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM enrollments WHERE enrollment_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

inline constexpr std::string_view kActiveInYear =
    "SELECT enrollment_id FROM enrollments WHERE student_id = $1 AND school_year_id = $2 AND status = 'active' "
    "AND enrollment_id <> $3";

inline constexpr std::string_view kEnrolledOn =
    "SELECT e.student_id FROM enrollments e LEFT JOIN semesters d ON d.semester_id = e.drop_semester_id "
    "WHERE e.course_id = $1 AND e.enrollment_date <= $2 AND (e.status IN ('active', 'completed') "
    "OR (e.status IN ('dropped', 'transferred') AND d.end_date >= $2))";

// A place in the course, taken only while one is free: concurrent enrollments cannot both get
// the last one. The course's version moves with its count.
inline constexpr std::string_view kTakeSeat =
    "UPDATE courses SET active_enrollments = active_enrollments + 1, row_version = row_version + 1 "
    "WHERE course_id = $1 AND active_enrollments < capacity";
inline constexpr std::string_view kReleaseSeat =
    "UPDATE courses SET active_enrollments = active_enrollments - 1, row_version = row_version + 1 "
    "WHERE course_id = $1 AND active_enrollments > 0";

inline constexpr std::string_view kTouchStudent =
    "UPDATE students SET row_version = row_version + 1, updated_at = $2 WHERE student_id = $1";

}  // namespace sala::enrollments::sql
