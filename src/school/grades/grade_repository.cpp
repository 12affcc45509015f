// See grade_repository.hpp.
#include "school/grades/grade_repository.hpp"

#include "db/portable_sql.hpp"
#include "school/grades/grade_sql.hpp"

namespace sala::grades::repo {
namespace {

const db::PortableSql kSelectMany(std::string(sql::kSelect) + " WHERE g.grade_id IN {{ids:$1}} ORDER BY g.grade_id");

Grade from_row(const db::Row& r)
{
    Grade g;
    g.grade_id = r.get<std::int64_t>("grade_id");
    g.student_id = r.get<std::int64_t>("student_id");
    g.course_id = r.get<std::int64_t>("course_id");
    g.subject_id = r.get<std::int64_t>("subject_id");
    g.semester_id = r.get<std::int64_t>("semester_id");
    g.grade_type = r.get<std::string>("grade_type");
    g.score = r.get<double>("score");
    g.max_score = r.get<double>("max_score");
    g.grade_date = r.get<Date>("grade_date");
    g.month = r.get<std::string>("grade_month");
    g.comments = r.get<std::optional<std::string>>("comments");
    g.recorded_by = r.get<std::optional<std::string>>("recorded_by");
    g.row_version = r.get<std::int64_t>("row_version");
    g.created_at = r.get<TimePoint>("created_at");
    g.updated_at = r.get<TimePoint>("updated_at");
    g.student = enrollments::StudentSummary{g.student_id,
                                            r.get<std::string>("student_code"),
                                            r.get<std::string>("first_name"),
                                            r.get<std::string>("last_name"),
                                            r.get<std::optional<std::string>>("first_name_kh"),
                                            r.get<std::optional<std::string>>("last_name_kh"),
                                            r.get<std::string>("gender"),
                                            r.get<std::string>("student_status")};
    g.course = enrollments::CourseSummary{g.course_id, r.get<std::string>("course_name"),
                                          r.get<std::int64_t>("grade_level"), r.get<std::string>("section"),
                                          r.get<std::int64_t>("school_year_id")};
    g.subject = SubjectSummary{g.subject_id,
                               r.get<std::string>("subject_code"),
                               r.get<std::string>("subject_name"),
                               r.get<std::optional<std::string>>("subject_name_kh"),
                               r.get<double>("subject_max_score"),
                               r.get<double>("coefficient")};
    g.semester = SemesterSummary{g.semester_id,
                                 g.course.school_year_id,
                                 r.get<std::string>("semester_name"),
                                 r.get<std::int64_t>("semester_order"),
                                 r.get<Date>("semester_start"),
                                 r.get<Date>("semester_end")};
    return g;
}

std::string month_of(Date d)
{
    return format_date(d).substr(0, 7);
}

}  // namespace

std::optional<Grade> find(db::Connection& c, std::int64_t grade_id)
{
    auto rows = c.query(std::string(sql::kSelect) + " WHERE g.grade_id = $1", grade_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

std::vector<Grade> find_many(db::Connection& c, std::span<const std::int64_t> grade_ids)
{
    std::vector<Grade> out;
    if (grade_ids.empty()) {
        return out;
    }
    for (auto r : c.query(kSelectMany.text(c), db::id_list(grade_ids))) {
        out.push_back(from_row(r));
    }
    return out;
}

GradePage list(db::Connection& c, const GradeFilter& f)
{
    GradePage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kCount) + std::string(sql::kWhere), f.student_id,
                                             f.course_id, f.subject_id, f.semester_id, f.grade_type, f.month,
                                             f.teacher_id)
                     .value_or(0);
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement =
        std::string(sql::kSelect) + std::string(sql::kWhere) + " ORDER BY " + f.order_by + " LIMIT $8 OFFSET $9";
    for (auto r : c.query(statement, f.student_id, f.course_id, f.subject_id, f.semester_id, f.grade_type, f.month,
                          f.teacher_id, f.limit, (f.page - 1) * f.limit)) {
        page.grades.push_back(from_row(r));
    }
    return page;
}

std::int64_t insert(db::Connection& c, const Row& r, TimePoint now)
{
    return c
        .query_value<std::int64_t>(sql::kInsert, r.student_id, r.course_id, r.subject_id, r.semester_id,
                                   r.grade_type, r.score, r.max_score, r.grade_date, month_of(r.grade_date),
                                   r.comments, r.recorded_by, now)
        .value_or(0);
}

bool update(db::Connection& c, std::int64_t grade_id, const Row& r, std::optional<std::int64_t> required_version,
            TimePoint now)
{
    return c.execute(sql::kUpdate, grade_id, r.student_id, r.course_id, r.subject_id, r.semester_id, r.grade_type,
                     r.score, r.max_score, r.grade_date, month_of(r.grade_date), r.comments, required_version,
                     r.recorded_by, now) == 1;
}

bool remove(db::Connection& c, std::int64_t grade_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, grade_id, required_version) == 1;
}

}  // namespace sala::grades::repo
