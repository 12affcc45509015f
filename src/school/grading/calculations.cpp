// See calculations.hpp; docs/grading.md explains each rule.
#include "school/grading/calculations.hpp"

#include <algorithm>
#include <cmath>

namespace sala::grading {
namespace {

constexpr double kTie = 1e-9;

}  // namespace

bool is_grade_type(std::string_view text)
{
    return std::find(std::begin(kGradeTypes), std::end(kGradeTypes), text) != std::end(kGradeTypes);
}

GradingSettings default_grading_settings()
{
    GradingSettings s;
    s.category_weights = {{"ASSIGNMENT", 20}, {"QUIZ", 20}, {"EXAM", 50}, {"PARTICIPATION", 10}};
    s.grade_scale = {
        {"A", 90, "Excellent", "ល្អប្រសើរ"}, {"B", 80, "Very good", "ល្អណាស់"}, {"C", 70, "Good", "ល្អ"},
        {"D", 60, "Fairly good", "ល្អបង្គួរ"}, {"E", 50, "Average", "មធ្យម"},  {"F", 0, "Weak", "ខ្សោយ"},
    };
    s.pass_mark = 50;
    return s;
}

double percentage(double score, double max_score)
{
    return score / max_score * 100.0;
}

const ScaleStep& letter_for(const GradingSettings& settings, double percentage)
{
    for (const auto& step : settings.grade_scale) {
        if (percentage >= step.min_percentage) {
            return step;
        }
    }
    return settings.grade_scale.back();
}

bool passes(const GradingSettings& settings, double average)
{
    return average >= settings.pass_mark;
}

double category_weight(const GradingSettings& settings, std::string_view grade_type)
{
    for (const auto& c : settings.category_weights) {
        if (c.grade_type == grade_type) {
            return c.weight;
        }
    }
    return 0;
}

double semester_weight(const GradingSettings& settings, std::int64_t order)
{
    for (const auto& s : settings.semester_weights) {
        if (s.order == order) {
            return s.weight;
        }
    }
    return 1;
}

std::optional<double> category_percentage(std::span<const Mark> marks, std::string_view grade_type)
{
    double score = 0;
    double max_score = 0;
    bool any = false;
    for (const auto& m : marks) {
        if (m.grade_type == grade_type) {
            score += m.score;
            max_score += m.max_score;
            any = true;
        }
    }
    if (!any || max_score <= 0) {
        return std::nullopt;
    }
    return percentage(score, max_score);
}

std::optional<double> subject_result(const GradingSettings& settings, std::span<const Mark> marks)
{
    std::vector<Weighted> categories;
    for (auto type : kGradeTypes) {
        if (auto p = category_percentage(marks, type)) {
            categories.push_back({*p, category_weight(settings, type)});
        }
    }
    return weighted_mean(categories);
}

std::optional<double> weighted_mean(std::span<const Weighted> entries)
{
    double sum = 0;
    double weights = 0;
    for (const auto& e : entries) {
        if (e.weight > 0) {
            sum += e.value * e.weight;
            weights += e.weight;
        }
    }
    if (weights <= 0) {
        return std::nullopt;
    }
    return sum / weights;
}

std::vector<std::int64_t> competition_ranks(std::span<const std::optional<double>> values)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *values[a] > *values[b]; });
    std::vector<std::int64_t> ranks(values.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
        auto value = *values[order[k]];
        bool tied = k > 0 && std::abs(*values[order[k - 1]] - value) <= kTie * std::max(1.0, std::abs(value));
        ranks[order[k]] = tied ? ranks[order[k - 1]] : static_cast<std::int64_t>(k + 1);
    }
    return ranks;
}

namespace {

GroupStats group_stats(const GradingSettings& settings, std::span<const StudentAverage> students,
                       std::string_view gender)
{
    GroupStats g;
    for (const auto& step : settings.grade_scale) {
        g.letters.emplace_back(step.letter, 0);
    }
    std::vector<Weighted> averages;
    for (const auto& s : students) {
        if (!gender.empty() && s.gender != gender) {
            continue;
        }
        ++g.students;
        if (!s.average) {
            continue;
        }
        ++g.with_average;
        averages.push_back({*s.average, 1});
        if (passes(settings, *s.average)) {
            ++g.passed;
        }
        const auto& letter = letter_for(settings, *s.average).letter;
        for (auto& [l, n] : g.letters) {
            if (l == letter) {
                ++n;
                break;
            }
        }
    }
    g.mean = weighted_mean(averages);
    if (g.with_average > 0) {
        g.pass_rate = static_cast<double>(g.passed) / static_cast<double>(g.with_average) * 100.0;
    }
    return g;
}

}  // namespace

ClassStats class_statistics(const GradingSettings& settings, std::span<const StudentAverage> students)
{
    return ClassStats{group_stats(settings, students, {}), group_stats(settings, students, "M"),
                      group_stats(settings, students, "F")};
}

void AttendanceCounts::add(AttendanceMark mark, double times)
{
    double days = (mark.session == "FULL" ? 1.0 : 0.5) * times;
    if (mark.status == "PRESENT") {
        present += days;
    } else if (mark.status == "ABSENT") {
        absent += days;
    } else if (mark.status == "LATE") {
        late += days;
    } else if (mark.status == "EXCUSED") {
        excused += days;
    }
}

void AttendanceCounts::add(const AttendanceCounts& other)
{
    present += other.present;
    absent += other.absent;
    late += other.late;
    excused += other.excused;
}

std::optional<double> AttendanceCounts::rate() const
{
    auto total = days();
    if (total <= 0) {
        return std::nullopt;
    }
    return (present + late) / total * 100.0;
}

AttendanceCounts count_attendance(std::span<const AttendanceMark> marks)
{
    AttendanceCounts counts;
    for (const auto& m : marks) {
        counts.add(m);
    }
    return counts;
}

double display(double value)
{
    // A relative nudge so that a half stored as …4999999 (84.125 is not exact in binary) still
    // rounds away from zero, as it would on paper.
    double scaled = value * 100.0;
    double nudged = scaled + std::copysign(1e-9 * std::max(1.0, std::abs(scaled)), scaled);
    return std::round(nudged) / 100.0;
}

std::optional<double> display(const std::optional<double>& value)
{
    if (!value) {
        return std::nullopt;
    }
    return display(*value);
}

}  // namespace sala::grading
