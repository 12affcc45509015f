// Subject rules: a code unique regardless of case, names, a positive maximum score and
// coefficient, at least one grade level from 1 to 12; no dropping a grade level a class taking the
// subject is at, and no deleting a subject a class takes. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "school/subjects/subject.hpp"

namespace sala::subjects {

class SubjectService {
public:
    SubjectService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    [[nodiscard]] Result<Subject> get(std::int64_t subject_id);
    [[nodiscard]] SubjectPage list(const SubjectFilter& filter);
    [[nodiscard]] Result<Subject> create(SubjectInput input);
    // `required_version`: the row_version If-Match demands, if any.
    [[nodiscard]] Result<Subject> update(std::int64_t subject_id, SubjectInput input,
                                         std::optional<std::int64_t> required_version);
    [[nodiscard]] Result<void> remove(std::int64_t subject_id, std::optional<std::int64_t> required_version);

private:
    db::Database& db_;
    const Clock& clock_;
};

}  // namespace sala::subjects
