// Subjects a school teaches (code, English and Khmer names, maximum score, coefficient) and the
// grade levels each is taught at: the stored record and the shapes the subject feature reads and
// writes.
#pragma once

#include "core/time.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::subjects {

// Grade levels run from 1 to 12 (subjects' gradeLevels, courses' gradeLevel).
inline constexpr std::int64_t kMinGradeLevel = 1;
inline constexpr std::int64_t kMaxGradeLevel = 12;

struct Subject {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 1;  // the subject's weight in averages
    std::vector<std::int64_t> grade_levels;  // ascending, no repeats
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;

    [[nodiscard]] bool taught_at(std::int64_t grade_level) const
    {
        return std::find(grade_levels.begin(), grade_levels.end(), grade_level) != grade_levels.end();
    }
};

struct SubjectInput {
    std::string code;
    std::string name;
    std::optional<std::string> name_kh;
    double max_score = 0;
    double coefficient = 0;
    std::vector<std::int64_t> grade_levels;
};

struct SubjectFilter {
    std::optional<std::int64_t> grade_level;
    std::optional<std::string> q;  // matches code, name and Khmer name
    std::string order_by;          // a whitelisted ORDER BY clause body
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct SubjectPage {
    std::vector<Subject> subjects;
    std::int64_t total = 0;
};

}  // namespace sala::subjects
