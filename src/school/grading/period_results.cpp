// See period_results.hpp.
#include "school/grading/period_results.hpp"

#include <unordered_map>

namespace sala::grading {
namespace {

constexpr std::size_t kCategories = std::size(kGradeTypes);

std::unordered_map<std::int64_t, std::size_t> index_of_students(const CourseFacts& facts)
{
    std::unordered_map<std::int64_t, std::size_t> out;
    for (std::size_t i = 0; i < facts.students.size(); ++i) {
        out.emplace(facts.students[i].student_id, i);
    }
    return out;
}

std::unordered_map<std::int64_t, std::size_t> index_of_subjects(const CourseFacts& facts)
{
    std::unordered_map<std::int64_t, std::size_t> out;
    for (std::size_t i = 0; i < facts.subjects.size(); ++i) {
        out.emplace(facts.subjects[i].subject_id, i);
    }
    return out;
}

bool in_period(const GradeFact& g, const Period& p)
{
    switch (p.kind) {
    case Period::Kind::month: return g.month == p.month;
    case Period::Kind::semester: return g.semester_id == p.semester_id;
    case Period::Kind::year: return true;
    }
    return false;
}

void rank_and_count(const GradingSettings& settings, const CourseFacts& facts, PeriodResult& out)
{
    std::vector<std::optional<double>> averages;
    std::vector<StudentAverage> for_stats;
    for (std::size_t i = 0; i < out.students.size(); ++i) {
        averages.push_back(out.students[i].average);
        for_stats.push_back({facts.students[i].gender, out.students[i].average});
    }
    auto ranks = competition_ranks(averages);
    for (std::size_t i = 0; i < out.students.size(); ++i) {
        out.students[i].rank = ranks[i];
        out.ranked += out.students[i].average ? 1 : 0;
    }
    out.statistics = class_statistics(settings, for_stats);
}

// A month or a semester: one pass over the grades, summing score and maximum per student,
// subject and category.
PeriodResult compute_from_grades(const GradingSettings& settings, const CourseFacts& facts, const Period& period)
{
    auto students = index_of_students(facts);
    auto subjects = index_of_subjects(facts);
    const auto n_subjects = facts.subjects.size();
    struct Sum {
        double score = 0;
        double max_score = 0;
        bool any = false;
    };
    std::vector<Sum> sums(facts.students.size() * n_subjects * kCategories);
    for (const auto& g : facts.grades) {
        if (!in_period(g, period) || g.category < 0 || static_cast<std::size_t>(g.category) >= kCategories) {
            continue;
        }
        auto s = students.find(g.student_id);
        auto j = subjects.find(g.subject_id);
        if (s == students.end() || j == subjects.end()) {
            continue;
        }
        auto& sum = sums[(s->second * n_subjects + j->second) * kCategories + static_cast<std::size_t>(g.category)];
        sum.score += g.score;
        sum.max_score += g.max_score;
        sum.any = true;
    }
    PeriodResult out;
    out.students.resize(facts.students.size());
    for (std::size_t s = 0; s < facts.students.size(); ++s) {
        auto& r = out.students[s];
        r.subjects.resize(n_subjects);
        std::vector<Weighted> weighted;
        for (std::size_t j = 0; j < n_subjects; ++j) {
            std::vector<Mark> marks;
            for (std::size_t c = 0; c < kCategories; ++c) {
                const auto& sum = sums[(s * n_subjects + j) * kCategories + c];
                if (sum.any) {
                    marks.push_back({kGradeTypes[c], sum.score, sum.max_score});
                }
            }
            r.subjects[j] = subject_result(settings, marks);
            if (r.subjects[j]) {
                weighted.push_back({*r.subjects[j], facts.subjects[j].coefficient});
            }
        }
        r.average = weighted_mean(weighted);
    }
    rank_and_count(settings, facts, out);
    return out;
}

}  // namespace

PeriodResult compute_period(const GradingSettings& settings, const CourseFacts& facts, const Period& period)
{
    if (period.kind != Period::Kind::year) {
        return compute_from_grades(settings, facts, period);
    }
    std::vector<PeriodResult> semesters;
    std::vector<double> weights;
    for (const auto& sem : facts.semesters) {
        semesters.push_back(compute_from_grades(settings, facts, {Period::Kind::semester, 0, sem.semester_id}));
        weights.push_back(semester_weight(settings, sem.order));
    }
    PeriodResult out;
    out.students.resize(facts.students.size());
    for (std::size_t s = 0; s < facts.students.size(); ++s) {
        auto& r = out.students[s];
        r.subjects.resize(facts.subjects.size());
        for (std::size_t j = 0; j < facts.subjects.size(); ++j) {
            std::vector<Weighted> by_semester;
            for (std::size_t k = 0; k < semesters.size(); ++k) {
                if (const auto& v = semesters[k].students[s].subjects[j]) {
                    by_semester.push_back({*v, weights[k]});
                }
            }
            r.subjects[j] = weighted_mean(by_semester);
        }
        std::vector<Weighted> averages;
        for (std::size_t k = 0; k < semesters.size(); ++k) {
            if (const auto& v = semesters[k].students[s].average) {
                averages.push_back({*v, weights[k]});
            }
        }
        r.average = weighted_mean(averages);
    }
    rank_and_count(settings, facts, out);
    return out;
}

int month_number(std::string_view key)
{
    if (key.size() != 7 || key[4] != '-') {
        return 0;
    }
    int value = 0;
    for (char c : key) {
        if (c == '-') {
            continue;
        }
        if (c < '0' || c > '9') {
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

int month_number(Date day)
{
    std::chrono::year_month_day ymd(day);
    return static_cast<int>(ymd.year()) * 100 + static_cast<int>(static_cast<unsigned>(ymd.month()));
}

}  // namespace sala::grading
