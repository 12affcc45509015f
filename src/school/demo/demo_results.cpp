// See demo_results.hpp. The calendar follows the school's attendance settings (its school days
// and registers); each class is written whole (registers, then grades) before the next, which
// keeps the indexes' working set small on a large school.
#include "school/demo/demo_results.hpp"

#include "school/attendance/attendance_settings.hpp"
#include "school/demo/demo_term.hpp"
#include "school/settings/settings_repository.hpp"
#include "school/users/user_repository.hpp"

#include <algorithm>

namespace sala::demo {
namespace {

// The weeks shown when the demo is made before its year begins.
constexpr std::chrono::days kPreviewDays{6 * 7};

attendance::Settings attendance_settings(db::Connection& tx)
{
    auto stored = settings::repo::find(tx, attendance::kSettingsName);
    return stored ? attendance::settings_from_json(stored->value, stored->row_version) : attendance::default_settings();
}

const school_years::Semester* first_semester(std::span<const school_years::Semester> semesters)
{
    auto first = std::min_element(semesters.begin(), semesters.end(),
                                  [](const auto& a, const auto& b) { return a.order < b.order; });
    return first == semesters.end() ? nullptr : &*first;
}

// Who takes the registers of a class without a homeroom teacher.
std::optional<std::int64_t> first_admin(db::Connection& tx)
{
    auto admins = users::repo::list(tx, {.role = std::string(users::kRoleAdmin),
                                         .status = std::string(users::kStatusActive),
                                         .order_by = "user_id",
                                         .limit = 1});
    return admins.users.empty() ? std::nullopt : std::optional(admins.users.front().user_id);
}

// The term's last day: today, or the last of the first weeks shown before the year begins.
Date last_day(const school_years::Semester& semester, Date today)
{
    auto last = today < semester.start_date ? semester.start_date + kPreviewDays - std::chrono::days(1) : today;
    return std::min(last, semester.end_date);
}

// Mondays keep a few more at home; about one morning in ten is a downpour that keeps more at home
// and makes many late.
TermCalendar calendar_of(db::Connection& tx, Dice& dice, const school_years::Semester& semester, Date last,
                         TimePoint now)
{
    auto settings = attendance_settings(tx);
    TermCalendar calendar;
    calendar.sessions = settings.sessions;
    calendar.semester_id = semester.semester_id;
    calendar.now = now;
    auto first_monday = semester.start_date - (std::chrono::weekday(semester.start_date) - std::chrono::Monday);
    std::chrono::year_month_day start(semester.start_date);
    for (auto d = semester.start_date; d <= semester.end_date; d += std::chrono::days(1)) {
        if (!attendance::is_school_day(settings, d)) {
            continue;
        }
        std::chrono::year_month_day ymd(d);
        SchoolDay day{d, static_cast<std::size_t>((d - first_monday).count() / 7),
                      static_cast<std::size_t>((ymd.year() - start.year()).count() * 12 +
                                               static_cast<int>(static_cast<unsigned>(ymd.month())) -
                                               static_cast<int>(static_cast<unsigned>(start.month())))};
        if (std::chrono::weekday(d) == std::chrono::Monday) {
            day.extra_absence += 0.01;
        }
        if (dice.chance(10)) {
            day.extra_absence += 0.03;
            day.extra_lateness += 0.12;
        }
        calendar.days.push_back(day);
        calendar.taught += d <= last ? 1 : 0;
    }
    return calendar;
}

// Most students miss a day now and then; a few miss many. Most are on time; a few are often late.
// Those who miss more tend to score lower.
Pupil pupil_of(Dice& dice, std::int64_t student_id)
{
    Pupil p{student_id, 0, 0, 0};
    auto habit = dice.below(100);
    p.absence = habit < 62   ? 0.01 + 0.035 * dice.uniform()
                : habit < 90 ? 0.045 + 0.055 * dice.uniform()
                             : 0.09 + 0.11 * dice.uniform();
    auto punctuality = dice.below(100);
    p.lateness = punctuality < 70   ? 0.005 + 0.025 * dice.uniform()
                 : punctuality < 93 ? 0.03 + 0.05 * dice.uniform()
                                    : 0.08 + 0.10 * dice.uniform();
    p.ability = std::clamp(dice.normal(70, 13) - 40 * (p.absence - 0.05), 25.0, 98.0);
    return p;
}

}  // namespace

TimePoint written_at(Date date, int hour, TimePoint now)
{
    return std::min<TimePoint>(TimePoint(date) + std::chrono::hours(hour), now);
}

TermResults create_demo_results(db::Connection& tx, std::span<const ClassRoll> classes,
                                std::span<const school_years::Semester> semesters, TimePoint now, std::uint64_t seed)
{
    TermResults term;
    const auto* semester = first_semester(semesters);
    if (semester == nullptr) {
        return term;
    }
    Dice dice(seed ^ 0x7465726d6d61726bULL);  // its own draws: the people stay those of the seed
    auto calendar = calendar_of(tx, dice, *semester, last_day(*semester, to_date(now)), now);
    auto admin_id = first_admin(tx);
    std::vector<Pupil> pupils;
    std::vector<bool> missed;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto& roll = classes[i];
        pupils.clear();
        for (auto id : roll.students) {
            pupils.push_back(pupil_of(dice, id));
        }
        auto registrar = roll.homeroom_teacher_id ? roll.homeroom_teacher_id : admin_id;
        term.attendance += write_registers(tx, dice, calendar, roll, pupils, registrar, missed);
        term.grades += write_scores(tx, dice, calendar, i, roll, pupils, registrar, missed);
    }
    return term;
}

}  // namespace sala::demo
