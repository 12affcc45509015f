// The short JSON forms of a student and a course that other records (enrollments, grades,
// attendance, results) show beside their own fields.
#pragma once

#include "school/enrollments/enrollment.hpp"

#include <boost/describe/class.hpp>

namespace sala::enrollments {

struct StudentRef {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
};
BOOST_DESCRIBE_STRUCT(StudentRef, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, gender))

struct CourseRef {
    std::int64_t course_id = 0;
    std::string name;
    std::int64_t grade_level = 0;
    std::string section;
    std::int64_t school_year_id = 0;
};
BOOST_DESCRIBE_STRUCT(CourseRef, (), (course_id, name, grade_level, section, school_year_id))

inline StudentRef student_ref(const StudentSummary& s)
{
    return StudentRef{s.student_id, s.student_code, s.first_name, s.last_name, s.first_name_kh, s.last_name_kh,
                      s.gender};
}

inline CourseRef course_ref(const CourseSummary& c)
{
    return CourseRef{c.course_id, c.name, c.grade_level, c.section, c.school_year_id};
}

}  // namespace sala::enrollments
