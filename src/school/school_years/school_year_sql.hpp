// Every SQL statement about school years and semesters, in one greppable place.
#pragma once

#include <string_view>

namespace sala::school_years::sql {

inline constexpr std::string_view kSelectById =
    "SELECT school_year_id, name, start_date, end_date, is_current, row_version, created_at, updated_at "
    "FROM school_years WHERE school_year_id = $1";

inline constexpr std::string_view kSelectCurrent =
    "SELECT school_year_id, name, start_date, end_date, is_current, row_version, created_at, updated_at "
    "FROM school_years WHERE is_current = TRUE";

// Names are unique regardless of case.
inline constexpr std::string_view kSelectIdByName =
    "SELECT school_year_id FROM school_years WHERE lower(name) = lower($1)";

// A list query is kListSelect + " ORDER BY <whitelisted columns> LIMIT $1 OFFSET $2".
inline constexpr std::string_view kListSelect =
    "SELECT school_year_id, name, start_date, end_date, is_current, row_version, created_at, updated_at "
    "FROM school_years";
inline constexpr std::string_view kCount = "SELECT count(*) FROM school_years";

inline constexpr std::string_view kInsert =
    "INSERT INTO school_years (name, start_date, end_date, is_current, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING school_year_id";

// Making a year current makes every other year not current (their representation changes too).
inline constexpr std::string_view kClearOtherCurrent =
    "UPDATE school_years SET is_current = FALSE, row_version = row_version + 1, updated_at = $2 "
    "WHERE is_current = TRUE AND school_year_id <> $1";

// $6: the row_version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE school_years SET name = $2, start_date = $3, end_date = $4, is_current = $5, "
    "row_version = row_version + 1, updated_at = $7 "
    "WHERE school_year_id = $1 AND (CAST($6 AS BIGINT) IS NULL OR row_version = CAST($6 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM school_years WHERE school_year_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

inline constexpr std::string_view kCountReferences =
    "SELECT (SELECT count(*) FROM semesters WHERE school_year_id = $1) + "
    "(SELECT count(*) FROM courses WHERE school_year_id = $1)";

inline constexpr std::string_view kSelectSemesterById =
    "SELECT semester_id, school_year_id, name, semester_order, start_date, end_date, row_version, created_at, "
    "updated_at FROM semesters WHERE semester_id = $1";

inline constexpr std::string_view kSelectSemestersOfYear =
    "SELECT semester_id, school_year_id, name, semester_order, start_date, end_date, row_version, created_at, "
    "updated_at FROM semesters WHERE school_year_id = $1 ORDER BY semester_order, semester_id";

// $1 school year id or NULL. A list query is kSemesterListSelect + kSemesterListWhere +
// " ORDER BY <whitelisted columns> LIMIT $2 OFFSET $3".
inline constexpr std::string_view kSemesterListSelect =
    "SELECT semester_id, school_year_id, name, semester_order, start_date, end_date, row_version, created_at, "
    "updated_at";
inline constexpr std::string_view kSemesterListWhere =
    " FROM semesters WHERE (CAST($1 AS BIGINT) IS NULL OR school_year_id = CAST($1 AS BIGINT))";
inline constexpr std::string_view kSemesterCount = "SELECT count(*)";

inline constexpr std::string_view kSemesterOrderTaken =
    "SELECT semester_id FROM semesters WHERE school_year_id = $1 AND semester_order = $2 AND semester_id <> $3";

inline constexpr std::string_view kInsertSemester =
    "INSERT INTO semesters (school_year_id, name, semester_order, start_date, end_date, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING semester_id";

// $7: the row_version If-Match requires, or NULL.
inline constexpr std::string_view kUpdateSemester =
    "UPDATE semesters SET school_year_id = $2, name = $3, semester_order = $4, start_date = $5, end_date = $6, "
    "row_version = row_version + 1, updated_at = $8 "
    "WHERE semester_id = $1 AND (CAST($7 AS BIGINT) IS NULL OR row_version = CAST($7 AS BIGINT))";

inline constexpr std::string_view kDeleteSemester =
    "DELETE FROM semesters WHERE semester_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

// Enrollments dropped in the semester (grades will refer to semesters too).
inline constexpr std::string_view kCountSemesterReferences =
    "SELECT count(*) FROM enrollments WHERE drop_semester_id = $1";

}  // namespace sala::school_years::sql
