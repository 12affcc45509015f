// Enrollments: a student in a course (class section) of a school year, with its status. A student
// has at most one active enrollment per school year, and a course no more active enrollments than
// places.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::enrollments {

inline constexpr std::string_view kStatuses[] = {"active", "dropped", "transferred", "completed"};

struct StudentSummary {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
    std::string status;
};

struct CourseSummary {
    std::int64_t course_id = 0;
    std::string name;
    std::int64_t grade_level = 0;
    std::string section;
    std::int64_t school_year_id = 0;
};

struct Enrollment {
    std::int64_t enrollment_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    Date enrollment_date;
    std::string status;
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
    StudentSummary student;
    CourseSummary course;
};

// POST and PUT /enrollments (PUT keeps the student).
struct EnrollmentInput {
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::optional<Date> enrollment_date;  // default today
    std::string status = "active";
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
};

struct EnrollmentFilter {
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> school_year_id;
    std::optional<std::string> status;
    std::optional<std::int64_t> teacher_id;  // only courses this teacher teaches
    std::string order_by;
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct EnrollmentPage {
    std::vector<Enrollment> enrollments;
    std::int64_t total = 0;
};

}  // namespace sala::enrollments
