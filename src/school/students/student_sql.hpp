// Every SQL statement about students, their guardians, families, scholarships and search tokens.
// List queries are composed in student_repository.cpp from the fixed fragments below.
#pragma once

#include "db/portable_sql.hpp"

#include <string_view>

namespace sala::students::sql {

inline constexpr std::string_view kColumns =
    "s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.date_of_birth, "
    "s.gender, s.place_of_birth, s.nationality, s.religion, s.address, s.commune, s.district, s.province, "
    "s.phone_number, s.email, s.emergency_contact, s.emergency_phone, s.medical_conditions, s.allergies, "
    "s.medications, s.blood_type, s.photo_file_id, s.status, s.enrollment_date, s.graduation_date, s.row_version, "
    "s.created_at, s.updated_at";

inline constexpr std::string_view kSelectById =
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, "
    "s.date_of_birth, s.gender, s.place_of_birth, s.nationality, s.religion, s.address, s.commune, s.district, "
    "s.province, s.phone_number, s.email, s.emergency_contact, s.emergency_phone, s.medical_conditions, "
    "s.allergies, s.medications, s.blood_type, s.photo_file_id, s.status, s.enrollment_date, s.graduation_date, "
    "s.row_version, s.created_at, s.updated_at FROM students s WHERE s.student_id = $1";

inline constexpr std::string_view kSelectIdByCode = "SELECT student_id FROM students WHERE student_code = $1";

inline constexpr std::string_view kInsert =
    "INSERT INTO students (student_code, first_name, last_name, first_name_kh, last_name_kh, date_of_birth, gender, "
    "place_of_birth, nationality, religion, address, commune, district, province, phone_number, email, "
    "emergency_contact, emergency_phone, medical_conditions, allergies, medications, blood_type, status, "
    "enrollment_date, graduation_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $26) RETURNING student_id";

// $27: the version If-Match requires, or NULL.
inline constexpr std::string_view kUpdate =
    "UPDATE students SET student_code = $2, first_name = $3, last_name = $4, first_name_kh = $5, "
    "last_name_kh = $6, date_of_birth = $7, gender = $8, place_of_birth = $9, nationality = $10, religion = $11, "
    "address = $12, commune = $13, district = $14, province = $15, phone_number = $16, email = $17, "
    "emergency_contact = $18, emergency_phone = $19, medical_conditions = $20, allergies = $21, "
    "medications = $22, blood_type = $23, status = $24, enrollment_date = $25, graduation_date = $26, "
    "row_version = row_version + 1, updated_at = $28 "
    "WHERE student_id = $1 AND (CAST($27 AS BIGINT) IS NULL OR row_version = CAST($27 AS BIGINT))";

// Something shown with the student changed (a guardian, scholarship, enrollment, photo).
inline constexpr std::string_view kTouch =
    "UPDATE students SET row_version = row_version + 1, updated_at = $2 WHERE student_id = $1 "
    "AND (CAST($3 AS BIGINT) IS NULL OR row_version = CAST($3 AS BIGINT))";

inline const db::PortableSql kTouchMany{
    "UPDATE students SET row_version = row_version + 1, updated_at = $2 WHERE student_id IN {{ids:$1}}"};

inline constexpr std::string_view kSetPhoto =
    "UPDATE students SET photo_file_id = $2, row_version = row_version + 1, updated_at = $3 WHERE student_id = $1 "
    "AND (CAST($4 AS BIGINT) IS NULL OR row_version = CAST($4 AS BIGINT))";

inline constexpr std::string_view kDelete =
    "DELETE FROM students WHERE student_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR row_version = CAST($2 AS BIGINT))";

inline constexpr std::string_view kDeleteTokens = "DELETE FROM student_search WHERE student_id = $1";
inline constexpr std::string_view kInsertToken =
    "INSERT INTO student_search (token, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

// Student codes: one counter per expanded pattern prefix (e.g. per year).
inline constexpr std::string_view kNextSequence =
    "INSERT INTO sequences (name, value) VALUES ($1, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value";
inline constexpr std::string_view kPeekSequence = "SELECT value FROM sequences WHERE name = $1";

// Guardians.
inline constexpr std::string_view kInsertGuardian =
    "INSERT INTO guardians (first_name, last_name, phone, occupation, email, address, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING guardian_id";
inline constexpr std::string_view kGuardianExists = "SELECT 1 FROM guardians WHERE guardian_id = $1";
inline constexpr std::string_view kLinkGuardian =
    "INSERT INTO student_guardians (student_id, guardian_id, relation, is_primary) VALUES ($1, $2, $3, $4)";
inline constexpr std::string_view kUnlinkGuardians = "DELETE FROM student_guardians WHERE student_id = $1";
// Guardians no student links to any more are personal data of nobody's: removed.
inline constexpr std::string_view kDeleteOrphanGuardians =
    "DELETE FROM guardians WHERE NOT EXISTS "
    "(SELECT 1 FROM student_guardians sg WHERE sg.guardian_id = guardians.guardian_id)";

inline constexpr std::string_view kSelectGuardian =
    "SELECT guardian_id, first_name, last_name, phone, occupation, email, address, row_version FROM guardians "
    "WHERE guardian_id = $1";
inline constexpr std::string_view kGuardianLinks =
    "SELECT sg.student_id, sg.relation, sg.is_primary, s.student_code, s.first_name, s.last_name "
    "FROM student_guardians sg JOIN students s ON s.student_id = sg.student_id WHERE sg.guardian_id = $1 "
    "ORDER BY s.student_id";
// $8: the version If-Match requires, or NULL.
inline constexpr std::string_view kUpdateGuardian =
    "UPDATE guardians SET first_name = $2, last_name = $3, phone = $4, occupation = $5, email = $6, address = $7, "
    "row_version = row_version + 1, updated_at = $9 "
    "WHERE guardian_id = $1 AND (CAST($8 AS BIGINT) IS NULL OR row_version = CAST($8 AS BIGINT))";
// $1: a db::contains_pattern over names and phone, or NULL for all.
inline constexpr std::string_view kCountGuardians =
    "SELECT count(*) FROM guardians WHERE "
    "CAST($1 AS TEXT) IS NULL OR lower(first_name || ' ' || last_name) LIKE CAST($1 AS TEXT) ESCAPE '\\' "
    "OR lower(last_name || ' ' || first_name) LIKE CAST($1 AS TEXT) ESCAPE '\\' "
    "OR phone LIKE CAST($1 AS TEXT) ESCAPE '\\'";
inline constexpr std::string_view kListGuardians =
    "SELECT guardian_id, first_name, last_name, phone, occupation, email, address, row_version FROM guardians "
    "WHERE CAST($1 AS TEXT) IS NULL OR lower(first_name || ' ' || last_name) LIKE CAST($1 AS TEXT) ESCAPE '\\' "
    "OR lower(last_name || ' ' || first_name) LIKE CAST($1 AS TEXT) ESCAPE '\\' "
    "OR phone LIKE CAST($1 AS TEXT) ESCAPE '\\' "
    "ORDER BY last_name, first_name, guardian_id LIMIT $2 OFFSET $3";

// Families.
inline constexpr std::string_view kUpsertFamily =
    "INSERT INTO families (student_id, family_composition, family_size, monthly_income, has_poverty_card, "
    "poverty_card_number, special_circumstances) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (student_id) DO UPDATE SET family_composition = excluded.family_composition, "
    "family_size = excluded.family_size, monthly_income = excluded.monthly_income, "
    "has_poverty_card = excluded.has_poverty_card, poverty_card_number = excluded.poverty_card_number, "
    "special_circumstances = excluded.special_circumstances";

// Scholarships.
inline constexpr std::string_view kInsertScholarship =
    "INSERT INTO scholarships (student_id, type, sponsor, amount, start_date, end_date, status, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING scholarship_id";
inline constexpr std::string_view kUpdateScholarship =
    "UPDATE scholarships SET type = $3, sponsor = $4, amount = $5, start_date = $6, end_date = $7, status = $8, "
    "updated_at = $9 WHERE scholarship_id = $1 AND student_id = $2";
inline constexpr std::string_view kDeleteScholarship =
    "DELETE FROM scholarships WHERE scholarship_id = $1 AND student_id = $2";

// Everything related to a page of students, one statement per kind.
inline const db::PortableSql kGuardiansOf{
    "SELECT sg.student_id, sg.relation, sg.is_primary, g.guardian_id, g.first_name, g.last_name, g.phone, "
    "g.occupation, g.email, g.address, g.row_version FROM student_guardians sg JOIN guardians g ON g.guardian_id = sg.guardian_id "
    "WHERE sg.student_id IN {{ids:$1}} ORDER BY sg.student_id, sg.is_primary DESC, g.guardian_id"};
inline const db::PortableSql kFamiliesOf{
    "SELECT student_id, family_composition, family_size, monthly_income, has_poverty_card, poverty_card_number, "
    "special_circumstances FROM families WHERE student_id IN {{ids:$1}}"};
inline const db::PortableSql kScholarshipsOf{
    "SELECT student_id, scholarship_id, type, sponsor, amount, start_date, end_date, status FROM scholarships "
    "WHERE student_id IN {{ids:$1}} ORDER BY student_id, start_date, scholarship_id"};
inline const db::PortableSql kEnrollmentsOf{
    "SELECT e.student_id, e.enrollment_id, e.course_id, e.school_year_id, e.enrollment_date, e.status, "
    "e.drop_semester_id, e.drop_reason, c.name AS course_name, c.grade_level, c.section "
    "FROM enrollments e JOIN courses c ON c.course_id = e.course_id WHERE e.student_id IN {{ids:$1}} "
    "ORDER BY e.student_id, e.enrollment_date DESC, e.enrollment_id DESC"};
inline const db::PortableSql kStudentsByIds{
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, "
    "s.date_of_birth, s.gender, s.place_of_birth, s.nationality, s.religion, s.address, s.commune, s.district, "
    "s.province, s.phone_number, s.email, s.emergency_contact, s.emergency_phone, s.medical_conditions, "
    "s.allergies, s.medications, s.blood_type, s.photo_file_id, s.status, s.enrollment_date, s.graduation_date, "
    "s.row_version, s.created_at, s.updated_at FROM students s WHERE s.student_id IN {{ids:$1}}"};

// The guardians linked to a student, primary first.
inline constexpr std::string_view kGuardianLinksOfStudent =
    "SELECT guardian_id, relation FROM student_guardians WHERE student_id = $1 ORDER BY is_primary DESC, guardian_id";

// Students a guardian is linked to (whose representation changes with the guardian).
inline constexpr std::string_view kStudentsOfGuardian =
    "SELECT student_id FROM student_guardians WHERE guardian_id = $1";

// What keeps a student from being deleted outright (grades and attendance, once they exist, have
// foreign keys of their own; the active enrollments are given back to their courses).
inline constexpr std::string_view kActiveEnrollmentCourses =
    "SELECT course_id FROM enrollments WHERE student_id = $1 AND status = 'active'";
inline constexpr std::string_view kReleaseSeat =
    "UPDATE courses SET active_enrollments = active_enrollments - 1, row_version = row_version + 1 "
    "WHERE course_id = $1 AND active_enrollments > 0";

}  // namespace sala::students::sql
