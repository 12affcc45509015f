// Every number a gradebook, report card or register summary shows is computed here, from plain
// values, with no SQL and no HTTP: percentages, letters, subject results with renormalised
// category weights, coefficient-weighted averages, weighted year averages, competition ranks,
// class statistics and half-day attendance counts. docs/grading.md states each rule; the unit tests
// check them table by table. Values keep full precision; `display` rounds only for showing.
#pragma once

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sala::grading {

// The seed's assessment categories (gradeType).
inline constexpr std::string_view kGradeTypes[] = {"ASSIGNMENT", "QUIZ", "EXAM", "PARTICIPATION"};
bool is_grade_type(std::string_view text);

struct CategoryWeight {
    std::string grade_type;
    double weight = 0;
};
BOOST_DESCRIBE_STRUCT(CategoryWeight, (), (grade_type, weight))

// One step of the grade scale: a percentage at or above `min_percentage` (and below the step
// above) earns `letter`.
struct ScaleStep {
    std::string letter;
    double min_percentage = 0;
    std::string label_en;
    std::string label_kh;
};
BOOST_DESCRIBE_STRUCT(ScaleStep, (), (letter, min_percentage, label_en, label_kh))

struct SemesterWeight {
    std::int64_t order = 0;  // the semester's order in its year (1, 2 …)
    double weight = 1;
};
BOOST_DESCRIBE_STRUCT(SemesterWeight, (), (order, weight))

struct GradingSettings {
    std::vector<CategoryWeight> category_weights;  // a category not listed weighs 0
    std::vector<ScaleStep> grade_scale;            // highest first; the last starts at 0
    double pass_mark = 50;                         // an average at or above it passes
    std::vector<SemesterWeight> semester_weights;  // a semester not listed weighs 1
};
// Described: GET/PUT /settings/grading show it as it is, and it is stored in the same JSON form.
BOOST_DESCRIBE_STRUCT(GradingSettings, (), (category_weights, grade_scale, pass_mark, semester_weights))

// ASSIGNMENT 20, QUIZ 20, EXAM 50, PARTICIPATION 10; A ≥ 90 … F; pass mark 50; semesters equal.
GradingSettings default_grading_settings();

// score / max_score × 100 (max_score > 0).
double percentage(double score, double max_score);
// The step of the scale a percentage falls in (the last step for anything below every minimum).
const ScaleStep& letter_for(const GradingSettings& settings, double percentage);
bool passes(const GradingSettings& settings, double average);
double category_weight(const GradingSettings& settings, std::string_view grade_type);
double semester_weight(const GradingSettings& settings, std::int64_t order);

// One grade as the calculations see it.
struct Mark {
    std::string_view grade_type;
    double score = 0;
    double max_score = 0;
};

// A category's percentage: Σ score / Σ max score × 100 over its marks (so a test out of 50 weighs
// twice one out of 25); nullopt when it has none.
std::optional<double> category_percentage(std::span<const Mark> marks, std::string_view grade_type);

// A subject's result for a period: the mean of its category percentages weighted by the category
// weights, leaving out categories without marks (and those of weight 0) and renormalising the
// rest; nullopt when no weighted category has a mark.
std::optional<double> subject_result(const GradingSettings& settings, std::span<const Mark> marks);

struct Weighted {
    double value = 0;
    double weight = 0;
};
// Σ(value × weight) / Σ weight over entries of positive weight; nullopt when there are none.
// A student's average is this over (subject result, coefficient); a year's over (semester
// average, semester weight).
std::optional<double> weighted_mean(std::span<const Weighted> entries);

// Competition ranking ("1, 2, 2, 4"), highest first, of the entries that have a value; 0 for those
// without. Values closer than 1e-9 are ties (the same average reached through different sums).
std::vector<std::int64_t> competition_ranks(std::span<const std::optional<double>> values);

// Class statistics over one group of students (everyone, boys or girls).
struct GroupStats {
    std::int64_t students = 0;      // in the group
    std::int64_t with_average = 0;  // of them, those with an average for the period
    std::optional<double> mean;     // of their averages
    std::int64_t passed = 0;
    std::optional<double> pass_rate;  // passed / with_average × 100
    std::vector<std::pair<std::string, std::int64_t>> letters;  // every letter of the scale, in its order
};

struct ClassStats {
    GroupStats all;
    GroupStats male;
    GroupStats female;
};

struct StudentAverage {
    std::string_view gender;  // "M" or "F"
    std::optional<double> average;
};
ClassStats class_statistics(const GradingSettings& settings, std::span<const StudentAverage> students);

// Attendance: an AM or PM mark counts half a day, FULL a whole day.
struct AttendanceMark {
    std::string_view session;  // AM, PM, FULL
    std::string_view status;   // PRESENT, ABSENT, LATE, EXCUSED
};

struct AttendanceCounts {
    double present = 0;
    double absent = 0;
    double late = 0;
    double excused = 0;
    // `times` marks of the same kind (a count from a GROUP BY).
    void add(AttendanceMark mark, double times = 1);
    void add(const AttendanceCounts& other);
    [[nodiscard]] double days() const { return present + absent + late + excused; }
    // Days attended (present or late) / days recorded × 100; nullopt when nothing is recorded.
    [[nodiscard]] std::optional<double> rate() const;
};
AttendanceCounts count_attendance(std::span<const AttendanceMark> marks);

// The value as shown: rounded to two decimals, halves away from zero.
double display(double value);
std::optional<double> display(const std::optional<double>& value);

}  // namespace sala::grading
