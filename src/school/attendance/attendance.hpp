// Attendance: one register mark per student, course, date and session (AM, PM or the FULL day),
// the whole-class register of a day and session, per-student summaries, the registers not yet
// taken, and the attendance calendar (school days, sessions) those rely on.
#pragma once

#include "core/time.hpp"
#include "school/enrollments/enrollment.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sala::attendance {

inline constexpr std::string_view kSessions[] = {"AM", "PM", "FULL"};
inline constexpr std::string_view kStatuses[] = {"PRESENT", "ABSENT", "LATE", "EXCUSED"};
// Weekdays as the settings spell them, Monday first (a school may teach on Saturdays).
inline constexpr std::string_view kSchoolDays[] = {"MON", "TUE", "WED", "THU", "FRI", "SAT"};
// The longest reason a mark may give, in characters.
inline constexpr std::size_t kMaxReason = 500;

bool is_session(std::string_view text);
// An AM or PM mark and a FULL mark of the same student and day cannot both exist.
inline bool sessions_clash(std::string_view a, std::string_view b)
{
    return (a == "FULL") != (b == "FULL");
}

// A mark shows its student and course in the short forms enrollments use.
using enrollments::CourseSummary;
using enrollments::StudentSummary;

// The order registers and summaries list students in: last name, first name, code.
inline bool in_name_order(const StudentSummary& a, const StudentSummary& b)
{
    return std::tie(a.last_name, a.first_name, a.student_code) < std::tie(b.last_name, b.first_name, b.student_code);
}

struct Record {
    std::int64_t attendance_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date attendance_date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
    std::optional<std::string> recorded_by;  // the recording user's username
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
    StudentSummary student;
    CourseSummary course;
};

// POST and PUT /attendance. On PUT, `attendance_id` names the record (which may then move to
// another date or session); without it the natural key does.
struct AttendanceInput {
    std::optional<std::int64_t> attendance_id;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date attendance_date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
};

// Which record DELETE means: its id, or all four parts of its natural key.
struct RecordKey {
    std::optional<std::int64_t> attendance_id;
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> course_id;
    std::optional<Date> attendance_date;
    std::optional<std::string> session;
};

struct AttendanceFilter {
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> course_id;
    std::optional<Date> from;  // inclusive
    std::optional<Date> to;    // inclusive
    std::optional<std::string> session;
    std::optional<std::string> status;
    std::optional<std::int64_t> teacher_id;  // only courses this teacher teaches (set by the service)
    std::string order_by;
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct AttendancePage {
    std::vector<Record> records;
    std::int64_t total = 0;
};

// The whole-class register of one course, date and session.
struct RegisterEntry {
    std::int64_t student_id = 0;
    std::string status;
    std::optional<std::string> reason;
};

struct RegisterInput {
    std::int64_t course_id = 0;
    Date date;
    std::string session;
    std::vector<RegisterEntry> records;
    bool mark_others_present = false;
};

// A student's line: everyone enrolled that day, and anyone else with a mark in it.
struct RegisterLine {
    StudentSummary student;
    bool enrolled = false;
    std::optional<Record> mark;
};

struct RegisterCounts {
    std::int64_t students = 0;
    std::int64_t present = 0;
    std::int64_t absent = 0;
    std::int64_t late = 0;
    std::int64_t excused = 0;
    std::int64_t unmarked = 0;
};

struct Register {
    CourseSummary course;
    Date date;
    std::string session;
    std::vector<RegisterLine> lines;
    RegisterCounts counts;
};

// GET /attendance/summary: a course's students, or one student, over a period.
struct SummaryQuery {
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> student_id;
    std::optional<Date> from;
    std::optional<Date> to;
};

struct StudentAttendance {
    StudentSummary student;
    double present = 0;  // days: an AM or PM mark is half a day
    double absent = 0;
    double late = 0;
    double excused = 0;
    double days = 0;
    std::optional<double> attendance_rate;  // (present + late) / days × 100; none without marks
};

struct Summary {
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> student_id;
    std::optional<Date> from;  // the period used (none: unbounded on that side)
    std::optional<Date> to;
    std::vector<StudentAttendance> students;
};

// A register expected on a day that has no mark yet.
struct MissingRegister {
    std::int64_t course_id = 0;
    std::string course_name;
    std::int64_t grade_level = 0;
    std::string section;
    std::string session;
    std::optional<std::int64_t> homeroom_teacher_id;
    Date date;
};

// The attendance calendar: the weekdays a school teaches and the registers it takes each day.
struct Settings {
    std::vector<std::string> school_days;  // in week order
    std::vector<std::string> sessions;     // ["AM", "PM"] or ["FULL"]
    std::int64_t row_version = 0;          // 0: the built-in defaults
};

}  // namespace sala::attendance
