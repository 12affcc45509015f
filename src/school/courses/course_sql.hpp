// Every SQL statement about courses and the subjects they take, in one greppable place. A course
// is always read with its school year and homeroom teacher joined in, so a page of courses is one
// query whatever its size.
#pragma once

#include "db/portable_sql.hpp"

#include <string_view>

namespace sala::courses::sql {

// kSelectJoined + " WHERE c.course_id = $1", or + kListWhere + " ORDER BY … LIMIT $5 OFFSET $6".
inline constexpr std::string_view kSelectJoined =
    "SELECT c.course_id, c.school_year_id, c.grade_level, c.section, c.name, c.homeroom_teacher_id, c.capacity, "
    "c.track, c.active_enrollments, c.row_version, c.created_at, c.updated_at, y.name AS year_name, "
    "y.start_date AS year_start_date, y.end_date AS year_end_date, y.is_current AS year_is_current, "
    "u.firstname AS teacher_firstname, u.lastname AS teacher_lastname "
    "FROM courses c JOIN school_years y ON y.school_year_id = c.school_year_id "
    "LEFT JOIN users u ON u.user_id = c.homeroom_teacher_id";
inline constexpr std::string_view kWhereId = " WHERE c.course_id = $1";

// $1 school year, $2 grade level, $3 teacher, $4 search pattern (lower-case, escaped, with %
// around); NULL when unused.
inline constexpr std::string_view kListWhere =
    " WHERE (CAST($1 AS BIGINT) IS NULL OR c.school_year_id = CAST($1 AS BIGINT))"
    " AND (CAST($2 AS BIGINT) IS NULL OR c.grade_level = CAST($2 AS BIGINT))"
    " AND (CAST($3 AS BIGINT) IS NULL OR c.homeroom_teacher_id = CAST($3 AS BIGINT) OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = CAST($3 AS BIGINT)))"
    " AND (CAST($4 AS TEXT) IS NULL OR lower(c.name) LIKE CAST($4 AS TEXT) ESCAPE '\\'"
    " OR lower(c.section) LIKE CAST($4 AS TEXT) ESCAPE '\\'"
    " OR lower(COALESCE(c.track, '')) LIKE CAST($4 AS TEXT) ESCAPE '\\')";
inline constexpr std::string_view kCountFrom = "SELECT count(*) FROM courses c";

inline constexpr std::string_view kSectionTaken =
    "SELECT course_id FROM courses WHERE school_year_id = $1 AND grade_level = $2 AND section = $3 "
    "AND course_id <> $4";

inline constexpr std::string_view kInsert =
    "INSERT INTO courses (school_year_id, grade_level, section, name, homeroom_teacher_id, capacity, track, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING course_id";

// $9: the row_version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE courses SET school_year_id = $2, grade_level = $3, section = $4, name = $5, homeroom_teacher_id = $6, "
    "capacity = $7, track = $8, row_version = row_version + 1, updated_at = $10 "
    "WHERE course_id = $1 AND (CAST($9 AS BIGINT) IS NULL OR row_version = CAST($9 AS BIGINT))";

// A change to what the course's subjects are: a new version of the course.
inline constexpr std::string_view kTouch =
    "UPDATE courses SET row_version = row_version + 1, updated_at = $2 "
    "WHERE course_id = $1 AND (CAST($3 AS BIGINT) IS NULL OR row_version = CAST($3 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM courses WHERE course_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

inline constexpr std::string_view kCountEnrollments = "SELECT count(*) FROM enrollments WHERE course_id = $1";

inline constexpr std::string_view kSelectSubjects =
    "SELECT s.subject_id, s.code, s.name, s.name_kh, s.max_score, s.coefficient, s.grade_levels, cs.teacher_id, "
    "u.firstname AS teacher_firstname, u.lastname AS teacher_lastname "
    "FROM course_subjects cs JOIN subjects s ON s.subject_id = cs.subject_id "
    "LEFT JOIN users u ON u.user_id = cs.teacher_id WHERE cs.course_id = $1 ORDER BY lower(s.code), s.subject_id";

inline constexpr std::string_view kDeleteSubjects = "DELETE FROM course_subjects WHERE course_id = $1";

inline constexpr std::string_view kInsertSubject =
    "INSERT INTO course_subjects (course_id, subject_id, teacher_id) VALUES ($1, $2, $3)";

inline const db::PortableSql kSelectStaff{
    "SELECT user_id, role, status FROM users WHERE user_id IN {{ids:$1}} AND deleted_at IS NULL"};

inline constexpr std::string_view kGradeLevelsOfCurrentYear =
    "SELECT DISTINCT c.grade_level FROM courses c JOIN school_years y ON y.school_year_id = c.school_year_id "
    "WHERE y.is_current = TRUE ORDER BY c.grade_level";

}  // namespace sala::courses::sql
