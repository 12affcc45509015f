// Every SQL statement about attendance: records with their students and courses, the register of
// a day, the enrollments that say who belongs in it, summaries and the registers still missing.
#pragma once

#include "db/portable_sql.hpp"

#include <string_view>

namespace sala::attendance::sql {

inline constexpr std::string_view kSelect =
    "SELECT a.attendance_id, a.student_id, a.course_id, a.attendance_date, a.session, a.status, a.reason, "
    "a.row_version, a.created_at, a.updated_at, u.username AS recorded_by_name, s.student_code, s.first_name, "
    "s.last_name, s.first_name_kh, s.last_name_kh, s.gender, c.name AS course_name, c.grade_level, c.section, "
    "c.school_year_id FROM attendance a JOIN students s ON s.student_id = a.student_id "
    "JOIN courses c ON c.course_id = a.course_id LEFT JOIN users u ON u.user_id = a.recorded_by";

inline constexpr std::string_view kById = " WHERE a.attendance_id = $1";
inline constexpr std::string_view kByKey =
    " WHERE a.student_id = $1 AND a.course_id = $2 AND a.attendance_date = $3 AND a.session = $4";

inline constexpr std::string_view kCount =
    "SELECT count(*) FROM attendance a JOIN courses c ON c.course_id = a.course_id";

// List filters: fixed fragments, each followed by its parameter ("$n"); only those asked for are
// added, so the indexes on (course, date) and (student, date) serve the common lists.
inline constexpr std::string_view kWhereAll = " WHERE 1 = 1";
inline constexpr std::string_view kFilterStudent = " AND a.student_id = ";
inline constexpr std::string_view kFilterCourse = " AND a.course_id = ";
inline constexpr std::string_view kFilterFrom = " AND a.attendance_date >= ";
inline constexpr std::string_view kFilterTo = " AND a.attendance_date <= ";
inline constexpr std::string_view kFilterSession = " AND a.session = ";
inline constexpr std::string_view kFilterStatus = " AND a.status = ";
// Followed by the teacher's parameter twice.
inline constexpr std::string_view kFilterTeacherHomeroom = " AND (c.homeroom_teacher_id = ";
inline constexpr std::string_view kFilterTeacherSubject =
    " OR EXISTS (SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = ";

inline constexpr std::string_view kInsert =
    "INSERT INTO attendance (student_id, course_id, attendance_date, session, status, reason, recorded_by, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING attendance_id";

// $8: the version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE attendance SET attendance_date = $2, session = $3, status = $4, reason = $5, recorded_by = $6, "
    "row_version = row_version + 1, updated_at = $7 "
    "WHERE attendance_id = $1 AND (CAST($8 AS BIGINT) IS NULL OR row_version = CAST($8 AS BIGINT))";

// A register line changed in place (the register was read in the same transaction).
inline constexpr std::string_view kUpdateMark =
    "UPDATE attendance SET status = $2, reason = $3, recorded_by = $4, row_version = row_version + 1, "
    "updated_at = $5 WHERE attendance_id = $1";

inline constexpr std::string_view kDelete =
    "DELETE FROM attendance WHERE attendance_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

// Serialises the writers of these students' marks: on PostgreSQL their rows stay locked until the
// transaction ends (SQLite's single writer already serialises), so two requests cannot record a
// FULL and a half-day mark of one student and day side by side. In id order: two registers never
// wait on each other in a cycle.
inline const db::PortableSql kLockStudents{
    "SELECT student_id FROM students WHERE student_id IN {{ids:$1}} ORDER BY student_id{{for_update}}"};

// Every mark of a student on a day, in any course: the duplicate and FULL-against-half-day rules.
inline constexpr std::string_view kStudentDay =
    "SELECT attendance_id, student_id, course_id, session, status, reason FROM attendance "
    "WHERE student_id = $1 AND attendance_date = $2";

// Every mark on a day of the students who are or were in the course (in any course), and of
// anyone marked in it: a register is checked against these with one query.
inline constexpr std::string_view kCourseDay =
    "SELECT a.attendance_id, a.student_id, a.course_id, a.session, a.status, a.reason FROM attendance a "
    "WHERE a.attendance_date = $2 AND (a.course_id = $1 OR a.student_id IN "
    "(SELECT e.student_id FROM enrollments e WHERE e.course_id = $1))";

// "Enrolled in the course on the date" (as enrollments::repo::enrolled_on): enrolled on or before
// it, and still active or completed, or dropped (transferred) in a semester that ends on or after
// it. A drop without a semester counts from the drop itself, so not at all.
// The students enrolled in the course on the date ($1 course, $2 date).
inline constexpr std::string_view kRoster =
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.gender "
    "FROM students s WHERE s.student_id IN (SELECT e.student_id FROM enrollments e WHERE e.course_id = $1 "
    "AND e.enrollment_date <= $2 AND (e.status IN ('active', 'completed') OR (e.status IN ('dropped', "
    "'transferred') AND EXISTS (SELECT 1 FROM semesters ds WHERE ds.semester_id = e.drop_semester_id "
    "AND ds.end_date >= $2))))";

// The marks of one register, with their students ($1 course, $2 date, $3 session).
inline constexpr std::string_view kRegister = " WHERE a.course_id = $1 AND a.attendance_date = $2 AND a.session = $3";

// The students of a course over a period ($1 course, $2 from, $3 to): enrolled at some time in it
// (as above, with the period for the day), or marked in the course during it.
inline constexpr std::string_view kSummaryStudents =
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.gender "
    "FROM students s WHERE s.student_id IN (SELECT e.student_id FROM enrollments e WHERE e.course_id = $1 "
    "AND e.enrollment_date <= $3 AND (e.status IN ('active', 'completed') OR (e.status IN ('dropped', "
    "'transferred') AND EXISTS (SELECT 1 FROM semesters ds WHERE ds.semester_id = e.drop_semester_id "
    "AND ds.end_date >= $2)))) OR s.student_id IN (SELECT a.student_id FROM attendance a "
    "WHERE a.course_id = $1 AND a.attendance_date >= $2 AND a.attendance_date <= $3)";

inline constexpr std::string_view kStudent =
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.gender "
    "FROM students s WHERE s.student_id = $1";

// Marks counted by student, session and status over a period: one aggregate per summary.
// $1 course, $2 from, $3 to (the attendance_course_date index).
inline constexpr std::string_view kCountsOfCourse =
    "SELECT a.student_id, a.session, a.status, count(*) AS marks FROM attendance a "
    "WHERE a.course_id = $1 AND a.attendance_date >= $2 AND a.attendance_date <= $3 "
    "GROUP BY a.student_id, a.session, a.status";
// $1 student, $2 from, $3 to, $4 a teacher whose courses only (NULL: all).
inline constexpr std::string_view kCountsOfStudent =
    "SELECT a.student_id, a.session, a.status, count(*) AS marks FROM attendance a "
    "JOIN courses c ON c.course_id = a.course_id "
    "WHERE a.student_id = $1 AND a.attendance_date >= $2 AND a.attendance_date <= $3 "
    "AND (CAST($4 AS BIGINT) IS NULL OR c.homeroom_teacher_id = CAST($4 AS BIGINT) OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = CAST($4 AS BIGINT))) "
    "GROUP BY a.student_id, a.session, a.status";

// Every mark of a course over a period, oldest first ($1 course, $2 from, $3 to): a monthly
// register in one query (the attendance_course_date index).
inline constexpr std::string_view kMarksOfCourse =
    "SELECT a.student_id, a.attendance_date, a.session, a.status FROM attendance a "
    "WHERE a.course_id = $1 AND a.attendance_date >= $2 AND a.attendance_date <= $3 "
    "ORDER BY a.attendance_date, a.student_id, a.session";

// The courses in session on a day ($1), with what is recorded for them that day: in a semester
// of their year and with a student enrolled that day. $2: a teacher whose courses only (NULL: all).
inline constexpr std::string_view kCoursesInSession =
    "SELECT c.course_id, c.name, c.grade_level, c.section, c.homeroom_teacher_id, "
    "CASE WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.course_id = c.course_id AND a.attendance_date = $1 "
    "AND a.session IN ('AM', 'FULL')) THEN 1 ELSE 0 END AS am_taken, "
    "CASE WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.course_id = c.course_id AND a.attendance_date = $1 "
    "AND a.session IN ('PM', 'FULL')) THEN 1 ELSE 0 END AS pm_taken, "
    "CASE WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.course_id = c.course_id AND a.attendance_date = $1) "
    "THEN 1 ELSE 0 END AS any_taken "
    "FROM courses c WHERE EXISTS (SELECT 1 FROM semesters sm WHERE sm.school_year_id = c.school_year_id "
    "AND sm.start_date <= $1 AND sm.end_date >= $1) "
    "AND EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = c.course_id AND e.enrollment_date <= $1 "
    "AND (e.status IN ('active', 'completed') OR (e.status IN ('dropped', 'transferred') AND EXISTS "
    "(SELECT 1 FROM semesters ds WHERE ds.semester_id = e.drop_semester_id AND ds.end_date >= $1)))) "
    "AND (CAST($2 AS BIGINT) IS NULL OR c.homeroom_teacher_id = CAST($2 AS BIGINT) OR EXISTS "
    "(SELECT 1 FROM course_subjects cs WHERE cs.course_id = c.course_id AND cs.teacher_id = CAST($2 AS BIGINT))) "
    "ORDER BY c.grade_level, c.section, c.course_id";

// The role of an active account (an API key acts within its creator's courses).
inline constexpr std::string_view kActiveRole =
    "SELECT role FROM users WHERE user_id = $1 AND status = 'active' AND deleted_at IS NULL";

}  // namespace sala::attendance::sql
