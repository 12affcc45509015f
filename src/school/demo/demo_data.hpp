// The word lists the demo school is made of: Khmer names in Latin and Khmer script, subjects of
// the Cambodian curriculum, places, occupations, scholarships and health notes.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sala::demo {

struct Name {
    std::string_view latin;
    std::string_view khmer;
};

struct SubjectSpec {
    std::string_view code;
    std::string_view name;
    std::string_view name_kh;
    double max_score = 0;
    double coefficient = 0;
    std::int64_t first_grade = 0;  // taught from this grade level…
    std::int64_t last_grade = 0;   // …to this one
};

// Where families live; `weight` makes the capital, where the school is, the most common.
struct District {
    std::string_view province;
    std::string_view district;
    std::span<const std::string_view> communes;
    bool urban = false;  // addresses by house and street rather than by village
    unsigned weight = 1;
};

struct ScholarshipSpec {
    std::string_view type;
    std::string_view sponsor;
    double amount = 0;  // US dollars for the year
    bool girls_only = false;
};

struct HealthNote {
    std::string_view condition;
    std::string_view medication;  // empty: none
};

[[nodiscard]] std::span<const Name> family_names();
[[nodiscard]] std::span<const Name> male_names();
[[nodiscard]] std::span<const Name> female_names();
// Core subjects first: the first teachers hired teach those.
[[nodiscard]] std::span<const SubjectSpec> subjects();
[[nodiscard]] std::span<const District> districts();
[[nodiscard]] std::span<const std::string_view> birth_provinces();
[[nodiscard]] std::span<const std::string_view> villages();
[[nodiscard]] std::span<const std::string_view> occupations();
[[nodiscard]] std::span<const std::string_view> phone_prefixes();
[[nodiscard]] std::span<const ScholarshipSpec> scholarships();
[[nodiscard]] std::span<const HealthNote> health_notes();
[[nodiscard]] std::span<const std::string_view> allergies();

}  // namespace sala::demo
