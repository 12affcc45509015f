// See enrollment_repository.hpp.
#include "school/enrollments/enrollment_repository.hpp"

#include "school/enrollments/enrollment_sql.hpp"

namespace sala::enrollments::repo {
namespace {

Enrollment from_row(const db::Row& r)
{
    Enrollment e;
    e.enrollment_id = r.get<std::int64_t>("enrollment_id");
    e.student_id = r.get<std::int64_t>("student_id");
    e.course_id = r.get<std::int64_t>("course_id");
    e.school_year_id = r.get<std::int64_t>("school_year_id");
    e.enrollment_date = r.get<Date>("enrollment_date");
    e.status = r.get<std::string>("status");
    e.drop_semester_id = r.get<std::optional<std::int64_t>>("drop_semester_id");
    e.drop_reason = r.get<std::optional<std::string>>("drop_reason");
    e.row_version = r.get<std::int64_t>("row_version");
    e.created_at = r.get<TimePoint>("created_at");
    e.updated_at = r.get<TimePoint>("updated_at");
    e.student = StudentSummary{e.student_id,
                               r.get<std::string>("student_code"),
                               r.get<std::string>("first_name"),
                               r.get<std::string>("last_name"),
                               r.get<std::optional<std::string>>("first_name_kh"),
                               r.get<std::optional<std::string>>("last_name_kh"),
                               r.get<std::string>("gender"),
                               r.get<std::string>("student_status")};
    e.course = CourseSummary{e.course_id, r.get<std::string>("course_name"), r.get<std::int64_t>("grade_level"),
                             r.get<std::string>("section"), e.school_year_id};
    return e;
}

}  // namespace

std::optional<Enrollment> find(db::Connection& c, std::int64_t enrollment_id)
{
    auto rows = c.query(std::string(sql::kSelect) + " WHERE e.enrollment_id = $1", enrollment_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

EnrollmentPage list(db::Connection& c, const EnrollmentFilter& f)
{
    EnrollmentPage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kCount) + std::string(sql::kWhere), f.student_id,
                                             f.course_id, f.school_year_id, f.status, f.teacher_id)
                     .value_or(0);
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement =
        std::string(sql::kSelect) + std::string(sql::kWhere) + " ORDER BY " + f.order_by + " LIMIT $6 OFFSET $7";
    for (auto row : c.query(statement, f.student_id, f.course_id, f.school_year_id, f.status, f.teacher_id, f.limit,
                            (f.page - 1) * f.limit)) {
        page.enrollments.push_back(from_row(row));
    }
    return page;
}

std::int64_t insert(db::Connection& c, const Row& r, TimePoint now)
{
    return c
        .query_value<std::int64_t>(sql::kInsert, r.student_id, r.course_id, r.school_year_id, r.enrollment_date,
                                   r.status, r.drop_semester_id, r.drop_reason, now)
        .value_or(0);
}

bool update(db::Connection& c, std::int64_t enrollment_id, const Row& r, std::optional<std::int64_t> required_version,
            TimePoint now)
{
    return c.execute(sql::kUpdate, enrollment_id, r.course_id, r.school_year_id, r.enrollment_date, r.status,
                     r.drop_semester_id, r.drop_reason, required_version, now) == 1;
}

bool remove(db::Connection& c, std::int64_t enrollment_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, enrollment_id, required_version) == 1;
}

std::optional<std::int64_t> active_in_year(db::Connection& c, std::int64_t student_id, std::int64_t school_year_id,
                                           std::int64_t except_enrollment_id)
{
    return c.query_value<std::int64_t>(sql::kActiveInYear, student_id, school_year_id, except_enrollment_id);
}

std::set<std::int64_t> enrolled_on(db::Connection& c, std::int64_t course_id, Date date)
{
    std::set<std::int64_t> out;
    for (auto r : c.query(sql::kEnrolledOn, course_id, date)) {
        out.insert(r.get<std::int64_t>(std::size_t{0}));
    }
    return out;
}

bool take_seat(db::Connection& c, std::int64_t course_id)
{
    return c.execute(sql::kTakeSeat, course_id) == 1;
}

void release_seat(db::Connection& c, std::int64_t course_id)
{
    c.execute(sql::kReleaseSeat, course_id);
}

void touch_student(db::Connection& c, std::int64_t student_id, TimePoint now)
{
    c.execute(sql::kTouchStudent, student_id, now);
}

}  // namespace sala::enrollments::repo
