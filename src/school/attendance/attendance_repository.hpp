// SQL access for attendance: no rules, no HTTP. Throws (DbError) only when the database fails.
#pragma once

#include "db/database.hpp"
#include "school/attendance/attendance.hpp"

#include <optional>
#include <span>

namespace sala::attendance::repo {

[[nodiscard]] std::optional<Record> find(db::Connection& c, std::int64_t attendance_id);
[[nodiscard]] std::optional<Record> find_by_key(db::Connection& c, std::int64_t student_id, std::int64_t course_id,
                                                Date date, std::string_view session);
// Two queries: the count and the page.
[[nodiscard]] AttendancePage list(db::Connection& c, const AttendanceFilter& filter);

struct Row {
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    Date date;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
    std::optional<std::int64_t> recorded_by;
};
[[nodiscard]] std::int64_t insert(db::Connection& c, const Row& row, TimePoint now);
// Changes date, session, status, reason and recorder. False when If-Match's version (if any) does
// not match.
[[nodiscard]] bool update(db::Connection& c, std::int64_t attendance_id, const Row& row,
                          std::optional<std::int64_t> required_version, TimePoint now);
void update_mark(db::Connection& c, std::int64_t attendance_id, std::string_view status,
                 const std::optional<std::string>& reason, std::optional<std::int64_t> recorded_by, TimePoint now);
[[nodiscard]] bool remove(db::Connection& c, std::int64_t attendance_id, std::optional<std::int64_t> required_version);

// Holds the writers of these students' marks off until the transaction ends (the rules below are
// checked, then written, in between).
void lock_students(db::Connection& c, std::span<const std::int64_t> student_ids);

// A mark as the rules about one day see it.
struct DayMark {
    std::int64_t attendance_id = 0;
    std::int64_t student_id = 0;
    std::int64_t course_id = 0;
    std::string session;
    std::string status;
    std::optional<std::string> reason;
};
// The student's marks that day, in every course.
[[nodiscard]] std::vector<DayMark> student_day(db::Connection& c, std::int64_t student_id, Date date);
// The marks that day of everyone who is or was in the course (in every course), and of anyone
// marked in it.
[[nodiscard]] std::vector<DayMark> course_day(db::Connection& c, std::int64_t course_id, Date date);

// The students enrolled in the course on the date, in no particular order.
[[nodiscard]] std::vector<StudentSummary> roster(db::Connection& c, std::int64_t course_id, Date date);
// One register's marks, with their students.
[[nodiscard]] std::vector<Record> register_marks(db::Connection& c, std::int64_t course_id, Date date,
                                                 std::string_view session);

// The course's students at some time in the period, or marked in the course during it.
[[nodiscard]] std::vector<StudentSummary> summary_students(db::Connection& c, std::int64_t course_id, Date from,
                                                           Date to);
[[nodiscard]] std::optional<StudentSummary> student(db::Connection& c, std::int64_t student_id);

struct MarkCount {
    std::int64_t student_id = 0;
    std::string session;
    std::string status;
    std::int64_t marks = 0;
};
[[nodiscard]] std::vector<MarkCount> counts_of_course(db::Connection& c, std::int64_t course_id, Date from, Date to);
// `teacher_id`: only the marks of courses this teacher teaches.
[[nodiscard]] std::vector<MarkCount> counts_of_student(db::Connection& c, std::int64_t student_id, Date from, Date to,
                                                       std::optional<std::int64_t> teacher_id);

// A mark as a register sheet shows it.
struct PeriodMark {
    std::int64_t student_id = 0;
    Date date;
    std::string session;
    std::string status;
};
[[nodiscard]] std::vector<PeriodMark> marks_of_course(db::Connection& c, std::int64_t course_id, Date from, Date to);

// A course in session on a day and which of its registers have marks.
struct CourseDay {
    std::int64_t course_id = 0;
    std::string name;
    std::int64_t grade_level = 0;
    std::string section;
    std::optional<std::int64_t> homeroom_teacher_id;
    bool am_taken = false;  // an AM or FULL mark
    bool pm_taken = false;  // a PM or FULL mark
    bool any_taken = false;
};
[[nodiscard]] std::vector<CourseDay> courses_in_session(db::Connection& c, Date date,
                                                        std::optional<std::int64_t> teacher_id);

// The role of an active, not deleted account.
[[nodiscard]] std::optional<std::string> active_role(db::Connection& c, std::int64_t user_id);

}  // namespace sala::attendance::repo
