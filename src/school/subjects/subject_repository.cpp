// See subject_repository.hpp.
#include "school/subjects/subject_repository.hpp"

#include "db/like_pattern.hpp"
#include "school/subjects/subject_sql.hpp"

#include <charconv>

namespace sala::subjects::repo {
namespace {

Subject from_row(const db::Row& r)
{
    Subject s;
    s.subject_id = r.get<std::int64_t>("subject_id");
    s.code = r.get<std::string>("code");
    s.name = r.get<std::string>("name");
    s.name_kh = r.get<std::optional<std::string>>("name_kh");
    s.max_score = r.get<double>("max_score");
    s.coefficient = r.get<double>("coefficient");
    s.grade_levels = parse_grade_levels(r.get<std::string>("grade_levels"));
    s.row_version = r.get<std::int64_t>("row_version");
    s.created_at = r.get<TimePoint>("created_at");
    s.updated_at = r.get<TimePoint>("updated_at");
    return s;
}

}  // namespace

std::string format_grade_levels(const std::vector<std::int64_t>& levels)
{
    std::string out;
    for (auto level : levels) {
        out += (out.empty() ? "" : ",") + std::to_string(level);
    }
    return out;
}

std::vector<std::int64_t> parse_grade_levels(std::string_view text)
{
    std::vector<std::int64_t> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        auto item = text.substr(0, comma);
        std::int64_t level = 0;
        auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), level);
        if (ec == std::errc{} && ptr == item.data() + item.size()) {
            out.push_back(level);
        }
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

std::optional<Subject> find_by_id(db::Connection& c, std::int64_t subject_id)
{
    auto rows = c.query(sql::kSelectById, subject_id);
    if (rows.empty()) {
        return std::nullopt;
    }
    return from_row(rows.front());
}

std::map<std::int64_t, Subject> find_many(db::Connection& c, std::span<const std::int64_t> subject_ids)
{
    std::map<std::int64_t, Subject> out;
    if (subject_ids.empty()) {
        return out;
    }
    for (auto r : c.query(sql::kSelectMany.text(c), db::id_list(subject_ids))) {
        auto s = from_row(r);
        out.emplace(s.subject_id, std::move(s));
    }
    return out;
}

std::optional<std::int64_t> find_id_by_code(db::Connection& c, std::string_view code)
{
    return c.query_value<std::int64_t>(sql::kSelectIdByCode, code);
}

SubjectPage list(db::Connection& c, const SubjectFilter& f)
{
    std::optional<std::string> level_pattern;
    if (f.grade_level) {
        level_pattern = "%," + std::to_string(*f.grade_level) + ",%";
    }
    std::optional<std::string> search;
    if (f.q) {
        search = db::contains_pattern(*f.q);
    }
    SubjectPage page;
    page.total = c.query_value<std::int64_t>(std::string(sql::kCountSelect) + std::string(sql::kListWhere),
                                             level_pattern, search)
                     .value_or(0);
    // order_by comes from the route's whitelist of columns, never from the client's text.
    auto statement = std::string(sql::kListSelect) + std::string(sql::kListWhere) + " ORDER BY " + f.order_by +
                     " LIMIT $3 OFFSET $4";
    for (auto r : c.query(statement, level_pattern, search, f.limit, (f.page - 1) * f.limit)) {
        page.subjects.push_back(from_row(r));
    }
    return page;
}

std::optional<std::int64_t> insert(db::Connection& c, const SubjectInput& s, TimePoint now)
{
    try {
        return c.query_value<std::int64_t>(sql::kInsert, s.code, s.name, s.name_kh, s.max_score, s.coefficient,
                                           format_grade_levels(s.grade_levels), now);
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return std::nullopt;
        }
        throw;
    }
}

Updated update(db::Connection& c, std::int64_t subject_id, const SubjectInput& s,
               std::optional<std::int64_t> required_version, TimePoint now)
{
    try {
        return c.execute(sql::kUpdate, subject_id, s.code, s.name, s.name_kh, s.max_score, s.coefficient,
                         required_version, format_grade_levels(s.grade_levels), now) == 1
                   ? Updated::done
                   : Updated::stale;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return Updated::duplicate;
        }
        throw;
    }
}

bool remove(db::Connection& c, std::int64_t subject_id, std::optional<std::int64_t> required_version)
{
    return c.execute(sql::kDelete, subject_id, required_version) == 1;
}

std::int64_t count_course_uses(db::Connection& c, std::int64_t subject_id)
{
    return c.query_value<std::int64_t>(sql::kCountCourseUses, subject_id).value_or(0);
}

std::vector<std::int64_t> grade_levels_in_use(db::Connection& c, std::int64_t subject_id)
{
    std::vector<std::int64_t> out;
    for (auto r : c.query(sql::kGradeLevelsInUse, subject_id)) {
        out.push_back(r.get<std::int64_t>(std::size_t{0}));
    }
    return out;
}

}  // namespace sala::subjects::repo
