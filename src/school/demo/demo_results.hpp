// The demo school's term so far: every class's registers (AM and PM, or the whole day, on each
// school day) and its subjects' quizzes, assignments, monthly participation marks and monthly
// exams, so gradebooks, report cards and attendance summaries have something to show.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"
#include "school/school_years/school_year.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sala::demo {

struct TaughtSubject {
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> teacher_id;
    double max_score = 100;  // the subject's, which monthly exams are marked out of
};

// A class as its registers and gradebook see it.
struct ClassRoll {
    std::int64_t course_id = 0;
    std::optional<std::int64_t> homeroom_teacher_id;
    std::vector<TaughtSubject> subjects;
    std::vector<std::int64_t> students;  // enrolled from the first day of the year
};

struct TermResults {
    std::int64_t grades = 0;
    std::int64_t attendance = 0;
};

// Writes the term's registers and grades for these classes inside the caller's transaction: about
// 93 % attendance, scores around each student's ability. The term is the first semester from its
// start to today (to its end once it is over); before the year has begun (a demo made in September
// or October), its first six weeks, so the demo is never empty. A register is taken by the
// homeroom teacher (the first active admin in a class without one), a subject's marks by its
// teacher. The same seed and classes give the same marks.
TermResults create_demo_results(db::Connection& tx, std::span<const ClassRoll> classes,
                                std::span<const school_years::Semester> semesters, TimePoint now, std::uint64_t seed);

}  // namespace sala::demo
