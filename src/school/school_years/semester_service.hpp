// Semester rules: a name, an order unique within the year, dates inside the school year that do
// not overlap another semester of that year, and no deleting a semester enrollments refer to.
// Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/school_years/school_year.hpp"

namespace sala::school_years {

class SemesterService {
public:
    SemesterService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    [[nodiscard]] Result<Semester> get(std::int64_t semester_id);
    [[nodiscard]] SemesterPage list(const SemesterFilter& filter);
    [[nodiscard]] Result<Semester> create(SemesterInput input);
    // `required_version`: the row_version If-Match demands, if any.
    [[nodiscard]] Result<Semester> update(std::int64_t semester_id, SemesterInput input,
                                          std::optional<std::int64_t> required_version);
    [[nodiscard]] Result<void> remove(std::int64_t semester_id, std::optional<std::int64_t> required_version);

private:
    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::school_years
