// What is read from the marks as a whole (AttendanceService::summary, monthly_register and
// missing) and the attendance calendar they use (settings, save_settings). A summary is one
// aggregate query (marks counted by student, session and status) fed to grading's half-day
// counting; a monthly register reads the month's marks in one query and counts them the same way.
#include "core/calendar.hpp"
#include "school/attendance/attendance_repository.hpp"
#include "school/attendance/attendance_rules.hpp"
#include "school/attendance/attendance_service.hpp"
#include "school/attendance/attendance_settings.hpp"
#include "school/courses/course_repository.hpp"
#include "school/grading/calculations.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/settings/settings_repository.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace sala::attendance {
namespace {

// Bounds for a side of a period left open: before and after any school's records.
constexpr Date kEarliest{std::chrono::year{1900} / 1 / 1};
constexpr Date kLatest{std::chrono::year{9999} / 12 / 31};

Settings load_settings(db::Connection& c)
{
    auto stored = settings::repo::find(c, kSettingsName);
    if (!stored) {
        return default_settings();
    }
    return settings_from_json(stored->value, stored->row_version);
}

StudentAttendance attendance_of(StudentSummary student, const grading::AttendanceCounts& n)
{
    return StudentAttendance{std::move(student),        grading::display(n.present), grading::display(n.absent),
                             grading::display(n.late),  grading::display(n.excused), grading::display(n.days()),
                             grading::display(n.rate())};
}

}  // namespace

Result<Summary> AttendanceService::summary(const SummaryQuery& q, const Principal& reader)
{
    FieldErrors errors;
    if (!q.course_id && !q.student_id) {
        errors.add("courseId", "REQUIRED");
        errors.add("studentId", "REQUIRED");
    }
    if (q.from && q.to && *q.to < *q.from) {
        errors.add("to", "END_BEFORE_START");
    }
    auto lease = db_.read();
    std::optional<courses::Course> course;
    if (q.course_id) {
        course = courses::repo::find_by_id(*lease, *q.course_id);
        if (!course) {
            errors.add("courseId", "NOT_FOUND");
        }
    }
    std::optional<StudentSummary> student;
    if (q.student_id) {
        student = repo::student(*lease, *q.student_id);
        if (!student) {
            errors.add("studentId", "NOT_FOUND");
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto teacher = course_limit(*lease, reader);
    if (course && !may_use_course(*lease, reader, course->course_id)) {
        return forbidden_course();
    }

    // The period: as asked, else the course's school year, else the current one.
    Summary out{q.course_id, q.student_id, q.from, q.to, {}};
    std::optional<courses::YearSummary> year;
    if (course) {
        year = course->school_year;
    } else if (auto current = school_years::repo::find_current(*lease)) {
        year =
            courses::YearSummary{current->school_year_id, current->name, current->start_date, current->end_date, true};
    }
    if (year) {
        out.from = q.from.value_or(year->start_date);
        out.to = q.to.value_or(year->end_date);
    }
    auto from = out.from.value_or(kEarliest);
    auto to = out.to.value_or(kLatest);

    std::vector<StudentSummary> students;
    std::vector<repo::MarkCount> counts;
    if (course) {
        students = repo::summary_students(*lease, course->course_id, from, to);
        counts = repo::counts_of_course(*lease, course->course_id, from, to);
        if (student) {
            std::erase_if(students, [&](const StudentSummary& s) { return s.student_id != student->student_id; });
            if (students.empty()) {
                students.push_back(*student);
            }
        }
    } else {
        students.push_back(*student);
        counts = repo::counts_of_student(*lease, student->student_id, from, to, teacher);
    }
    std::map<std::int64_t, grading::AttendanceCounts> by_student;
    for (const auto& c : counts) {
        by_student[c.student_id].add(grading::AttendanceMark{c.session, c.status}, static_cast<double>(c.marks));
    }
    std::sort(students.begin(), students.end(), in_name_order);
    for (auto& s : students) {
        auto id = s.student_id;
        out.students.push_back(attendance_of(std::move(s), by_student[id]));
    }
    return out;
}

Result<MonthlyRegisterView> AttendanceService::monthly_register(std::int64_t course_id, const std::string& month,
                                                                const Principal& reader)
{
    auto lease = db_.read();
    auto course = course_for(*lease, reader, course_id);
    if (!course) {
        return course.error();
    }
    const auto& year = course->school_year;
    auto span = parse_month(month);
    if (!span || span->last < year.start_date || span->first > year.end_date) {
        FieldErrors errors;
        errors.add(
            "month", "OUT_OF_RANGE",
            {{"min", format_date(year.start_date).substr(0, 7)}, {"max", format_date(year.end_date).substr(0, 7)}});
        return errors.to_error();
    }
    const auto calendar = load_settings(*lease);
    const auto label = " " + std::to_string(span->month.year);
    MonthlyRegisterView out{
        enrollments::CourseRef{course_id, course->name, course->grade_level, course->section, course->school_year_id},
        span->month.key,
        std::string(span->month.name_en) + label,
        std::string(span->month.name_kh) + label,
        {},
        {}};
    for (auto day = span->first; day <= span->last; day += std::chrono::days(1)) {
        auto number = static_cast<unsigned>(std::chrono::year_month_day(day).day());
        out.days.push_back(MonthDayView{day, number, std::string(weekday_of(day)), is_school_day(calendar, day)});
    }

    auto students = repo::summary_students(*lease, course_id, span->first, span->last);
    std::sort(students.begin(), students.end(), in_name_order);
    std::map<std::int64_t, std::size_t> row_of;
    std::vector<grading::AttendanceCounts> counts(students.size());
    for (const auto& s : students) {
        row_of.emplace(s.student_id, out.students.size());
        out.students.push_back(
            MonthlyStudentView{enrollments::student_ref(s), std::vector<DayMarksView>(out.days.size())});
    }
    for (const auto& m : repo::marks_of_course(*lease, course_id, span->first, span->last)) {
        // The list holds whoever was marked in the course that month, unless the mark is newer.
        auto found = row_of.find(m.student_id);
        if (found == row_of.end()) {
            continue;
        }
        auto at = found->second;
        auto& day = out.students[at].marks[static_cast<std::size_t>((m.date - span->first).count())];
        (m.session == "AM" ? day.am : m.session == "PM" ? day.pm : day.full) = m.status;
        counts[at].add(grading::AttendanceMark{m.session, m.status});
    }
    for (std::size_t i = 0; i < out.students.size(); ++i) {
        const auto& n = counts[i];
        auto& s = out.students[i];
        s.present = grading::display(n.present);
        s.absent = grading::display(n.absent);
        s.late = grading::display(n.late);
        s.excused = grading::display(n.excused);
        s.days = grading::display(n.days());
        s.attendance_rate = grading::display(n.rate());
    }
    return out;
}

std::vector<MissingRegister> AttendanceService::missing(std::optional<Date> date, const Principal& reader)
{
    auto day = date.value_or(to_date(clock_.now()));
    auto lease = db_.read();
    auto calendar = load_settings(*lease);
    std::vector<MissingRegister> out;
    if (!is_school_day(calendar, day)) {
        return out;
    }
    for (const auto& c : repo::courses_in_session(*lease, day, course_limit(*lease, reader))) {
        for (const auto& session : calendar.sessions) {
            bool taken = session == "AM" ? c.am_taken : session == "PM" ? c.pm_taken : c.any_taken;
            if (!taken) {
                out.push_back(MissingRegister{c.course_id, c.name, c.grade_level, c.section, session,
                                              c.homeroom_teacher_id, day});
            }
        }
    }
    return out;
}

Settings AttendanceService::settings()
{
    auto lease = db_.read();
    return load_settings(*lease);
}

Result<Settings> AttendanceService::save_settings(Settings s, std::optional<std::int64_t> required_version,
                                                  const Principal& writer)
{
    FieldErrors errors;
    check_settings(errors, s);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    if (!settings::repo::save(*tx, kSettingsName, settings_to_json(s), required_version, writer.user_id,
                              clock_.now())) {
        return make_error(ErrorCode::precondition_failed);
    }
    auto saved = load_settings(*tx);
    tx.commit();
    return saved;
}

}  // namespace sala::attendance
