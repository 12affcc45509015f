// SQL access for subjects: no rules, no HTTP. Throws (DbError) only when the database fails.
// `required_version` is the row_version an If-Match demands (nullopt: any).
#pragma once

#include "db/database.hpp"
#include "school/subjects/subject.hpp"

#include <map>
#include <optional>
#include <span>

namespace sala::subjects::repo {

// What a conditional UPDATE did: changed the row, found it at another version (or gone), or ran
// into the unique code a concurrent write took after the service checked it.
enum class Updated { done, stale, duplicate };

// "7,8,9" ↔ {7, 8, 9}: the stored form of grade levels.
[[nodiscard]] std::string format_grade_levels(const std::vector<std::int64_t>& levels);
[[nodiscard]] std::vector<std::int64_t> parse_grade_levels(std::string_view text);

[[nodiscard]] std::optional<Subject> find_by_id(db::Connection& c, std::int64_t subject_id);
// The subjects with these ids that exist, by id (one query).
[[nodiscard]] std::map<std::int64_t, Subject> find_many(db::Connection& c, std::span<const std::int64_t> subject_ids);
// The subject with this code, whatever its case.
[[nodiscard]] std::optional<std::int64_t> find_id_by_code(db::Connection& c, std::string_view code);
[[nodiscard]] SubjectPage list(db::Connection& c, const SubjectFilter& filter);

// nullopt when the code is taken.
[[nodiscard]] std::optional<std::int64_t> insert(db::Connection& c, const SubjectInput& subject, TimePoint now);
[[nodiscard]] Updated update(db::Connection& c, std::int64_t subject_id, const SubjectInput& subject,
                             std::optional<std::int64_t> required_version, TimePoint now);
[[nodiscard]] bool remove(db::Connection& c, std::int64_t subject_id, std::optional<std::int64_t> required_version);

// How many courses take the subject, and at which grade levels.
[[nodiscard]] std::int64_t count_course_uses(db::Connection& c, std::int64_t subject_id);
[[nodiscard]] std::vector<std::int64_t> grade_levels_in_use(db::Connection& c, std::int64_t subject_id);

}  // namespace sala::subjects::repo
