// The demo school (`sala demo`, `serve --demo`): a current school year with two semesters, classes
// for every grade level with their teachers and subjects, and students with guardians, families,
// scholarships and enrollments, all through the same rules as the API, and the term so far of
// grades and attendance (demo_results.hpp). One write transaction, so a failure leaves the
// database as it was. Blocking (SQL): run before serving or on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "db/database.hpp"
#include "school/students/student_service.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sala::demo {

// The school, like the student code pattern, follows the configuration.
struct DemoSchoolOptions {
    std::int64_t students = 600;
    std::uint64_t seed = 1;  // the same seed and size give the same school
    std::vector<std::int64_t> grade_levels{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    std::string student_code_pattern = std::string(students::kDefaultCodePattern);
    // An existing account (the demo teacher) made homeroom teacher of a class and teacher of a
    // few subjects, so signing in with it shows real classes; ignored when there is none.
    std::string teacher_username = "teacher";
    // Called every few hundred students with how many are saved.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
};

struct DemoSchoolSummary {
    bool created = false;  // false: the database already had a school year, nothing was added
    std::string school_year;
    std::int64_t semesters = 0;
    std::int64_t subjects = 0;
    std::int64_t courses = 0;
    std::int64_t teachers = 0;  // accounts created
    std::int64_t students = 0;
    std::int64_t families = 0;
    std::int64_t guardians = 0;
    std::int64_t scholarships = 0;
    std::int64_t grades = 0;      // of the term so far (see demo_results.hpp)
    std::int64_t attendance = 0;  // register marks, likewise
};

// Creates the demo school unless the database has a school year. Throws Failure (and writes
// nothing) when a grade level would need more than 26 classes (A to Z) of the largest capacity,
// or when a generated record breaks a rule, which would be a bug of the generator.
DemoSchoolSummary create_demo_school(db::Database& db, const Clock& clock, const DemoSchoolOptions& options);

// "2026-2027 (current): 2 semesters, 15 subjects, 24 classes, 30 teachers, 600 students (410
// families, 702 guardians), 47 scholarships, 24816 grades, 18000 attendance marks", or what
// happened instead.
[[nodiscard]] std::string describe(const DemoSchoolSummary& summary);

}  // namespace sala::demo
