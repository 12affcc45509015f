// The SQL of ID cards: the few fields a card shows, for chosen students or a course's, with the
// class and school year of each student's active enrollment.
#pragma once

#include "db/portable_sql.hpp"

#include <string>

namespace sala::printing::sql {

inline const std::string kCardColumns =
    "SELECT s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh, s.gender, "
    "s.status, "
    "s.photo_file_id, c.name AS course_name, y.name AS school_year_name FROM students s "
    "LEFT JOIN enrollments e ON e.enrollment_id = (SELECT e2.enrollment_id FROM enrollments e2 "
    "WHERE e2.student_id = s.student_id AND e2.status = 'active' "
    "ORDER BY e2.enrollment_date DESC, e2.enrollment_id DESC LIMIT 1) "
    "LEFT JOIN courses c ON c.course_id = e.course_id "
    "LEFT JOIN school_years y ON y.school_year_id = c.school_year_id ";

inline const db::PortableSql kCardsOf(kCardColumns +
                                      "WHERE s.student_id IN {{ids:$1}} ORDER BY s.last_name, s.first_name, s.student_id");

inline const std::string kCardsOfCourse =
    kCardColumns +
    "WHERE s.student_id IN (SELECT student_id FROM enrollments WHERE course_id = $1 AND status = 'active') "
    "ORDER BY s.last_name, s.first_name, s.student_id";

}  // namespace sala::printing::sql
