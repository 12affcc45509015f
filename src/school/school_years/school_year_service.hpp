// School-year rules: a unique name, a start before the end and at most kMaxSchoolYearMonths
// between them, at most one current year (making one current un-currents the others in the same
// transaction), dates that keep every semester inside, and no deleting a year that semesters or
// classes still belong to. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/school_years/school_year.hpp"

namespace sala::school_years {

// Checks that `end` is after `start` and not too far after, adding details to `end_field`.
void check_dates(FieldErrors& errors, Date start, Date end, const std::string& end_field);

class SchoolYearService {
public:
    SchoolYearService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    [[nodiscard]] Result<SchoolYear> get(std::int64_t school_year_id);
    // Not found when no year is current.
    [[nodiscard]] Result<SchoolYear> current();
    [[nodiscard]] SchoolYearPage list(const SchoolYearFilter& filter);
    // The year's semesters in order; not found when the year does not exist.
    [[nodiscard]] Result<std::vector<Semester>> semesters(std::int64_t school_year_id);
    [[nodiscard]] Result<SchoolYear> create(SchoolYearInput input);
    // `required_version`: the row_version If-Match demands, if any (a mismatch is a precondition failure).
    [[nodiscard]] Result<SchoolYear> update(std::int64_t school_year_id, SchoolYearInput input,
                                            std::optional<std::int64_t> required_version);
    [[nodiscard]] Result<void> remove(std::int64_t school_year_id, std::optional<std::int64_t> required_version);

private:
    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::school_years
