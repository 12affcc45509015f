// Every number a gradebook, report card or register summary shows, rule by rule, one table per rule
// (docs/grading.md has the same worked examples), so a broken rule fails a named row.
#include "school/grading/calculations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

namespace sala {
namespace {

using grading::AttendanceMark;
using grading::GradingSettings;
using grading::Mark;
using grading::ScaleStep;
using grading::StudentAverage;
using grading::Weighted;

constexpr double kEps = 1e-9;

GradingSettings defaults()
{
    return grading::default_grading_settings();
}

GradingSettings with_category_weights(std::vector<grading::CategoryWeight> weights)
{
    auto s = defaults();
    s.category_weights = std::move(weights);
    return s;
}

GradingSettings with_semester_weights(std::vector<grading::SemesterWeight> weights)
{
    auto s = defaults();
    s.semester_weights = std::move(weights);
    return s;
}

// Pass / Merit / Distinction on a 40 / 65 / 85 scale, with the pass mark at 40.
GradingSettings custom_scale()
{
    auto s = defaults();
    s.grade_scale = {{"D", 85, "Distinction", "ល្អប្រសើរ"},
                     {"M", 65, "Merit", "ល្អ"},
                     {"P", 40, "Pass", "មធ្យម"},
                     {"N", 0, "Not yet", "ខ្សោយ"}};
    s.pass_mark = 40;
    return s;
}

void expect_optional_near(const std::optional<double>& actual, const std::optional<double>& expected)
{
    ASSERT_EQ(actual.has_value(), expected.has_value())
        << "actual " << (actual ? std::to_string(*actual) : "none") << ", expected "
        << (expected ? std::to_string(*expected) : "none");
    if (expected) {
        EXPECT_NEAR(*actual, *expected, kEps);
    }
}

TEST(GradingSettingsDefaults, AreTheSeedsCategoriesScaleAndPassMark)
{
    auto s = defaults();
    struct Row {
        std::string description;
        std::string grade_type;
        double weight;
    };
    const std::vector<Row> weights = {
        {"assignments weigh 20", "ASSIGNMENT", 20},
        {"quizzes weigh 20", "QUIZ", 20},
        {"exams weigh 50", "EXAM", 50},
        {"participation weighs 10", "PARTICIPATION", 10},
        {"an unknown category weighs 0", "HOMEWORK", 0},
    };
    for (const auto& r : weights) {
        SCOPED_TRACE(r.description);
        EXPECT_DOUBLE_EQ(grading::category_weight(s, r.grade_type), r.weight);
    }

    struct Step {
        std::string letter;
        double min_percentage;
        std::string label_en;
        std::string label_kh;
    };
    const std::vector<Step> scale = {
        {"A", 90, "Excellent", "ល្អប្រសើរ"},  {"B", 80, "Very good", "ល្អណាស់"}, {"C", 70, "Good", "ល្អ"},
        {"D", 60, "Fairly good", "ល្អបង្គួរ"}, {"E", 50, "Average", "មធ្យម"},    {"F", 0, "Weak", "ខ្សោយ"},
    };
    ASSERT_EQ(s.grade_scale.size(), scale.size());
    for (std::size_t i = 0; i < scale.size(); ++i) {
        SCOPED_TRACE("scale step " + scale[i].letter);
        EXPECT_EQ(s.grade_scale[i].letter, scale[i].letter);
        EXPECT_DOUBLE_EQ(s.grade_scale[i].min_percentage, scale[i].min_percentage);
        EXPECT_EQ(s.grade_scale[i].label_en, scale[i].label_en);
        EXPECT_EQ(s.grade_scale[i].label_kh, scale[i].label_kh);
    }
    EXPECT_DOUBLE_EQ(s.pass_mark, 50);
    EXPECT_TRUE(s.semester_weights.empty());
}

TEST(GradingGradeTypes, AreTheFourSeedCategoriesSpelledExactly)
{
    struct Row {
        std::string description;
        std::string text;
        bool expected;
    };
    const std::vector<Row> rows = {
        {"assignment", "ASSIGNMENT", true},
        {"quiz", "QUIZ", true},
        {"exam", "EXAM", true},
        {"participation", "PARTICIPATION", true},
        {"lower case", "exam", false},
        {"unknown", "HOMEWORK", false},
        {"empty", "", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_EQ(grading::is_grade_type(r.text), r.expected);
    }
}

TEST(GradingPercentage, IsScoreOverMaxScoreTimesAHundred)
{
    struct Row {
        std::string description;
        double score;
        double max_score;
        double expected;
    };
    const std::vector<Row> rows = {
        {"17 out of 20", 17, 20, 85},
        {"45 out of 50", 45, 50, 90},
        {"full marks", 10, 10, 100},
        {"nothing", 0, 10, 0},
        {"two thirds keeps every digit", 2, 3, 200.0 / 3.0},
        {"half marks out of a fraction", 7.5, 15, 50},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_NEAR(grading::percentage(r.score, r.max_score), r.expected, kEps);
    }
}

TEST(GradingLetter, FollowsEveryBoundaryOfTheDefaultScale)
{
    struct Row {
        std::string description;
        double percentage;
        std::string letter;
        std::string label_en;
    };
    const std::vector<Row> rows = {
        {"100 is A", 100, "A", "Excellent"},
        {"90 exactly is A", 90, "A", "Excellent"},
        {"89.999 is B", 89.999, "B", "Very good"},
        {"80 exactly is B", 80, "B", "Very good"},
        {"79.999 is C", 79.999, "C", "Good"},
        {"70 exactly is C", 70, "C", "Good"},
        {"69.999 is D", 69.999, "D", "Fairly good"},
        {"60 exactly is D", 60, "D", "Fairly good"},
        {"59.999 is E", 59.999, "E", "Average"},
        {"50 exactly is E", 50, "E", "Average"},
        {"49.99 is F", 49.99, "F", "Weak"},
        {"0 is F", 0, "F", "Weak"},
        {"89.995 is B although it shows as 90.00", 89.995, "B", "Very good"},
        {"above 100 is still A", 105, "A", "Excellent"},
        {"below every minimum is the last step", -5, "F", "Weak"},
    };
    auto s = defaults();
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        const auto& step = grading::letter_for(s, r.percentage);
        EXPECT_EQ(step.letter, r.letter);
        EXPECT_EQ(step.label_en, r.label_en);
    }
}

TEST(GradingLetter, FollowsACustomScale)
{
    struct Row {
        std::string description;
        double percentage;
        std::string letter;
    };
    const std::vector<Row> rows = {
        {"100 is D", 100, "D"},       {"85 exactly is D", 85, "D"}, {"84.99 is M", 84.99, "M"},
        {"65 exactly is M", 65, "M"}, {"64.99 is P", 64.99, "P"},   {"40 exactly is P", 40, "P"},
        {"39.999 is N", 39.999, "N"}, {"0 is N", 0, "N"},           {"92 would be A by default", 92, "D"},
    };
    auto s = custom_scale();
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_EQ(grading::letter_for(s, r.percentage).letter, r.letter);
    }
}

TEST(GradingPasses, AtOrAboveThePassMark)
{
    struct Row {
        std::string description;
        GradingSettings settings;
        double average;
        bool expected;
    };
    const std::vector<Row> rows = {
        {"default: 50 exactly passes", defaults(), 50, true},
        {"default: 49.999 fails", defaults(), 49.999, false},
        {"default: 49.996 fails although it shows as 50.00", defaults(), 49.996, false},
        {"default: 100 passes", defaults(), 100, true},
        {"default: 0 fails", defaults(), 0, false},
        {"custom pass mark 40: 40 passes", custom_scale(), 40, true},
        {"custom pass mark 40: 39.99 fails", custom_scale(), 39.99, false},
        {"custom pass mark 40: 45 passes (fails by default)", custom_scale(), 45, true},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_EQ(grading::passes(r.settings, r.average), r.expected);
    }
}

TEST(GradingCategoryPercentage, IsTheSumOfScoresOverTheSumOfMaxima)
{
    struct Row {
        std::string description;
        std::vector<Mark> marks;
        std::string grade_type;
        std::optional<double> expected;
    };
    const std::vector<Row> rows = {
        {"10/20 and 30/30 is 40/50 = 80, not the mean 75",
         {{"ASSIGNMENT", 10, 20}, {"ASSIGNMENT", 30, 30}},
         "ASSIGNMENT",
         80},
        {"one mark is its percentage", {{"QUIZ", 7, 10}}, "QUIZ", 70},
        {"a test out of 50 weighs twice one out of 25: 25/50 and 25/25 is 50/75",
         {{"EXAM", 25, 50}, {"EXAM", 25, 25}},
         "EXAM",
         50.0 / 75.0 * 100.0},
        {"marks of other categories are left out",
         {{"ASSIGNMENT", 10, 20}, {"EXAM", 0, 100}, {"ASSIGNMENT", 30, 30}},
         "ASSIGNMENT",
         80},
        {"no mark of the category", {{"EXAM", 45, 50}}, "QUIZ", std::nullopt},
        {"no marks at all", {}, "EXAM", std::nullopt},
        {"zeros are marks: 0/10 is 0", {{"QUIZ", 0, 10}}, "QUIZ", 0},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        expect_optional_near(grading::category_percentage(r.marks, r.grade_type), r.expected);
    }
}

TEST(GradingSubjectResult, WeighsCategoriesAndRenormalisesOverThoseWithMarks)
{
    struct Row {
        std::string description;
        GradingSettings settings;
        std::vector<Mark> marks;
        std::optional<double> expected;
    };
    const std::vector<Row> rows = {
        {"all four categories: A 80, Q 70, E 90, P 100 → (80·20+70·20+90·50+100·10)/100 = 85",
         defaults(),
         {{"ASSIGNMENT", 16, 20}, {"QUIZ", 7, 10}, {"EXAM", 45, 50}, {"PARTICIPATION", 10, 10}},
         85},
        {"only EXAM 60 and QUIZ 90 → (60·50+90·20)/70",
         defaults(),
         {{"EXAM", 30, 50}, {"QUIZ", 9, 10}},
         (60.0 * 50 + 90.0 * 20) / 70.0},
        {"a category of several marks counts once: A 10/20+30/30 = 80, E 90 → (80·20+90·50)/70",
         defaults(),
         {{"ASSIGNMENT", 10, 20}, {"EXAM", 90, 100}, {"ASSIGNMENT", 30, 30}},
         (80.0 * 20 + 90.0 * 50) / 70.0},
        {"one category only is its percentage", defaults(), {{"EXAM", 45, 60}}, 75},
        {"a category of weight 0 is left out",
         with_category_weights({{"ASSIGNMENT", 20}, {"QUIZ", 20}, {"EXAM", 50}, {"PARTICIPATION", 0}}),
         {{"EXAM", 90, 100}, {"PARTICIPATION", 1, 10}},
         90},
        {"a category missing from the settings weighs 0",
         with_category_weights({{"EXAM", 1}, {"QUIZ", 1}}),
         {{"EXAM", 80, 100}, {"QUIZ", 6, 10}, {"ASSIGNMENT", 0, 10}},
         70},
        {"marks of an unknown grade type are left out", defaults(), {{"EXAM", 80, 100}, {"HOMEWORK", 0, 10}}, 80},
        {"no marks", defaults(), {}, std::nullopt},
        {"only a category of weight 0",
         with_category_weights({{"ASSIGNMENT", 20}, {"QUIZ", 20}, {"EXAM", 50}, {"PARTICIPATION", 0}}),
         {{"PARTICIPATION", 10, 10}},
         std::nullopt},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        expect_optional_near(grading::subject_result(r.settings, r.marks), r.expected);
    }
}

TEST(GradingWeightedMean, IsTheCoefficientWeightedAverageOverPositiveWeights)
{
    struct Row {
        std::string description;
        std::vector<Weighted> entries;
        std::optional<double> expected;
    };
    const std::vector<Row> rows = {
        {"subject results 80 coefficient 2 and 50 coefficient 1 → 70", {{80, 2}, {50, 1}}, 70},
        {"equal coefficients are the plain mean", {{80, 1}, {50, 1}}, 65},
        {"a weight of 0 is left out", {{80, 2}, {50, 1}, {0, 0}}, 70},
        {"a negative weight is left out", {{80, 2}, {50, 1}, {100, -1}}, 70},
        {"fractional weights", {{90, 0.5}, {60, 1.5}}, 67.5},
        {"one entry is its value", {{72.5, 3}}, 72.5},
        {"only weights of 0", {{80, 0}, {50, 0}}, std::nullopt},
        {"no entries", {}, std::nullopt},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        expect_optional_near(grading::weighted_mean(r.entries), r.expected);
    }
}

TEST(GradingYearAverage, IsTheSemesterWeightedMeanOfTheSemestersWithAResult)
{
    struct Semester {
        std::int64_t order;
        std::optional<double> average;
    };
    struct Row {
        std::string description;
        GradingSettings settings;
        std::vector<Semester> semesters;
        std::optional<double> expected;
    };
    const std::vector<Row> rows = {
        {"weights 1 and 2: S1 80, S2 65 → (80·1+65·2)/3 = 70",
         with_semester_weights({{1, 1}, {2, 2}}),
         {{1, 80}, {2, 65}},
         70},
        {"no weights listed: semesters weigh the same", defaults(), {{1, 80}, {2, 65}}, 72.5},
        {"a semester not listed weighs 1: (80·1+65·2+50·1)/4 = 65",
         with_semester_weights({{1, 1}, {2, 2}}),
         {{1, 80}, {2, 65}, {3, 50}},
         65},
        {"a semester without a result is left out",
         with_semester_weights({{1, 1}, {2, 2}}),
         {{1, 80}, {2, std::nullopt}},
         80},
        {"a semester of weight 0 is left out", with_semester_weights({{1, 0}, {2, 1}}), {{1, 40}, {2, 65}}, 65},
        {"no semester has a result", defaults(), {{1, std::nullopt}, {2, std::nullopt}}, std::nullopt},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        std::vector<Weighted> entries;
        for (const auto& sem : r.semesters) {
            if (sem.average) {
                entries.push_back({*sem.average, grading::semester_weight(r.settings, sem.order)});
            }
        }
        expect_optional_near(grading::weighted_mean(entries), r.expected);
    }
}

TEST(GradingStudentAverage, WeighsSubjectResultsByCoefficientFromMarks)
{
    // From the marks up: two subjects' results, then the student's average with coefficients.
    auto s = defaults();
    const std::vector<Mark> maths = {
        {"ASSIGNMENT", 16, 20}, {"QUIZ", 7, 10}, {"EXAM", 45, 50}, {"PARTICIPATION", 10, 10}};
    const std::vector<Mark> khmer = {{"EXAM", 30, 50}, {"QUIZ", 9, 10}};
    const std::vector<Mark> art = {};  // no result: does not count
    auto m = grading::subject_result(s, maths);
    auto k = grading::subject_result(s, khmer);
    ASSERT_TRUE(m && k);
    EXPECT_FALSE(grading::subject_result(s, art));
    const std::vector<Weighted> entries = {{*m, 2}, {*k, 1}};
    auto average = grading::weighted_mean(entries);
    ASSERT_TRUE(average);
    EXPECT_NEAR(*average, (85.0 * 2 + 4800.0 / 70.0) / 3.0, kEps);
}

TEST(GradingRanks, AreCompetitionRanksHighestFirst)
{
    using V = std::vector<std::optional<double>>;
    struct Row {
        std::string description;
        V values;
        std::vector<std::int64_t> expected;
    };
    const std::vector<Row> rows = {
        {"90, 80, 80, 70 → 1, 2, 2, 4", {90, 80, 80, 70}, {1, 2, 2, 4}},
        {"all equal share first place", {75, 75, 75}, {1, 1, 1}},
        {"input not sorted", {70, 90, 80, 80}, {4, 1, 2, 2}},
        {"a tie at the top skips second place", {88, 88, 60}, {1, 1, 3}},
        {"no average is rank 0 and takes no place", {std::nullopt, 60, std::nullopt, 80}, {0, 2, 0, 1}},
        {"no average between ties", {80, std::nullopt, 80, 70}, {1, 0, 1, 3}},
        {"0.1+0.2 ties with 0.3 (within 1e-9)", {0.1 + 0.2, 0.3, 0.2}, {1, 1, 3}},
        {"the same average reached through different sums ties", {(84.1 + 84.2 + 84.3) / 3.0, 84.2, 84.1}, {1, 1, 3}},
        {"values 1e-6 apart do not tie", {80.000001, 80}, {1, 2}},
        {"one student is first", {42}, {1}},
        {"nobody has an average", {std::nullopt, std::nullopt}, {0, 0}},
        {"no students", {}, {}},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_EQ(grading::competition_ranks(r.values), r.expected);
    }
}

TEST(GradingRanks, DoNotDependOnTheOrderOfTheStudents)
{
    // Every order of the same class gives each student the same rank.
    const std::vector<std::optional<double>> values = {90, 80, std::nullopt, 80, 70, 0.1 + 0.2, 0.3};
    const std::vector<std::int64_t> expected = {1, 2, 0, 2, 4, 5, 5};
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    int permutations = 0;
    do {
        std::vector<std::optional<double>> shuffled;
        for (auto i : order) {
            shuffled.push_back(values[i]);
        }
        auto ranks = grading::competition_ranks(shuffled);
        ASSERT_EQ(ranks.size(), values.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            ASSERT_EQ(ranks[k], expected[order[k]]) << "permutation " << permutations << ", student " << order[k];
        }
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    EXPECT_EQ(permutations, 5040);
}

TEST(GradingClassStatistics, CountMeanPassRateAndLettersForEveryoneBoysAndGirls)
{
    // M 95 (A), F 85 (B), M 72 (C), F 45 (F), M no average, F 50 (E), M 49.999 (F).
    const std::vector<StudentAverage> students = {
        {"M", 95}, {"F", 85}, {"M", 72}, {"F", 45}, {"M", std::nullopt}, {"F", 50}, {"M", 49.999},
    };
    auto stats = grading::class_statistics(defaults(), students);

    using Letters = std::vector<std::pair<std::string, std::int64_t>>;
    struct Row {
        std::string description;
        grading::GroupStats grading::ClassStats::*group;
        std::int64_t students;
        std::int64_t with_average;
        std::optional<double> mean;
        std::int64_t passed;
        std::optional<double> pass_rate;
        Letters letters;
    };
    const std::vector<Row> rows = {
        {"all: 7 students, 6 with an average, 4 pass",
         &grading::ClassStats::all,
         7,
         6,
         (95 + 85 + 72 + 45 + 50 + 49.999) / 6.0,
         4,
         4.0 / 6.0 * 100.0,
         {{"A", 1}, {"B", 1}, {"C", 1}, {"D", 0}, {"E", 1}, {"F", 2}}},
        {"male: 4 students, 3 with an average, 2 pass (49.999 fails)",
         &grading::ClassStats::male,
         4,
         3,
         (95 + 72 + 49.999) / 3.0,
         2,
         2.0 / 3.0 * 100.0,
         {{"A", 1}, {"B", 0}, {"C", 1}, {"D", 0}, {"E", 0}, {"F", 1}}},
        {"female: 3 students, 3 with an average, 2 pass (50 passes)",
         &grading::ClassStats::female,
         3,
         3,
         60,
         2,
         2.0 / 3.0 * 100.0,
         {{"A", 0}, {"B", 1}, {"C", 0}, {"D", 0}, {"E", 1}, {"F", 1}}},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        const auto& g = stats.*r.group;
        EXPECT_EQ(g.students, r.students);
        EXPECT_EQ(g.with_average, r.with_average);
        expect_optional_near(g.mean, r.mean);
        EXPECT_EQ(g.passed, r.passed);
        expect_optional_near(g.pass_rate, r.pass_rate);
        EXPECT_EQ(g.letters, r.letters);
    }
}

TEST(GradingClassStatistics, ListEveryLetterOfTheScaleEvenWithoutStudents)
{
    using Letters = std::vector<std::pair<std::string, std::int64_t>>;
    struct Row {
        std::string description;
        GradingSettings settings;
        std::vector<StudentAverage> students;
        std::int64_t count;
        std::int64_t with_average;
        std::optional<double> mean;
        std::optional<double> pass_rate;
        Letters letters;
    };
    const std::vector<Row> rows = {
        {"an empty class",
         defaults(),
         {},
         0,
         0,
         std::nullopt,
         std::nullopt,
         {{"A", 0}, {"B", 0}, {"C", 0}, {"D", 0}, {"E", 0}, {"F", 0}}},
        {"nobody has an average yet",
         defaults(),
         {{"M", std::nullopt}, {"F", std::nullopt}},
         2,
         0,
         std::nullopt,
         std::nullopt,
         {{"A", 0}, {"B", 0}, {"C", 0}, {"D", 0}, {"E", 0}, {"F", 0}}},
        {"a custom scale and pass mark 40",
         custom_scale(),
         {{"M", 92}, {"F", 45}, {"F", 39.5}, {"M", 70}},
         4,
         4,
         (92 + 45 + 39.5 + 70) / 4.0,
         75,
         {{"D", 1}, {"M", 1}, {"P", 1}, {"N", 1}}},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        auto all = grading::class_statistics(r.settings, r.students).all;
        EXPECT_EQ(all.students, r.count);
        EXPECT_EQ(all.with_average, r.with_average);
        expect_optional_near(all.mean, r.mean);
        expect_optional_near(all.pass_rate, r.pass_rate);
        EXPECT_EQ(all.letters, r.letters);
    }
}

TEST(GradingAttendance, CountsHalfDaysAndWholeDays)
{
    struct Row {
        std::string description;
        std::vector<AttendanceMark> marks;
        double present;
        double absent;
        double late;
        double excused;
        std::optional<double> rate;
    };
    const std::vector<Row> rows = {
        {"AM absent and PM present: half a day each", {{"AM", "ABSENT"}, {"PM", "PRESENT"}}, 0.5, 0.5, 0, 0, 50},
        {"FULL present is one day", {{"FULL", "PRESENT"}}, 1, 0, 0, 0, 100},
        {"FULL absent is one day", {{"FULL", "ABSENT"}}, 0, 1, 0, 0, 0},
        {"late counts as attended", {{"FULL", "LATE"}}, 0, 0, 1, 0, 100},
        {"late in the morning, present in the afternoon", {{"AM", "LATE"}, {"PM", "PRESENT"}}, 0.5, 0, 0.5, 0, 100},
        {"excused is not attended", {{"FULL", "PRESENT"}, {"FULL", "EXCUSED"}}, 1, 0, 0, 1, 50},
        {"four days: 3 present, AM absent, PM excused → 3/4",
         {{"FULL", "PRESENT"}, {"FULL", "PRESENT"}, {"FULL", "PRESENT"}, {"AM", "ABSENT"}, {"PM", "EXCUSED"}},
         3,
         0.5,
         0,
         0.5,
         75},
        {"two days: FULL absent, AM late, PM present → 1/2",
         {{"FULL", "ABSENT"}, {"AM", "LATE"}, {"PM", "PRESENT"}},
         0.5,
         1,
         0.5,
         0,
         50},
        {"nothing recorded: no rate", {}, 0, 0, 0, 0, std::nullopt},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        auto counts = grading::count_attendance(r.marks);
        EXPECT_DOUBLE_EQ(counts.present, r.present);
        EXPECT_DOUBLE_EQ(counts.absent, r.absent);
        EXPECT_DOUBLE_EQ(counts.late, r.late);
        EXPECT_DOUBLE_EQ(counts.excused, r.excused);
        EXPECT_DOUBLE_EQ(counts.days(), r.present + r.absent + r.late + r.excused);
        expect_optional_near(counts.rate(), r.rate);
    }
}

TEST(GradingDisplay, RoundsToTwoDecimalsHalvesAwayFromZero)
{
    struct Row {
        std::string description;
        double value;
        double expected;
    };
    const std::vector<Row> rows = {
        {"84.125 → 84.13 although 84.125 is not exact in binary", 84.125, 84.13},
        {"84.124999 → 84.12", 84.124999, 84.12},
        {"-1.005 → -1.01 (away from zero)", -1.005, -1.01},
        {"1.005 → 1.01", 1.005, 1.01},
        {"2.675 → 2.68", 2.675, 2.68},
        {"two thirds of 100 → 66.67", 2.0 / 3.0 * 100.0, 66.67},
        {"one third of 100 → 33.33", 1.0 / 3.0 * 100.0, 33.33},
        {"84.444 → 84.44", 84.444, 84.44},
        {"84.445 → 84.45", 84.445, 84.45},
        {"49.995 → 50", 49.995, 50},
        {"89.995 → 90", 89.995, 90},
        {"whole numbers stay", 85, 85},
        {"100 stays", 100, 100},
        {"0 stays", 0, 0},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        EXPECT_DOUBLE_EQ(grading::display(r.value), r.expected);
    }
    EXPECT_FALSE(grading::display(std::optional<double>{}));
    EXPECT_EQ(grading::display(std::optional<double>{84.125}), std::optional<double>{84.13});
}

TEST(GradingDisplay, RoundsOnlyForShowing)
{
    auto s = defaults();
    struct Row {
        std::string description;
        std::vector<Weighted> subject_results;
        double shown_rounded_first;  // what averaging the shown values would give
        double shown;                // what the server shows: the unrounded average, rounded
    };
    const std::vector<Row> rows = {
        {"84.444 and 84.444 show 84.44 each; the average is 84.444 (shows 84.44)",
         {{84.444, 1}, {84.444, 1}},
         84.44,
         84.44},
        {"84.444, 84.444 and 84.447 show 84.44, 84.44, 84.45; their average 84.445 shows 84.45, not 84.44",
         {{84.444, 1}, {84.444, 1}, {84.447, 1}},
         84.44,
         84.45},
        {"84.444 and 84.445 show 84.44 and 84.45; their average 84.4445 shows 84.44, not 84.45",
         {{84.444, 1}, {84.445, 1}},
         84.45,
         84.44},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.description);
        std::vector<Weighted> shown_values;
        for (const auto& e : r.subject_results) {
            shown_values.push_back({grading::display(e.value), e.weight});
        }
        auto average = grading::weighted_mean(r.subject_results);
        ASSERT_TRUE(average);
        EXPECT_DOUBLE_EQ(grading::display(*average), r.shown);
        EXPECT_DOUBLE_EQ(grading::display(*grading::weighted_mean(shown_values)), r.shown_rounded_first);
    }

    // Two subject results each shown as 84.44 keep their full value: the sum shown is 168.89.
    EXPECT_DOUBLE_EQ(grading::display(84.444), 84.44);
    EXPECT_DOUBLE_EQ(grading::display(84.444 + 84.444), 168.89);

    // Letters, pass/fail and ranks use the unrounded value.
    EXPECT_DOUBLE_EQ(grading::display(49.996), 50.00);
    EXPECT_FALSE(grading::passes(s, 49.996));
    EXPECT_DOUBLE_EQ(grading::display(89.996), 90.00);
    EXPECT_EQ(grading::letter_for(s, 89.996).letter, "B");
    const std::vector<std::optional<double>> close = {84.443, 84.444};
    EXPECT_DOUBLE_EQ(grading::display(*close[0]), grading::display(*close[1]));
    EXPECT_EQ(grading::competition_ranks(close), (std::vector<std::int64_t>{2, 1}));
}

}  // namespace
}  // namespace sala
