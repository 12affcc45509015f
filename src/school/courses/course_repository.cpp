// See course_repository.hpp.
#include "school/courses/course_repository.hpp"

#include "db/like_pattern.hpp"
#include "school/courses/course_sql.hpp"
#include "school/subjects/subject_repository.hpp"

namespace sala::courses::repo {
namespace {

std::optional<TeacherSummary> teacher_from_row(const db::Row& r, std::optional<std::int64_t> teacher_id)
{
    auto firstname = r.get<std::optional<std::string>>("teacher_firstname");
    if (!teacher_id || !firstname) {
        return std::nullopt;
    }
    return TeacherSummary{*teacher_id, *firstname, r.get<std::optional<std::string>>("teacher_lastname").value_or("")};
}

Course from_row(const db::Row& r)
{
    Course c;
    c.course_id = r.get<std::int64_t>("course_id");
    c.school_year_id = r.get<std::int64_t>("school_year_id");
    c.grade_level = r.get<std::int64_t>("grade_level");
    c.section = r.get<std::string>("section");
    c.name = r.get<std::string>("name");
    c.homeroom_teacher_id = r.get<std::optional<std::int64_t>>("homeroom_teacher_id");
    c.capacity = r.get<std::int64_t>("capacity");
    c.track = r.get<std::optional<std::string>>("track");
    c.active_enrollments = r.get<std::int64_t>("active_enrollments");
    c.row_version = r.get<std::int64_t>("row_version");
    c.created_at = r.get<TimePoint>("created_at");
    c.updated_at = r.get<TimePoint>("updated_at");
    c.school_year = YearSummary{c.school_year_id, r.get<std::string>("year_name"), r.get<Date>("year_start_date"),
                                r.get<Date>("year_end_date"), r.get<bool>("year_is_current")};
    c.homeroom_teacher = teacher_from_row(r, c.homeroom_teacher_id);
    return c;
}

}  // namespace

std::optional<Course> find_by_id(db::Connection& c, std::int64_t course_id)
{
    auto rows = c.query(std::string(sql::kSelectJoined) + std::string(sql::kWhereId), course_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

CoursePage list(db::Connection& c, const CourseFilter& f)
{
    std::optional<std::string> search;
    if (f.q) {
        search = db::contains_pattern(*f.q);
    }
    CoursePage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kCountFrom) + std::string(sql::kListWhere),
                                             f.school_year_id, f.grade_level, f.teacher_id, search)
                     .value_or(0);
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement = std::string(sql::kSelectJoined) + std::string(sql::kListWhere) + " ORDER BY " + f.order_by +
                     " LIMIT $5 OFFSET $6";
    for (auto r : c.query(statement, f.school_year_id, f.grade_level, f.teacher_id, search, f.limit,
                          (f.page - 1) * f.limit)) {
        page.courses.push_back(from_row(r));
    }
    return page;
}

std::optional<std::int64_t> section_taken(db::Connection& c, std::int64_t school_year_id, std::int64_t grade_level,
                                          std::string_view section, std::int64_t except_course_id)
{
    return c.query_value<std::int64_t>(sql::kSectionTaken, school_year_id, grade_level, section, except_course_id);
}

std::optional<std::int64_t> insert(db::Connection& c, const CourseInput& course, TimePoint now)
{
    try {
        return c.query_value<std::int64_t>(sql::kInsert, course.school_year_id, course.grade_level, course.section,
                                           course.name.value_or(""), course.homeroom_teacher_id, course.capacity,
                                           course.track, now);
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return std::nullopt;
        }
        throw;
    }
}

Updated update(db::Connection& c, std::int64_t course_id, const CourseInput& course,
               std::optional<std::int64_t> required_version, TimePoint now)
{
    try {
        auto changed = c.execute(sql::kUpdate, course_id, course.school_year_id, course.grade_level, course.section,
                                 course.name.value_or(""), course.homeroom_teacher_id, course.capacity, course.track,
                                 required_version, now);
        return changed == 1 ? Updated::done : Updated::stale;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return Updated::duplicate;
        }
        if (e.kind() == db::DbError::Kind::check) {
            return Updated::over_capacity;  // CHECK (active_enrollments <= capacity)
        }
        throw;
    }
}

bool touch(db::Connection& c, std::int64_t course_id, std::optional<std::int64_t> required_version, TimePoint now)
{
    return c.execute(sql::kTouch, course_id, now, required_version) == 1;
}

bool remove(db::Connection& c, std::int64_t course_id, std::optional<std::int64_t> required_version)
{
    // Its course_subjects rows go with it (ON DELETE CASCADE; both backends enforce foreign keys).
    return c.execute(sql::kDelete, course_id, required_version) == 1;
}

std::int64_t count_enrollments(db::Connection& c, std::int64_t course_id)
{
    return c.query_value<std::int64_t>(sql::kCountEnrollments, course_id).value_or(0);
}

std::vector<CourseSubject> subjects_of(db::Connection& c, std::int64_t course_id)
{
    std::vector<CourseSubject> out;
    for (auto r : c.query(sql::kSelectSubjects, course_id)) {
        CourseSubject s;
        s.subject_id = r.get<std::int64_t>("subject_id");
        s.code = r.get<std::string>("code");
        s.name = r.get<std::string>("name");
        s.name_kh = r.get<std::optional<std::string>>("name_kh");
        s.max_score = r.get<double>("max_score");
        s.coefficient = r.get<double>("coefficient");
        s.grade_levels = subjects::repo::parse_grade_levels(r.get<std::string>("grade_levels"));
        s.teacher_id = r.get<std::optional<std::int64_t>>("teacher_id");
        s.teacher = teacher_from_row(r, s.teacher_id);
        out.push_back(std::move(s));
    }
    return out;
}

void replace_subjects(db::Connection& c, std::int64_t course_id, std::span<const SubjectAssignment> subjects)
{
    c.execute(sql::kDeleteSubjects, course_id);
    for (const auto& s : subjects) {
        c.execute(sql::kInsertSubject, course_id, s.subject_id, s.teacher_id);
    }
}

std::map<std::int64_t, StaffMember> find_staff(db::Connection& c, std::span<const std::int64_t> user_ids)
{
    std::map<std::int64_t, StaffMember> out;
    if (user_ids.empty()) {
        return out;
    }
    for (auto r : c.query(sql::kSelectStaff.text(c), db::id_list(user_ids))) {
        StaffMember m{r.get<std::int64_t>("user_id"), r.get<std::string>("role"), r.get<std::string>("status")};
        out.emplace(m.user_id, std::move(m));
    }
    return out;
}

std::vector<std::int64_t> grade_levels_of_current_year(db::Connection& c)
{
    std::vector<std::int64_t> out;
    for (auto r : c.query(sql::kGradeLevelsOfCurrentYear)) {
        out.push_back(r.get<std::int64_t>(std::size_t{0}));
    }
    return out;
}

}  // namespace sala::courses::repo
