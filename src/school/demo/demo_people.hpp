// The people of the demo school, invented without touching the database: teachers, and families
// of brothers and sisters with their guardians, household and scholarships. Every draw comes from
// the Dice, so a seed always invents the same people.
#pragma once

#include "core/time.hpp"
#include "school/demo/demo_random.hpp"
#include "school/students/student.hpp"
#include "school/users/user.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sala::demo {

// A teacher's account without a password; `username` ("t.sok.dara") may still need a number to
// be unique.
[[nodiscard]] users::NewUser make_teacher(Dice& dice, std::string_view position);

struct DemoChild {
    std::int64_t grade_level = 0;
    students::StudentInput input;  // status and enrollment date filled in
    std::optional<students::Scholarship> scholarship;
};

// One child per grade level given, oldest first. All share the family name, household, family
// details and guardians: each child's input names the same new guardians, and whoever saves the
// family links the first child's guardians to the others.
[[nodiscard]] std::vector<DemoChild> make_family(Dice& dice, std::span<const std::int64_t> grade_levels,
                                                 Date year_start, Date year_end);

}  // namespace sala::demo
