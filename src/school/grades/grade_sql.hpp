// Every SQL statement about grades.
#pragma once

#include <string_view>

namespace sala::grades::sql {

inline constexpr std::string_view kSelect =
    "SELECT g.grade_id, g.student_id, g.course_id, g.subject_id, g.semester_id, g.grade_type, g.score, g.max_score, "
    "g.grade_date, g.grade_month, g.comments, g.row_version, g.created_at, g.updated_at, u.username AS recorded_by, "
    "s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.gender, "
    "s.status AS student_status, c.name AS course_name, c.grade_level, c.section, c.school_year_id, "
    "sub.code AS subject_code, sub.name AS subject_name, sub.name_kh AS subject_name_kh, "
    "sub.max_score AS subject_max_score, sub.coefficient, sem.name AS semester_name, sem.semester_order, "
    "sem.start_date AS semester_start, sem.end_date AS semester_end "
    "FROM grades g JOIN students s ON s.student_id = g.student_id JOIN courses c ON c.course_id = g.course_id "
    "JOIN subjects sub ON sub.subject_id = g.subject_id JOIN semesters sem ON sem.semester_id = g.semester_id "
    "LEFT JOIN users u ON u.user_id = g.recorded_by";

// $1 student, $2 course, $3 subject, $4 semester, $5 grade type, $6 month, $7 a teacher whose
// courses only; NULL: any.
inline constexpr std::string_view kWhere =
    " WHERE (CAST($1 AS BIGINT) IS NULL OR g.student_id = CAST($1 AS BIGINT))"
    " AND (CAST($2 AS BIGINT) IS NULL OR g.course_id = CAST($2 AS BIGINT))"
    " AND (CAST($3 AS BIGINT) IS NULL OR g.subject_id = CAST($3 AS BIGINT))"
    " AND (CAST($4 AS BIGINT) IS NULL OR g.semester_id = CAST($4 AS BIGINT))"
    " AND (CAST($5 AS TEXT) IS NULL OR g.grade_type = CAST($5 AS TEXT))"
    " AND (CAST($6 AS TEXT) IS NULL OR g.grade_month = CAST($6 AS TEXT))"
    " AND (CAST($7 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM courses tc WHERE tc.course_id = g.course_id AND "
    "(tc.homeroom_teacher_id = CAST($7 AS BIGINT) OR EXISTS (SELECT 1 FROM course_subjects cs "
    "WHERE cs.course_id = tc.course_id AND cs.teacher_id = CAST($7 AS BIGINT)))))";

inline constexpr std::string_view kCount = "SELECT count(*) FROM grades g";

inline constexpr std::string_view kInsert =
    "INSERT INTO grades (student_id, course_id, subject_id, semester_id, grade_type, score, max_score, grade_date, "
    "grade_month, comments, recorded_by, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING grade_id";

// $12: the version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE grades SET student_id = $2, course_id = $3, subject_id = $4, semester_id = $5, grade_type = $6, "
    "score = $7, max_score = $8, grade_date = $9, grade_month = $10, comments = $11, recorded_by = $13, "
    "row_version = row_version + 1, updated_at = $14 "
    "WHERE grade_id = $1 AND (CAST($12 AS BIGINT) IS NULL OR row_version = CAST($12 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM grades WHERE grade_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

}  // namespace sala::grades::sql
