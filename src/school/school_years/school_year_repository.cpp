// See school_year_repository.hpp.
#include "school/school_years/school_year_repository.hpp"

#include "school/school_years/school_year_sql.hpp"

namespace sala::school_years::repo {
namespace {

SchoolYear year_from_row(const db::Row& r)
{
    SchoolYear y;
    y.school_year_id = r.get<std::int64_t>("school_year_id");
    y.name = r.get<std::string>("name");
    y.start_date = r.get<Date>("start_date");
    y.end_date = r.get<Date>("end_date");
    y.is_current = r.get<bool>("is_current");
    y.row_version = r.get<std::int64_t>("row_version");
    y.created_at = r.get<TimePoint>("created_at");
    y.updated_at = r.get<TimePoint>("updated_at");
    return y;
}

Semester semester_from_row(const db::Row& r)
{
    Semester s;
    s.semester_id = r.get<std::int64_t>("semester_id");
    s.school_year_id = r.get<std::int64_t>("school_year_id");
    s.name = r.get<std::string>("name");
    s.order = r.get<std::int64_t>("semester_order");
    s.start_date = r.get<Date>("start_date");
    s.end_date = r.get<Date>("end_date");
    s.row_version = r.get<std::int64_t>("row_version");
    s.created_at = r.get<TimePoint>("created_at");
    s.updated_at = r.get<TimePoint>("updated_at");
    return s;
}

}  // namespace

std::optional<SchoolYear> find_by_id(db::Connection& c, std::int64_t school_year_id)
{
    auto rows = c.query(sql::kSelectById, school_year_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return year_from_row(rows.front());
}

std::optional<SchoolYear> find_current(db::Connection& c)
{
    auto rows = c.query(sql::kSelectCurrent);
    if (rows.empty()) {
        return std::nullopt;
    }
    return year_from_row(rows.front());
}

std::optional<std::int64_t> find_id_by_name(db::Connection& c, std::string_view name)
{
    return c.query_value<std::int64_t>(sql::kSelectIdByName, name);
}

SchoolYearPage list(db::Connection& c, const SchoolYearFilter& f)
{
    SchoolYearPage page;
    page.total = c.query_value<std::int64_t>(sql::kCount).value_or(0);
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement = std::string(sql::kListSelect) + " ORDER BY " + f.order_by + " LIMIT $1 OFFSET $2";
    for (auto r : c.query(statement, f.limit, (f.page - 1) * f.limit)) {
        page.school_years.push_back(year_from_row(r));
    }
    return page;
}

std::optional<std::int64_t> insert(db::Connection& c, const SchoolYearInput& y, TimePoint now)
{
    try {
        return c.query_value<std::int64_t>(sql::kInsert, y.name, y.start_date, y.end_date, y.is_current.value_or(false),
                                           now);
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return std::nullopt;
        }
        throw;
    }
}

Updated update(db::Connection& c, std::int64_t school_year_id, const SchoolYearInput& y, bool is_current,
               std::optional<std::int64_t> required_version, TimePoint now)
{
    try {
        return c.execute(sql::kUpdate, school_year_id, y.name, y.start_date, y.end_date, is_current, required_version,
                         now) == 1
                   ? Updated::done
                   : Updated::stale;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return Updated::duplicate;
        }
        throw;
    }
}

void clear_other_current(db::Connection& c, std::int64_t school_year_id, TimePoint now)
{
    c.execute(sql::kClearOtherCurrent, school_year_id, now);
}

bool remove(db::Connection& c, std::int64_t school_year_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, school_year_id, required_version) == 1;
}

std::int64_t count_references(db::Connection& c, std::int64_t school_year_id)
{
    return c.query_value<std::int64_t>(sql::kCountReferences, school_year_id).value_or(0);
}

std::optional<Semester> find_semester(db::Connection& c, std::int64_t semester_id)
{
    auto rows = c.query(sql::kSelectSemesterById, semester_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return semester_from_row(rows.front());
}

std::vector<Semester> semesters_of(db::Connection& c, std::int64_t school_year_id)
{
    std::vector<Semester> out;
    for (auto r : c.query(sql::kSelectSemestersOfYear, school_year_id)) {
        out.push_back(semester_from_row(r));
    }
    return out;
}

SemesterPage list_semesters(db::Connection& c, const SemesterFilter& f)
{
    SemesterPage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kSemesterCount) + std::string(sql::kSemesterListWhere),
                                             f.school_year_id)
                     .value_or(0);
    auto statement = std::string(sql::kSemesterListSelect) + std::string(sql::kSemesterListWhere) + " ORDER BY " +
                     f.order_by + " LIMIT $2 OFFSET $3";
    for (auto r : c.query(statement, f.school_year_id, f.limit, (f.page - 1) * f.limit)) {
        page.semesters.push_back(semester_from_row(r));
    }
    return page;
}

std::optional<std::int64_t> semester_with_order(db::Connection& c, std::int64_t school_year_id, std::int64_t order,
                                                std::int64_t except_semester_id)
{
    return c.query_value<std::int64_t>(sql::kSemesterOrderTaken, school_year_id, order, except_semester_id);
}

std::optional<std::int64_t> insert_semester(db::Connection& c, const SemesterInput& s, TimePoint now)
{
    try {
        return c.query_value<std::int64_t>(sql::kInsertSemester, s.school_year_id, s.name, s.order, s.start_date,
                                           s.end_date, now);
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return std::nullopt;
        }
        throw;
    }
}

Updated update_semester(db::Connection& c, std::int64_t semester_id, const SemesterInput& s,
                        std::optional<std::int64_t> required_version, TimePoint now)
{
    try {
        return c.execute(sql::kUpdateSemester, semester_id, s.school_year_id, s.name, s.order, s.start_date,
                         s.end_date, required_version, now) == 1
                   ? Updated::done
                   : Updated::stale;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return Updated::duplicate;
        }
        throw;
    }
}

bool remove_semester(db::Connection& c, std::int64_t semester_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDeleteSemester, semester_id, required_version) == 1;
}

std::int64_t count_semester_references(db::Connection& c, std::int64_t semester_id)
{
    return c.query_value<std::int64_t>(sql::kCountSemesterReferences, semester_id).value_or(0);
}

}  // namespace sala::school_years::repo
