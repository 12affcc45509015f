// How a class's registers fill up: a student misses a whole day now and then (half the time with
// a note: ill, often for a few days running, or a family matter), comes late some mornings, and
// once in a while leaves at midday.
#include "school/demo/demo_results_repository.hpp"
#include "school/demo/demo_term.hpp"

namespace sala::demo {
namespace {

// The common ones more than once.
constexpr std::string_view kIllnesses[] = {
    "Sick (fever)",        "Sick (fever)",        "Sick (fever)", "Sick (cough and cold)", "Sick (cough and cold)",
    "Sick (stomach ache)", "Sick (stomach ache)", "Toothache",    "Dengue fever"};
constexpr std::string_view kFamilyMatters[] = {"Family wedding", "Funeral in the family",
                                               "Helping with the rice harvest", "Visiting family in the province",
                                               "Medical appointment"};
constexpr std::string_view kSentHome = "Sent home sick";

constexpr int kMorningHour = 0;  // registers are taken at 07:00 and 13:00 in Phnom Penh (UTC+7)
constexpr int kAfternoonHour = 6;

struct PupilDay {
    repo::Mark morning;
    repo::Mark afternoon;
    bool missed = false;
};

// An illness that keeps a pupil at home for a few more days.
struct Illness {
    int days_left = 0;
    std::string_view reason;
};

PupilDay day_of(Dice& dice, const Pupil& p, const SchoolDay& day, Illness& illness)
{
    PupilDay out{{p.student_id, "PRESENT", std::nullopt}, {p.student_id, "PRESENT", std::nullopt}, false};
    auto stay_home = [&](std::string_view status, std::optional<std::string_view> reason) {
        out.morning = {p.student_id, status, reason};
        out.afternoon = out.morning;
        out.missed = true;
        return out;
    };
    if (illness.days_left > 0) {
        --illness.days_left;
        return stay_home("EXCUSED", illness.reason);
    }
    if (dice.uniform() < p.absence + day.extra_absence) {
        if (!dice.chance(50)) {
            return stay_home("ABSENT", std::nullopt);
        }
        if (dice.chance(70)) {
            illness = {dice.chance(30) ? static_cast<int>(dice.between(1, 2)) : 0,
                       dice.pick(std::span<const std::string_view>(kIllnesses))};
            return stay_home("EXCUSED", illness.reason);
        }
        return stay_home("EXCUSED", dice.pick(std::span<const std::string_view>(kFamilyMatters)));
    }
    if (dice.uniform() < p.lateness + day.extra_lateness) {
        out.morning.status = "LATE";
    }
    if (dice.chance(1)) {
        out.afternoon = dice.chance(50) ? repo::Mark{p.student_id, "EXCUSED", kSentHome}
                                        : repo::Mark{p.student_id, "ABSENT", std::nullopt};
    } else if (dice.uniform() < p.lateness / 4) {
        out.afternoon.status = "LATE";
    }
    return out;
}

}  // namespace

std::int64_t write_registers(db::Connection& tx, Dice& dice, const TermCalendar& calendar, const ClassRoll& roll,
                             std::span<const Pupil> pupils, std::optional<std::int64_t> recorded_by,
                             std::vector<bool>& missed)
{
    auto n = pupils.size();
    missed.assign(calendar.taught * n, false);
    std::vector<Illness> illnesses(n);
    std::vector<PupilDay> today(n);
    std::vector<repo::Mark> marks;
    marks.reserve(n);
    std::int64_t written = 0;
    for (std::size_t d = 0; d < calendar.taught; ++d) {
        const auto& day = calendar.days[d];
        for (std::size_t i = 0; i < n; ++i) {
            today[i] = day_of(dice, pupils[i], day, illnesses[i]);
            missed[d * n + i] = today[i].missed;
        }
        for (const auto& session : calendar.sessions) {
            bool afternoon = session == "PM";
            marks.clear();
            for (const auto& p : today) {
                marks.push_back(afternoon ? p.afternoon : p.morning);  // a FULL register is taken mornings
            }
            repo::Register reg{roll.course_id, day.date, session, recorded_by,
                               written_at(day.date, afternoon ? kAfternoonHour : kMorningHour, calendar.now)};
            written += repo::insert_marks(tx, reg, marks);
        }
    }
    return written;
}

}  // namespace sala::demo
