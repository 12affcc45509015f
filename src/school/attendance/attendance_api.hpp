// The JSON shapes of the attendance routes (the seed's AttendanceResponse and request bodies, the
// register, summaries, missing registers, the attendance settings) and how records become them.
// Include only from the attendance route files (.cpp).
#pragma once

#include "http/json.hpp"
#include "http/router.hpp"
#include "school/attendance/attendance.hpp"
#include "school/enrollments/summary_views.hpp"

namespace sala::attendance {

class AttendanceService;

struct AttendanceView {
    std::int64_t attendance_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date attendance_date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
    std::optional<std::string> recorded_by;  // the recording user's username
    TimePoint created_at;
    TimePoint updated_at;
    enrollments::StudentRef student;
    enrollments::CourseRef course;
};
BOOST_DESCRIBE_STRUCT(AttendanceView, (),
                      (attendance_id, student_id, course_id, attendance_date, session, status, reason, recorded_by,
                       created_at, updated_at, student, course))

// POST /attendance. The seed's recordedBy is accepted and ignored: the signed-in user records.
struct CreateAttendanceBody {
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date attendance_date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
    std::optional<std::string> recorded_by;
};
BOOST_DESCRIBE_STRUCT(CreateAttendanceBody, (),
                      (student_id, course_id, attendance_date, session, status, reason, recorded_by))

// PUT /attendance: the record by attendanceId (which may then move to another date or session),
// or else by student, course, date and session.
struct UpdateAttendanceBody {
    std::optional<std::int64_t> attendance_id;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date attendance_date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
    std::optional<std::string> recorded_by;
};
BOOST_DESCRIBE_STRUCT(UpdateAttendanceBody, (),
                      (attendance_id, student_id, course_id, attendance_date, session, status, reason, recorded_by))

struct RegisterRowBody {
    std::int64_t student_id = 0;
    std::string status;
    std::optional<std::string> reason;
};
BOOST_DESCRIBE_STRUCT(RegisterRowBody, (), (student_id, status, reason))

struct RegisterBody {
    std::vector<RegisterRowBody> records;
    std::optional<bool> mark_others_present;  // default false
};
BOOST_DESCRIBE_STRUCT(RegisterBody, (), (records, mark_others_present))

// A student's line in a register: their mark's fields are null until it is taken.
struct RegisterLineView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
    bool enrolled = false;  // enrolled in the course that day (false: only marked in it)
    std::optional<std::int64_t> attendance_id;
    std::optional<std::string> status;
    std::optional<std::string> reason;
    std::optional<std::string> recorded_by;
    std::optional<TimePoint> updated_at;
};
BOOST_DESCRIBE_STRUCT(RegisterLineView, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, gender, enrolled,
                       attendance_id, status, reason, recorded_by, updated_at))

struct RegisterCountsView {
    std::int64_t students = 0;
    std::int64_t present = 0;
    std::int64_t absent = 0;
    std::int64_t late = 0;
    std::int64_t excused = 0;
    std::int64_t unmarked = 0;
};
BOOST_DESCRIBE_STRUCT(RegisterCountsView, (), (students, present, absent, late, excused, unmarked))

struct RegisterView {
    std::int64_t course_id = 0;
    enrollments::CourseRef course;
    Date date;
    std::string session;
    std::vector<RegisterLineView> records;
    RegisterCountsView counts;
};
BOOST_DESCRIBE_STRUCT(RegisterView, (), (course_id, course, date, session, records, counts))

struct StudentAttendanceView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
    double present = 0;
    double absent = 0;
    double late = 0;
    double excused = 0;
    double days = 0;
    std::optional<double> attendance_rate;
};
BOOST_DESCRIBE_STRUCT(StudentAttendanceView, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, gender, present,
                       absent, late, excused, days, attendance_rate))

struct SummaryView {
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> student_id;
    std::optional<Date> from;
    std::optional<Date> to;
    std::vector<StudentAttendanceView> students;
};
BOOST_DESCRIBE_STRUCT(SummaryView, (), (course_id, student_id, from, to, students))

struct MissingRegisterView {
    std::int64_t course_id = 0;
    std::string course_name;
    std::int64_t grade_level = 0;
    std::string section;
    std::string session;
    std::optional<std::int64_t> homeroom_teacher_id;
    Date date;
};
BOOST_DESCRIBE_STRUCT(MissingRegisterView, (),
                      (course_id, course_name, grade_level, section, session, homeroom_teacher_id, date))

struct AttendanceSettingsView {
    std::vector<std::string> school_days;
    std::vector<std::string> sessions;
};
BOOST_DESCRIBE_STRUCT(AttendanceSettingsView, (), (school_days, sessions))

AttendanceView view(const Record& r);
RegisterView view(const Register& r);
SummaryView view(const Summary& s);
MissingRegisterView view(const MissingRegister& m);
AttendanceSettingsView view(const Settings& s);

// GET/PUT /courses/{id}/attendance/{date}/{session}, the summaries, the missing registers and
// /settings/attendance (attendance_register_routes.cpp).
void register_class_attendance_routes(http::Router& router, AttendanceService& attendance);
// GET /courses/{id}/attendance/monthly and its spreadsheet, /courses/{id}/attendance/export
// (attendance_monthly_routes.cpp).
void register_monthly_attendance_routes(http::Router& router, AttendanceService& attendance);

}  // namespace sala::attendance
