// Setting up a school's structure for a test: school years, subjects and classes created through
// the API as an admin would, and enrollments put straight into the database (they belong to a
// feature of their own) so the rules that count them can be tested.
#pragma once

#include "support/test_app.hpp"

#include <cstdint>
#include <string>

namespace sala::test {

// POST /school-years; fails the test unless it answers 201. Returns the id.
std::int64_t make_school_year(TestApp& t, const SignedIn& admin, const std::string& name, const std::string& start,
                              const std::string& end, bool current = false);
// POST /subjects with maxScore 100 and coefficient 1; `grade_levels` is a JSON array ("[7,8]").
std::int64_t make_subject(TestApp& t, const SignedIn& admin, const std::string& code,
                          const std::string& grade_levels);
// POST /courses with capacity 40; `extra` adds members to the body (",\"homeroomTeacherId\":2").
std::int64_t make_course(TestApp& t, const SignedIn& admin, std::int64_t school_year_id, int grade_level,
                         const std::string& section, const std::string& extra = {});
// A student (with a generated code) and an active enrollment of them in the course, counted in
// the course's active_enrollments as the enrollment feature does. Returns the enrollment id.
std::int64_t enroll_directly(TestApp& t, std::int64_t course_id);

// enroll_directly, for a student of this gender ("M" or "F") and last name; returns the student's id.
std::int64_t enrolled_student(TestApp& t, std::int64_t course_id, const std::string& gender = "M",
                              const std::string& last_name = "Sok");
// POST /semesters; fails the test unless it answers 201. Returns the id.
std::int64_t make_semester(TestApp& t, const SignedIn& admin, std::int64_t school_year_id, int order,
                           const std::string& start, const std::string& end);
// PUT /courses/{id}/subjects with `subjects`, a JSON array ([{"subjectId":1,"teacherId":2}]).
void assign_subjects(TestApp& t, const SignedIn& admin, std::int64_t course_id, const std::string& subjects);

// The detail codes of an error response, as "field:CODE".
std::vector<std::string> error_details(const Reply& reply);

}  // namespace sala::test
