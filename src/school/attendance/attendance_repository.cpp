// See attendance_repository.hpp.
#include "school/attendance/attendance_repository.hpp"

#include "school/attendance/attendance_sql.hpp"

namespace sala::attendance::repo {
namespace {

StudentSummary student_from_row(const db::Row& r)
{
    return StudentSummary{r.get<std::int64_t>("student_id"),
                          r.get<std::string>("student_code"),
                          r.get<std::string>("first_name"),
                          r.get<std::string>("last_name"),
                          r.get<std::optional<std::string>>("first_name_kh"),
                          r.get<std::optional<std::string>>("last_name_kh"),
                          r.get<std::string>("gender")};
}

Record from_row(const db::Row& r)
{
    Record a;
    a.attendance_id = r.get<std::int64_t>("attendance_id");
    a.student_id = r.get<std::int64_t>("student_id");
    a.course_id = r.get<std::int64_t>("course_id");
    a.attendance_date = r.get<Date>("attendance_date");
    a.session = r.get<std::string>("session");
    a.status = r.get<std::string>("status");
    a.reason = r.get<std::optional<std::string>>("reason");
    a.recorded_by = r.get<std::optional<std::string>>("recorded_by_name");
    a.row_version = r.get<std::int64_t>("row_version");
    a.created_at = r.get<TimePoint>("created_at");
    a.updated_at = r.get<TimePoint>("updated_at");
    a.student = student_from_row(r);
    a.course = CourseSummary{a.course_id, r.get<std::string>("course_name"), r.get<std::int64_t>("grade_level"),
                             r.get<std::string>("section"), r.get<std::int64_t>("school_year_id")};
    return a;
}

std::vector<Record> records_of(const db::Rows& rows)
{
    std::vector<Record> out;
    out.reserve(rows.size());
    for (auto row : rows) {
        out.push_back(from_row(row));
    }
    return out;
}

std::vector<StudentSummary> students_of(const db::Rows& rows)
{
    std::vector<StudentSummary> out;
    out.reserve(rows.size());
    for (auto row : rows) {
        out.push_back(student_from_row(row));
    }
    return out;
}

std::vector<DayMark> day_marks_of(const db::Rows& rows)
{
    std::vector<DayMark> out;
    out.reserve(rows.size());
    for (auto r : rows) {
        out.push_back(DayMark{r.get<std::int64_t>("attendance_id"), r.get<std::int64_t>("student_id"),
                              r.get<std::int64_t>("course_id"), r.get<std::string>("session"),
                              r.get<std::string>("status"), r.get<std::optional<std::string>>("reason")});
    }
    return out;
}

std::vector<MarkCount> counts_of(const db::Rows& rows)
{
    std::vector<MarkCount> out;
    out.reserve(rows.size());
    for (auto r : rows) {
        out.push_back(MarkCount{r.get<std::int64_t>("student_id"), r.get<std::string>("session"),
                                r.get<std::string>("status"), r.get<std::int64_t>("marks")});
    }
    return out;
}

// The WHERE clause of a list, from the fixed fragments of attendance_sql.hpp; values only ever as
// parameters.
struct Where {
    std::string text{sql::kWhereAll};
    std::vector<db::Value> params;

    std::string param(db::Value v)
    {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    }
    template <class T>
    void add(std::string_view fragment, const std::optional<T>& value)
    {
        if (value) {
            text += fragment;
            text += param(db::to_value(*value));
        }
    }
};

Where where_of(const AttendanceFilter& f)
{
    Where w;
    w.add(sql::kFilterStudent, f.student_id);
    w.add(sql::kFilterCourse, f.course_id);
    w.add(sql::kFilterFrom, f.from);
    w.add(sql::kFilterTo, f.to);
    w.add(sql::kFilterSession, f.session);
    w.add(sql::kFilterStatus, f.status);
    if (f.teacher_id) {
        auto teacher = w.param(*f.teacher_id);
        w.text += std::string(sql::kFilterTeacherHomeroom) + teacher + std::string(sql::kFilterTeacherSubject) +
                  teacher + "))";
    }
    return w;
}

}  // namespace

std::optional<Record> find(db::Connection& c, std::int64_t attendance_id)
{
    auto rows = c.query(std::string(sql::kSelect) + std::string(sql::kById), attendance_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

std::optional<Record> find_by_key(db::Connection& c, std::int64_t student_id, std::int64_t course_id, Date date,
                                  std::string_view session)
{
    auto rows = c.query(std::string(sql::kSelect) + std::string(sql::kByKey), student_id, course_id, date, session);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

AttendancePage list(db::Connection& c, const AttendanceFilter& f)
{
    AttendancePage page;
    auto where = where_of(f);
    auto counted = c.query_params(std::string(sql::kCount) + where.text, where.params);
    page.total = counted.empty() ? 0 : counted.front().get<std::int64_t>(std::size_t{0});
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement = std::string(sql::kSelect) + where.text + " ORDER BY " + f.order_by + " LIMIT " +
                     where.param(f.limit) + " OFFSET " + where.param((f.page - 1) * f.limit);
    page.records = records_of(c.query_params(statement, where.params));
    return page;
}

std::int64_t insert(db::Connection& c, const Row& r, TimePoint now)
{
    return c
        .query_value<std::int64_t>(sql::kInsert, r.student_id, r.course_id, r.date, r.session, r.status, r.reason,
                                   r.recorded_by, now)
        .value_or(0);
}

bool update(db::Connection& c, std::int64_t attendance_id, const Row& r, std::optional<std::int64_t> required_version,
            TimePoint now)
{
    return c.execute(sql::kUpdate, attendance_id, r.date, r.session, r.status, r.reason, r.recorded_by, now,
                     required_version) == 1;
}

void update_mark(db::Connection& c, std::int64_t attendance_id, std::string_view status,
                 const std::optional<std::string>& reason, std::optional<std::int64_t> recorded_by, TimePoint now)
{
    c.execute(sql::kUpdateMark, attendance_id, status, reason, recorded_by, now);
}

bool remove(db::Connection& c, std::int64_t attendance_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, attendance_id, required_version) == 1;
}

void lock_students(db::Connection& c, std::span<const std::int64_t> student_ids)
{
    if (!student_ids.empty()) {
        static_cast<void>(c.query(sql::kLockStudents.text(c), db::id_list(student_ids)));
    }
}

std::vector<DayMark> student_day(db::Connection& c, std::int64_t student_id, Date date)
{
    return day_marks_of(c.query(sql::kStudentDay, student_id, date));
}

std::vector<DayMark> course_day(db::Connection& c, std::int64_t course_id, Date date)
{
    return day_marks_of(c.query(sql::kCourseDay, course_id, date));
}

std::vector<StudentSummary> roster(db::Connection& c, std::int64_t course_id, Date date)
{
    return students_of(c.query(sql::kRoster, course_id, date));
}

std::vector<Record> register_marks(db::Connection& c, std::int64_t course_id, Date date, std::string_view session)
{
    return records_of(c.query(std::string(sql::kSelect) + std::string(sql::kRegister), course_id, date, session));
}

std::vector<StudentSummary> summary_students(db::Connection& c, std::int64_t course_id, Date from, Date to)
{
    return students_of(c.query(sql::kSummaryStudents, course_id, from, to));
}

std::optional<StudentSummary> student(db::Connection& c, std::int64_t student_id)
{
    auto rows = c.query(sql::kStudent, student_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return student_from_row(rows.front());
}

std::vector<MarkCount> counts_of_course(db::Connection& c, std::int64_t course_id, Date from, Date to)
{
    return counts_of(c.query(sql::kCountsOfCourse, course_id, from, to));
}

std::vector<MarkCount> counts_of_student(db::Connection& c, std::int64_t student_id, Date from, Date to,
                                         std::optional<std::int64_t> teacher_id)
{
    return counts_of(c.query(sql::kCountsOfStudent, student_id, from, to, teacher_id));
}

std::vector<PeriodMark> marks_of_course(db::Connection& c, std::int64_t course_id, Date from, Date to)
{
    std::vector<PeriodMark> out;
    for (auto r : c.query(sql::kMarksOfCourse, course_id, from, to)) {
        out.push_back(PeriodMark{r.get<std::int64_t>("student_id"), r.get<Date>("attendance_date"),
                                 r.get<std::string>("session"), r.get<std::string>("status")});
    }
    return out;
}

std::vector<CourseDay> courses_in_session(db::Connection& c, Date date, std::optional<std::int64_t> teacher_id)
{
    std::vector<CourseDay> out;
    for (auto r : c.query(sql::kCoursesInSession, date, teacher_id)) {
        out.push_back(CourseDay{r.get<std::int64_t>("course_id"), r.get<std::string>("name"),
                                r.get<std::int64_t>("grade_level"), r.get<std::string>("section"),
                                r.get<std::optional<std::int64_t>>("homeroom_teacher_id"), r.get<bool>("am_taken"),
                                r.get<bool>("pm_taken"), r.get<bool>("any_taken")});
    }
    return out;
}

std::optional<std::string> active_role(db::Connection& c, std::int64_t user_id)
{
    return c.query_value<std::string>(sql::kActiveRole, user_id);
}

}  // namespace sala::attendance::repo
