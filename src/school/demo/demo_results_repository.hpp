// SQL for the demo's term of marks: a whole register or a whole class's scores of one assessment
// in a few multi-row INSERTs, since a large demo school writes millions of them in one go.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace sala::demo::repo {

struct Mark {
    std::int64_t student_id = 0;
    std::string_view status;
    std::optional<std::string_view> reason;
};

struct Register {
    std::int64_t course_id = 0;
    Date date;
    std::string_view session;
    std::optional<std::int64_t> recorded_by;
    TimePoint at;  // created and updated
};

// Returns the rows written.
std::int64_t insert_marks(db::Connection& c, const Register& reg, std::span<const Mark> marks);

struct Score {
    std::int64_t student_id = 0;
    double score = 0;
    std::optional<std::string_view> comments;
};

struct Assessment {
    std::int64_t course_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t semester_id = 0;
    std::string_view grade_type;
    double max_score = 0;
    Date date;
    std::optional<std::int64_t> recorded_by;
    TimePoint at;  // created and updated
};

// Returns the rows written.
std::int64_t insert_scores(db::Connection& c, const Assessment& a, std::span<const Score> scores);

}  // namespace sala::demo::repo
