// What each document request carries: ids and options, never the document's content (the server
// loads that itself). Field names as the seed's; `period` is "month" | "semester" | "year".
#pragma once

#include "school/printing/print_options.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::printing {

struct StudentDocumentRequest {
    std::int64_t student_id = 0;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(StudentDocumentRequest, (), (student_id, options))

// One student's card (studentId), or every card of a course at once (courseId).
struct ReportCardRequest {
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> school_year_id;  // with studentId; default: the current year
    std::optional<std::string> period;
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> month;  // YYYY-MM
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(ReportCardRequest, (), (student_id, course_id, school_year_id, period, semester_id, month, options))

struct CourseReportRequest {
    std::int64_t course_id = 0;
    std::optional<std::string> period;
    std::optional<std::int64_t> semester_id;
    std::optional<std::string> month;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(CourseReportRequest, (), (course_id, period, semester_id, month, options))

// A course's register for a month (YYYY-MM).
struct AttendanceReportRequest {
    std::int64_t course_id = 0;
    std::string month;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(AttendanceReportRequest, (), (course_id, month, options))

// The filters of GET /students.
struct StudentListRequest {
    std::optional<std::string> status;
    std::optional<std::string> gender;
    std::optional<std::int64_t> grade_level;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> school_year_id;
    std::optional<std::string> province;
    std::optional<bool> has_scholarship;
    std::optional<std::string> q;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(StudentListRequest, (),
                      (status, gender, grade_level, course_id, school_year_id, province, has_scholarship, q, options))

// Many students' ID cards: the chosen ones, or every student actively enrolled in a course.
struct IdCardsRequest {
    std::optional<std::vector<std::int64_t>> student_ids;
    std::optional<std::int64_t> course_id;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(IdCardsRequest, (), (student_ids, course_id, options))

// Staff ID cards: the chosen accounts, or every active teacher.
struct TeacherCardsRequest {
    std::optional<std::vector<std::int64_t>> user_ids;
    std::optional<PrintOptions> options;
};
BOOST_DESCRIBE_STRUCT(TeacherCardsRequest, (), (user_ids, options))

}  // namespace sala::printing
