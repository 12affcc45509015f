// Every SQL statement about subjects, in one greppable place. grade_levels is stored as
// comma-separated integers ("7,8,9"), so "taught at grade 8" is a LIKE on ",7,8,9," for ",8,".
#pragma once

#include "db/portable_sql.hpp"

#include <string_view>

namespace sala::subjects::sql {

inline constexpr std::string_view kSelectById =
    "SELECT subject_id, code, name, name_kh, max_score, coefficient, grade_levels, row_version, created_at, "
    "updated_at FROM subjects WHERE subject_id = $1";

inline const db::PortableSql kSelectMany{
    "SELECT subject_id, code, name, name_kh, max_score, coefficient, grade_levels, row_version, created_at, "
    "updated_at FROM subjects WHERE subject_id IN {{ids:$1}}"};

// Codes are unique regardless of case (the index is on lower(code)).
inline constexpr std::string_view kSelectIdByCode = "SELECT subject_id FROM subjects WHERE lower(code) = lower($1)";

// $1 grade-level pattern ("%,8,%"), $2 search pattern (lower-case, escaped, with % around); NULL
// when unused. A list query is kListSelect + kListWhere + " ORDER BY … LIMIT $3 OFFSET $4".
inline constexpr std::string_view kListWhere =
    " FROM subjects WHERE (CAST($1 AS TEXT) IS NULL OR (',' || grade_levels || ',') LIKE CAST($1 AS TEXT))"
    " AND (CAST($2 AS TEXT) IS NULL OR lower(code) LIKE CAST($2 AS TEXT) ESCAPE '\\'"
    " OR lower(name) LIKE CAST($2 AS TEXT) ESCAPE '\\'"
    " OR lower(COALESCE(name_kh, '')) LIKE CAST($2 AS TEXT) ESCAPE '\\')";
inline constexpr std::string_view kListSelect =
    "SELECT subject_id, code, name, name_kh, max_score, coefficient, grade_levels, row_version, created_at, "
    "updated_at";
inline constexpr std::string_view kCountSelect = "SELECT count(*)";

inline constexpr std::string_view kInsert =
    "INSERT INTO subjects (code, name, name_kh, max_score, coefficient, grade_levels, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING subject_id";

// $7: the row_version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE subjects SET code = $2, name = $3, name_kh = $4, max_score = $5, coefficient = $6, grade_levels = $8, "
    "row_version = row_version + 1, updated_at = $9 "
    "WHERE subject_id = $1 AND (CAST($7 AS BIGINT) IS NULL OR row_version = CAST($7 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM subjects WHERE subject_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

inline constexpr std::string_view kCountCourseUses = "SELECT count(*) FROM course_subjects WHERE subject_id = $1";

// The grade levels of the courses that take the subject.
inline constexpr std::string_view kGradeLevelsInUse =
    "SELECT DISTINCT c.grade_level FROM course_subjects cs JOIN courses c ON c.course_id = cs.course_id "
    "WHERE cs.subject_id = $1 ORDER BY c.grade_level";

}  // namespace sala::subjects::sql
