// What the demo's registers and gradebooks are drawn from: the semester's school days (grouped in
// weeks and months, so weekly quizzes and monthly exams fall on the right days) and each student's
// habits. Shared by demo_results.cpp, demo_registers.cpp and demo_scores.cpp only.
#pragma once

#include "core/time.hpp"
#include "db/database.hpp"
#include "school/demo/demo_random.hpp"
#include "school/demo/demo_results.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sala::demo {

struct SchoolDay {
    Date date;
    std::size_t week = 0;       // weeks counted from the semester's first, Monday to Sunday
    std::size_t month = 0;      // months counted from the semester's first
    double extra_absence = 0;   // a rainy morning or a Monday keeps a few more at home…
    double extra_lateness = 0;  // …and makes a few more late
};

struct TermCalendar {
    std::vector<SchoolDay> days;        // every school day of the semester
    std::size_t taught = 0;             // the first `taught` of them are in the term so far
    std::vector<std::string> sessions;  // the registers taken each day: AM and PM, or FULL
    std::int64_t semester_id = 0;
    TimePoint now;
};

// A student's habits, drawn once per class.
struct Pupil {
    std::int64_t student_id = 0;
    double absence = 0;   // chance of missing a day
    double lateness = 0;  // chance of coming late in the morning
    double ability = 0;   // the percentage their marks centre on
};

// When a mark of `date` was written: at `hour` UTC that day, unless that is still to come.
[[nodiscard]] TimePoint written_at(Date date, int hour, TimePoint now);

// Takes the class's registers for every day of the term so far. Returns how many marks were
// written; `missed` gets, for each day and pupil (day * pupils + pupil), whether they missed the
// whole day.
std::int64_t write_registers(db::Connection& tx, Dice& dice, const TermCalendar& calendar, const ClassRoll& roll,
                             std::span<const Pupil> pupils, std::optional<std::int64_t> recorded_by,
                             std::vector<bool>& missed);

// Marks the class's assessments of the term so far, subject by subject; nobody sits a quiz or an
// exam on a day they missed. Returns how many grades were written.
std::int64_t write_scores(db::Connection& tx, Dice& dice, const TermCalendar& calendar, std::size_t class_index,
                          const ClassRoll& roll, std::span<const Pupil> pupils, std::optional<std::int64_t> fallback,
                          const std::vector<bool>& missed);

}  // namespace sala::demo
