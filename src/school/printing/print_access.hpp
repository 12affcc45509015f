// Who may print: report generation is the admin's (and API keys with the reports:generate scope);
// when the school allows it, a teacher may print documents for the courses they teach.
#pragma once

#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

#include <cstdint>
#include <span>

namespace sala::printing {

// 403 unless `who` may print a document about these courses. `course_ids` empty: a document of
// the whole school (only with reports:generate).
[[nodiscard]] Result<void> may_print(db::Connection& c, const Principal& who, std::span<const std::int64_t> course_ids);

// The same for documents about students: a teacher must teach each of them (in an active course).
[[nodiscard]] Result<void> may_print_students(db::Connection& c, const Principal& who,
                                              std::span<const std::int64_t> student_ids);

}  // namespace sala::printing
