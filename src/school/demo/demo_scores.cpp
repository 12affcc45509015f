// How a class's gradebook fills up: in each subject a quiz most weeks (none just before the monthly
// exam), an assignment every other week, and at the end of each month an exam (the subjects spread
// over the month's last school days) and a participation mark. A score centres on the student's
// ability, moved by their liking for the subject, the teacher's strictness, how hard that test
// was and the kind of assessment.
#include "school/demo/demo_results_repository.hpp"
#include "school/demo/demo_term.hpp"

#include <algorithm>
#include <cmath>

namespace sala::demo {
namespace {

struct Kind {
    std::string_view grade_type;
    double offset = 0;  // percentage points over or under the student's usual
    double noise = 0;   // how much one sitting varies
};

constexpr Kind kQuiz{"QUIZ", -2, 9};
constexpr Kind kAssignment{"ASSIGNMENT", 6, 7};
constexpr Kind kExam{"EXAM", -5, 8};
constexpr Kind kParticipation{"PARTICIPATION", 9, 5};

constexpr std::size_t kRevisionDays = 5;  // the month's last school days: revision and exams, no quiz
constexpr std::size_t kExamDays = 3;      // the month's last school days, over which exams are spread
constexpr double kParticipationMax = 10;
constexpr int kMarkingHour = 10;      // marks go in at 17:00 in Phnom Penh (UTC+7)
constexpr unsigned kNotHandedIn = 3;  // percent of assignments

constexpr std::string_view kPraise[] = {"Excellent work", "Very good, keep it up", "Top of the class"};
constexpr std::string_view kConcern[] = {"Needs extra practice", "Please see me after class",
                                         "Revise this chapter at home"};

struct Planned {
    std::size_t day = 0;  // index into the calendar's days
    const Kind* kind = nullptr;
    double max_score = 0;
};

// Runs of consecutive calendar days sharing a week (or a month): [first, last] indexes.
template <class Key>
std::vector<std::pair<std::size_t, std::size_t>> runs(const TermCalendar& calendar, Key key)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t d = 0; d < calendar.days.size(); ++d) {
        if (out.empty() || key(calendar.days[d]) != key(calendar.days[out.back().first])) {
            out.emplace_back(d, d);
        }
        out.back().second = d;
    }
    return out;
}

// The subject's assessments over the whole semester, in date order. `slot` picks its lesson days.
std::vector<Planned> plan_subject(const TermCalendar& calendar, std::size_t slot, std::size_t subject_index,
                                  double subject_max)
{
    auto weeks = runs(calendar, [](const SchoolDay& d) { return d.week; });
    auto months = runs(calendar, [](const SchoolDay& d) { return d.month; });
    std::vector<std::size_t> revision_from(calendar.days.size());  // by day: where its month's revision starts
    for (auto [first, last] : months) {
        std::fill(revision_from.begin() + static_cast<std::ptrdiff_t>(first),
                  revision_from.begin() + static_cast<std::ptrdiff_t>(last + 1),
                  last + 1 - std::min(kRevisionDays, last + 1 - first));
    }
    double quiz_max = subject_max <= 50 ? 10 : 20;
    double assignment_max = subject_max <= 50 ? 20 : 50;
    std::vector<Planned> out;
    for (auto [first, last] : weeks) {
        auto size = last + 1 - first;
        auto quiz = first + slot % size;
        if (quiz < revision_from[quiz]) {
            out.push_back({quiz, &kQuiz, quiz_max});
        }
        if ((calendar.days[first].week + subject_index) % 2 == 0) {
            out.push_back({first + (slot + 2) % size, &kAssignment, assignment_max});
        }
    }
    for (auto [first, last] : months) {
        auto spread = std::min(kExamDays, last + 1 - first);
        out.push_back({last - subject_index % spread, &kExam, subject_max});
        out.push_back({last, &kParticipation, kParticipationMax});
    }
    std::stable_sort(out.begin(), out.end(), [](const Planned& a, const Planned& b) { return a.day < b.day; });
    return out;
}

std::optional<std::string_view> comment_on(Dice& dice, const Kind& kind, double percentage)
{
    if (&kind != &kExam) {
        return std::nullopt;
    }
    if (percentage >= 90 && dice.chance(25)) {
        return dice.pick(std::span<const std::string_view>(kPraise));
    }
    if (percentage < 45 && dice.chance(30)) {
        return dice.pick(std::span<const std::string_view>(kConcern));
    }
    return std::nullopt;
}

}  // namespace

std::int64_t write_scores(db::Connection& tx, Dice& dice, const TermCalendar& calendar, std::size_t class_index,
                          const ClassRoll& roll, std::span<const Pupil> pupils, std::optional<std::int64_t> fallback,
                          const std::vector<bool>& missed)
{
    auto n = pupils.size();
    std::vector<double> liking(n);
    std::vector<repo::Score> scores;
    scores.reserve(n);
    std::int64_t written = 0;
    for (std::size_t s = 0; s < roll.subjects.size(); ++s) {
        const auto& subject = roll.subjects[s];
        for (auto& l : liking) {
            l = dice.normal(0, 7);
        }
        auto strictness = dice.normal(0, 4);
        for (const auto& planned : plan_subject(calendar, class_index + s, s, subject.max_score)) {
            if (planned.day >= calendar.taught) {
                break;
            }
            const auto& kind = *planned.kind;
            bool sat = &kind == &kQuiz || &kind == &kExam;
            auto difficulty = dice.normal(0, 6);
            scores.clear();
            for (std::size_t i = 0; i < n; ++i) {
                if (sat && missed[planned.day * n + i]) {
                    continue;
                }
                if (&kind == &kAssignment && dice.chance(kNotHandedIn)) {
                    scores.push_back({pupils[i].student_id, 0, "Not handed in"});
                    continue;
                }
                auto percentage =
                    pupils[i].ability + liking[i] + strictness + difficulty + kind.offset + dice.normal(0, kind.noise);
                auto score =
                    std::clamp(std::round(percentage / 100 * planned.max_score * 2) / 2, 0.0, planned.max_score);
                scores.push_back({pupils[i].student_id, score, comment_on(dice, kind, percentage)});
            }
            const auto& date = calendar.days[planned.day].date;
            repo::Assessment assessment{roll.course_id,
                                        subject.subject_id,
                                        calendar.semester_id,
                                        kind.grade_type,
                                        planned.max_score,
                                        date,
                                        subject.teacher_id ? subject.teacher_id : fallback,
                                        written_at(date, kMarkingHour, calendar.now)};
            written += repo::insert_scores(tx, assessment, scores);
        }
    }
    return written;
}

}  // namespace sala::demo
