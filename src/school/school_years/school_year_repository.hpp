// SQL access for school years and semesters: no rules, no HTTP. Throws (DbError) only when the
// database fails. `required_version` is the row_version an If-Match demands (nullopt: any); an
// update or delete that finds the row at another version changes nothing and returns false.
#pragma once

#include "db/database.hpp"
#include "school/school_years/school_year.hpp"

#include <optional>

namespace sala::school_years::repo {

// What a conditional UPDATE did: changed the row, found it at another version (or gone), or ran
// into a unique key a concurrent write took after the service checked it.
enum class Updated { done, stale, duplicate };

[[nodiscard]] std::optional<SchoolYear> find_by_id(db::Connection& c, std::int64_t school_year_id);
[[nodiscard]] std::optional<SchoolYear> find_current(db::Connection& c);
// The year with this name, whatever its case.
[[nodiscard]] std::optional<std::int64_t> find_id_by_name(db::Connection& c, std::string_view name);
[[nodiscard]] SchoolYearPage list(db::Connection& c, const SchoolYearFilter& filter);

// nullopt when the name is taken (a concurrent insert won the race).
[[nodiscard]] std::optional<std::int64_t> insert(db::Connection& c, const SchoolYearInput& year, TimePoint now);
// `is_current` is the final value (the service resolves "unchanged").
[[nodiscard]] Updated update(db::Connection& c, std::int64_t school_year_id, const SchoolYearInput& year,
                             bool is_current, std::optional<std::int64_t> required_version, TimePoint now);
// Makes every year but this one not current.
void clear_other_current(db::Connection& c, std::int64_t school_year_id, TimePoint now);
[[nodiscard]] bool remove(db::Connection& c, std::int64_t school_year_id, std::optional<std::int64_t> required_version);
// Semesters and courses of the year.
[[nodiscard]] std::int64_t count_references(db::Connection& c, std::int64_t school_year_id);

[[nodiscard]] std::optional<Semester> find_semester(db::Connection& c, std::int64_t semester_id);
[[nodiscard]] std::vector<Semester> semesters_of(db::Connection& c, std::int64_t school_year_id);
[[nodiscard]] SemesterPage list_semesters(db::Connection& c, const SemesterFilter& filter);
// Another semester of the year with this order, if any.
[[nodiscard]] std::optional<std::int64_t> semester_with_order(db::Connection& c, std::int64_t school_year_id,
                                                              std::int64_t order, std::int64_t except_semester_id);
// nullopt when the year already has a semester with this order.
[[nodiscard]] std::optional<std::int64_t> insert_semester(db::Connection& c, const SemesterInput& semester,
                                                          TimePoint now);
[[nodiscard]] Updated update_semester(db::Connection& c, std::int64_t semester_id, const SemesterInput& semester,
                                      std::optional<std::int64_t> required_version, TimePoint now);
[[nodiscard]] bool remove_semester(db::Connection& c, std::int64_t semester_id,
                                   std::optional<std::int64_t> required_version);
[[nodiscard]] std::int64_t count_semester_references(db::Connection& c, std::int64_t semester_id);

}  // namespace sala::school_years::repo
