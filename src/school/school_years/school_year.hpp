// School years and their semesters: the stored records and the shapes their features read and
// write. A school year's months are not stored; core/calendar.hpp derives them from its dates.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::school_years {

// The longest school year accepted, in months from its first month to its last.
inline constexpr int kMaxSchoolYearMonths = 24;
// Semesters (terms, trimesters …) a year may be divided into.
inline constexpr std::int64_t kMaxSemesterOrder = 12;

struct SchoolYear {
    std::int64_t school_year_id = 0;
    std::string name;
    Date start_date;
    Date end_date;
    bool is_current = false;
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
};

// Creating or replacing a school year. `is_current` absent: false on create, unchanged on replace.
struct SchoolYearInput {
    std::string name;
    Date start_date;
    Date end_date;
    std::optional<bool> is_current;
};

struct SchoolYearFilter {
    std::string order_by;  // a whitelisted ORDER BY clause body
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct SchoolYearPage {
    std::vector<SchoolYear> school_years;
    std::int64_t total = 0;
};

struct Semester {
    std::int64_t semester_id = 0;
    std::int64_t school_year_id = 0;
    std::string name;
    std::int64_t order = 0;
    Date start_date;
    Date end_date;
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
};

struct SemesterInput {
    std::int64_t school_year_id = 0;
    std::string name;
    std::int64_t order = 0;
    Date start_date;
    Date end_date;
};

struct SemesterFilter {
    std::optional<std::int64_t> school_year_id;
    std::string order_by;
    std::int64_t page = 1;
    std::int64_t limit = 20;
};

struct SemesterPage {
    std::vector<Semester> semesters;
    std::int64_t total = 0;
};

}  // namespace sala::school_years
