// See demo_school.hpp. The structure (year, subjects, teachers, classes) is planned first, then
// families are drawn until every seat of the plan is taken; every student goes through
// StudentService's validation and EnrollmentService's rules like one registered by hand.
#include "school/demo/demo_school.hpp"

#include "auth/password.hpp"
#include "school/courses/course_repository.hpp"
#include "school/demo/demo_data.hpp"
#include "school/demo/demo_people.hpp"
#include "school/demo/demo_results.hpp"
#include "school/enrollments/enrollment_service.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/settings/school_settings.hpp"
#include "school/students/student_repository.hpp"
#include "school/students/student_rules.hpp"
#include "school/subjects/subject_repository.hpp"
#include "school/users/user_repository.hpp"
#include "school/users/user_service.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace sala::demo {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr std::int64_t kClassSize = 40;        // a grade level opens another class past this many
constexpr std::int64_t kSpareSeats = 5;        // places left in each class for newcomers
constexpr std::int64_t kMaxSections = 26;      // A to Z
constexpr std::int64_t kLastPrimaryGrade = 6;  // grades 1–6 have one teacher for every subject
constexpr std::int64_t kMinTeachers = 12;
constexpr std::int64_t kStudentsPerTeacher = 20;
constexpr std::int64_t kProgressEvery = 250;

struct YearPlan {
    std::string name;
    Date start;
    Date end;
    Date first_semester_end;
};

struct SubjectRow {
    std::int64_t subject_id = 0;
    std::string code;
    std::string name;
    std::vector<std::int64_t> grade_levels;
    double max_score = 0;

    [[nodiscard]] bool taught_at(std::int64_t grade) const
    {
        return std::find(grade_levels.begin(), grade_levels.end(), grade) != grade_levels.end();
    }
};

struct ClassPlan {
    std::int64_t grade_level = 0;
    std::string section;
    std::int64_t capacity = 0;
    std::int64_t course_id = 0;
    std::optional<std::int64_t> homeroom;
    std::vector<courses::SubjectAssignment> subjects;
    std::vector<std::string> codes;  // of `subjects`, in the same order
    std::vector<double> max_scores;  // of `subjects`, in the same order
    std::vector<std::int64_t> students;
};

// A grade level's students and the classes that share them.
struct GradePlan {
    std::int64_t grade_level = 0;
    std::int64_t students = 0;
    std::vector<std::size_t> classes;  // indexes into the class list
    std::int64_t seated = 0;
};

// Cambodian school years run from 1 November to 31 August. The current one is the year that
// contains today; in September and October, between two years, it is the one about to start,
// since that is when its classes are formed.
YearPlan year_around(Date today)
{
    std::chrono::year_month_day ymd(today);
    int first = static_cast<int>(ymd.year()) - (static_cast<unsigned>(ymd.month()) >= 9 ? 0 : 1);
    YearPlan plan;
    plan.name = std::to_string(first) + "-" + std::to_string(first + 1);
    plan.start = std::chrono::sys_days(year(first) / month(11) / day(1));
    plan.end = std::chrono::sys_days(year(first + 1) / month(8) / day(31));
    plan.first_semester_end = std::chrono::sys_days(year(first + 1) / month(3) / day(31));
    return plan;
}

std::string broken_rules(const Error& e)
{
    std::string out;
    for (const auto& d : e.details) {
        out += " " + d.field + ":" + d.code;
    }
    return out.empty() ? " " + std::string(error_code_name(e.code)) : out;
}

std::int64_t create_year(db::Connection& tx, const YearPlan& plan, TimePoint now)
{
    auto year_id = school_years::repo::insert(tx, {plan.name, plan.start, plan.end, true}, now);
    if (!year_id) {
        throw Failure("demo school: school year " + plan.name + " exists");
    }
    school_years::SemesterInput first{*year_id, "Semester 1", 1, plan.start, plan.first_semester_end};
    school_years::SemesterInput second{*year_id, "Semester 2", 2, plan.first_semester_end + std::chrono::days(1),
                                       plan.end};
    for (const auto& s : {first, second}) {
        if (!school_years::repo::insert_semester(tx, s, now)) {
            throw Failure("demo school: semester order taken");
        }
    }
    return *year_id;
}

// The subjects taught at some grade level of the school; a subject whose code exists already is
// reused as it is.
std::vector<SubjectRow> create_subjects(db::Connection& tx, std::span<const std::int64_t> grades, TimePoint now)
{
    std::vector<SubjectRow> out;
    for (const auto& spec : subjects()) {
        subjects::SubjectInput input{std::string(spec.code), std::string(spec.name), std::string(spec.name_kh),
                                     spec.max_score,         spec.coefficient,       {}};
        for (auto g = spec.first_grade; g <= spec.last_grade; ++g) {
            input.grade_levels.push_back(g);
        }
        SubjectRow row{0, input.code, input.name, input.grade_levels, input.max_score};
        if (std::none_of(grades.begin(), grades.end(), [&](std::int64_t g) { return row.taught_at(g); })) {
            continue;
        }
        if (auto id = subjects::repo::insert(tx, input, now)) {
            row.subject_id = *id;
        } else {
            auto existing = subjects::repo::find_by_id(tx, subjects::repo::find_id_by_code(tx, input.code).value_or(0));
            if (!existing) {
                throw Failure("demo school: subject " + input.code + " vanished");
            }
            row.subject_id = existing->subject_id;
            row.grade_levels = existing->grade_levels;
            row.max_score = existing->max_score;
        }
        out.push_back(std::move(row));
    }
    return out;
}

// Students spread evenly over the grade levels (the lower ones take the remainder), each grade in
// classes of about kClassSize with a few spare places.
std::vector<GradePlan> plan_classes(std::span<const std::int64_t> grades, std::int64_t students,
                                    std::vector<ClassPlan>& classes)
{
    std::vector<GradePlan> out;
    auto n = static_cast<std::int64_t>(grades.size());
    for (std::int64_t i = 0; i < n; ++i) {
        GradePlan grade{grades[static_cast<std::size_t>(i)], students / n + (i < students % n ? 1 : 0), {}, 0};
        auto sections = std::clamp<std::int64_t>((grade.students + kClassSize - 1) / kClassSize, 1, kMaxSections);
        auto capacity = (grade.students + sections - 1) / sections + kSpareSeats;
        if (capacity > courses::kMaxCapacity) {
            throw Failure("demo school: " + std::to_string(grade.students) + " students in grade " +
                          std::to_string(grade.grade_level) + " do not fit in " + std::to_string(kMaxSections) +
                          " classes");
        }
        for (std::int64_t s = 0; s < sections; ++s) {
            grade.classes.push_back(classes.size());
            classes.push_back(ClassPlan{grade.grade_level, std::string(1, static_cast<char>('A' + s)), capacity});
        }
        out.push_back(std::move(grade));
    }
    return out;
}

// Creates `count` teacher accounts that share one password hash (they are not meant to sign in;
// hashing each would cost more than the rest of the school). Gives their ids.
std::vector<std::int64_t> create_teachers(db::Connection& tx, Dice& dice, std::span<const std::string> positions,
                                          std::set<std::string>& usernames, TimePoint now)
{
    std::vector<std::int64_t> ids;
    if (positions.empty()) {
        return ids;
    }
    auto password = auth::generate_password();
    auto hash = auth::hash_password(password);
    for (const auto& position : positions) {
        auto teacher = make_teacher(dice, position);
        auto base = teacher.username;
        for (int n = 2;; ++n) {
            if (usernames.insert(teacher.username).second) {
                teacher.password = password;
                auto valid = users::validate_new_user(teacher);
                if (!valid) {
                    throw Failure("demo school: teacher " + teacher.username +
                                  " breaks a rule:" + broken_rules(valid.error()));
                }
                if (auto id = users::repo::insert(tx, *valid, hash, now)) {
                    ids.push_back(*id);
                    break;
                }
            }
            teacher.username = base + std::to_string(n);
        }
    }
    return ids;
}

// Primary classes: their homeroom teacher teaches everything. Secondary classes: each subject
// from one of its specialists in turn, the homeroom teacher one of them not yet homeroom
// elsewhere.
void assign_teachers(std::vector<ClassPlan>& classes, const std::vector<SubjectRow>& subject_rows,
                     std::span<const std::int64_t> primary,
                     const std::map<std::string, std::vector<std::int64_t>>& specialists)
{
    std::size_t next_primary = 0;
    std::map<std::string, std::size_t> turn;
    std::set<std::int64_t> homerooms;
    for (auto& c : classes) {
        bool is_primary = c.grade_level <= kLastPrimaryGrade;
        if (is_primary) {
            c.homeroom = primary[next_primary++ % primary.size()];
        }
        for (const auto& s : subject_rows) {
            if (!s.taught_at(c.grade_level)) {
                continue;
            }
            std::int64_t teacher = 0;
            if (is_primary) {
                teacher = *c.homeroom;
            } else {
                const auto& pool = specialists.at(s.code);
                teacher = pool[turn[s.code]++ % pool.size()];
            }
            c.subjects.push_back({s.subject_id, teacher});
            c.codes.push_back(s.code);
            c.max_scores.push_back(s.max_score);
        }
        if (!is_primary && !c.subjects.empty()) {
            auto free = std::find_if(c.subjects.begin(), c.subjects.end(),
                                     [&](const auto& a) { return !homerooms.contains(*a.teacher_id); });
            c.homeroom = free != c.subjects.end() ? free->teacher_id : c.subjects.front().teacher_id;
            homerooms.insert(*c.homeroom);
        }
    }
}

// The demo teacher account: homeroom teacher of the first secondary class (the first class when
// there is none), teaching mathematics and English there and mathematics in the next class.
void give_classes_to(std::int64_t teacher_id, std::vector<ClassPlan>& classes)
{
    auto first = std::find_if(classes.begin(), classes.end(),
                              [](const ClassPlan& c) { return c.grade_level > kLastPrimaryGrade; });
    if (first == classes.end()) {
        first = classes.begin();
    }
    auto teach = [teacher_id](ClassPlan& c, std::string_view code) {
        for (std::size_t i = 0; i < c.codes.size(); ++i) {
            if (c.codes[i] == code) {
                c.subjects[i].teacher_id = teacher_id;
            }
        }
    };
    first->homeroom = teacher_id;
    teach(*first, "MATH");
    teach(*first, "ENG");
    if (auto next = first + 1; next != classes.end()) {
        teach(*next, "MATH");
    }
}

std::optional<std::int64_t> demo_teacher(db::Connection& tx, const std::string& username)
{
    if (username.empty()) {
        return std::nullopt;
    }
    auto user = users::repo::find_by_username(tx, username);
    bool can_teach = user && user->status == users::kStatusActive &&
                     (user->role == users::kRoleTeacher || user->role == users::kRoleAdmin);
    return can_teach ? std::optional(user->user_id) : std::nullopt;
}

// Teachers: one per primary class, and specialists for the secondary subjects (each subject at
// least one, the core subjects first), about one teacher per kStudentsPerTeacher students in all.
std::int64_t staff_classes(db::Connection& tx, Dice& dice, std::vector<ClassPlan>& classes,
                           const std::vector<SubjectRow>& subject_rows, std::int64_t students, TimePoint now)
{
    auto primary_classes = static_cast<std::int64_t>(std::count_if(
        classes.begin(), classes.end(), [](const ClassPlan& c) { return c.grade_level <= kLastPrimaryGrade; }));
    std::vector<const SubjectRow*> secondary;
    for (const auto& s : subject_rows) {
        if (std::any_of(classes.begin(), classes.end(), [&](const ClassPlan& c) {
                return c.grade_level > kLastPrimaryGrade && s.taught_at(c.grade_level);
            })) {
            secondary.push_back(&s);
        }
    }
    auto wanted = std::max({kMinTeachers, (students + kStudentsPerTeacher - 1) / kStudentsPerTeacher,
                            static_cast<std::int64_t>(primary_classes + secondary.size())});
    auto specialists_wanted = secondary.empty() ? 0 : wanted - primary_classes;
    std::vector<std::string> positions(static_cast<std::size_t>(primary_classes), "Primary teacher");
    for (std::int64_t i = 0; i < specialists_wanted; ++i) {
        positions.push_back(secondary[static_cast<std::size_t>(i) % secondary.size()]->name + " teacher");
    }
    std::set<std::string> usernames;
    auto ids = create_teachers(tx, dice, positions, usernames, now);
    std::span<const std::int64_t> primary(ids.data(), static_cast<std::size_t>(primary_classes));
    std::map<std::string, std::vector<std::int64_t>> specialists;
    for (std::int64_t i = 0; i < specialists_wanted; ++i) {
        specialists[secondary[static_cast<std::size_t>(i) % secondary.size()]->code].push_back(
            ids[static_cast<std::size_t>(primary_classes + i)]);
    }
    assign_teachers(classes, subject_rows, primary, specialists);
    return static_cast<std::int64_t>(ids.size());
}

void create_courses(db::Connection& tx, std::int64_t year_id, std::vector<ClassPlan>& classes, TimePoint now)
{
    for (auto& c : classes) {
        courses::CourseInput input{year_id,    c.grade_level, c.section,   std::to_string(c.grade_level) + c.section,
                                   c.homeroom, c.capacity,    std::nullopt};
        auto id = courses::repo::insert(tx, input, now);
        if (!id) {
            throw Failure("demo school: class " + *input.name + " exists");
        }
        c.course_id = *id;
        courses::repo::replace_subjects(tx, c.course_id, c.subjects);
    }
}

// Every seat of the plan in a random order, as grade levels; families take them a few at a time.
std::vector<std::int64_t> shuffled_seats(Dice& dice, const std::vector<GradePlan>& grades)
{
    std::vector<std::int64_t> seats;
    for (const auto& g : grades) {
        seats.insert(seats.end(), static_cast<std::size_t>(g.students), g.grade_level);
    }
    for (std::size_t i = seats.size(); i > 1; --i) {
        std::swap(seats[i - 1], seats[dice.below(i)]);
    }
    return seats;
}

// One, two or three children at the school.
std::size_t family_size(Dice& dice)
{
    auto roll = dice.below(100);
    return roll < 55 ? 1 : roll < 88 ? 2 : 3;
}

class StudentWriter {
public:
    StudentWriter(db::Database& db, db::Connection& tx, const Clock& clock, const DemoSchoolOptions& options,
                  std::vector<GradePlan>& grades, std::vector<ClassPlan>& classes, DemoSchoolSummary& summary)
        : tx_(tx),
          clock_(clock),
          students_(db, clock, options.student_code_pattern),
          enrollments_(db, clock),
          options_(options),
          grades_(grades),
          classes_(classes),
          summary_(summary)
    {
    }

    void save_family(std::vector<DemoChild>& children, Date year_start)
    {
        std::vector<students::GuardianInput> links;
        for (auto& child : children) {
            if (!links.empty()) {
                child.input.primary_guardian = links[0];
                child.input.secondary_guardian =
                    links.size() > 1 ? std::optional(links[1]) : std::optional<students::GuardianInput>();
            }
            auto id = save_student(child, year_start);
            if (links.empty()) {
                links = students::repo::guardian_links_of(tx_, id);
                summary_.guardians += static_cast<std::int64_t>(links.size());
            }
        }
        ++summary_.families;
    }

private:
    std::int64_t save_student(DemoChild& child, Date year_start)
    {
        students_.fill_defaults(child.input, nullptr);
        auto valid = students_.validate(child.input, nullptr);
        if (!valid) {
            throw Failure("demo school: a student breaks a rule:" + broken_rules(valid.error()));
        }
        auto id = students_.create_in(tx_, *valid);
        if (!id) {
            throw Failure("demo school: a student was refused:" + broken_rules(id.error()));
        }
        if (child.scholarship) {
            FieldErrors errors;
            students::check_scholarship(errors, "scholarship", *child.scholarship);
            if (!errors.empty()) {
                throw Failure("demo school: a scholarship breaks a rule:" + broken_rules(errors.to_error()));
            }
            (void)students::repo::insert_scholarship(tx_, *id, *child.scholarship, clock_.now());
            ++summary_.scholarships;
        }
        enrollments::EnrollmentInput enrollment;
        enrollment.student_id = *id;
        auto& seat = class_for(child.grade_level);
        enrollment.course_id = seat.course_id;
        enrollment.enrollment_date = year_start;
        if (auto enrolled = enrollments_.enroll_in(tx_, enrollment); !enrolled) {
            throw Failure("demo school: an enrollment was refused:" + broken_rules(enrolled.error()));
        }
        seat.students.push_back(*id);
        ++summary_.students;
        if (options_.progress && (summary_.students % kProgressEvery == 0 || summary_.students == options_.students)) {
            options_.progress(summary_.students, options_.students);
        }
        return *id;
    }

    // The grade's classes in turn, so they fill evenly.
    ClassPlan& class_for(std::int64_t grade_level)
    {
        auto grade = std::find_if(grades_.begin(), grades_.end(),
                                  [&](const GradePlan& g) { return g.grade_level == grade_level; });
        auto index = grade->classes[static_cast<std::size_t>(grade->seated++) % grade->classes.size()];
        return classes_[index];
    }

    db::Connection& tx_;
    const Clock& clock_;
    students::StudentService students_;
    enrollments::EnrollmentService enrollments_;
    const DemoSchoolOptions& options_;
    std::vector<GradePlan>& grades_;
    std::vector<ClassPlan>& classes_;
    DemoSchoolSummary& summary_;
};

std::vector<std::int64_t> grade_levels_of(const DemoSchoolOptions& options)
{
    std::vector<std::int64_t> out;
    for (auto g : options.grade_levels) {
        if (g >= subjects::kMinGradeLevel && g <= subjects::kMaxGradeLevel) {
            out.push_back(g);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.empty()) {
        for (auto g = subjects::kMinGradeLevel; g <= subjects::kMaxGradeLevel; ++g) {
            out.push_back(g);
        }
    }
    return out;
}

// The classes as their registers and gradebooks see them.
std::vector<ClassRoll> rolls_of(const std::vector<ClassPlan>& classes)
{
    std::vector<ClassRoll> out;
    for (const auto& c : classes) {
        ClassRoll roll{c.course_id, c.homeroom, {}, c.students};
        for (std::size_t i = 0; i < c.subjects.size(); ++i) {
            roll.subjects.push_back({c.subjects[i].subject_id, c.subjects[i].teacher_id, c.max_scores[i]});
        }
        out.push_back(std::move(roll));
    }
    return out;
}

}  // namespace

DemoSchoolSummary create_demo_school(db::Database& db, const Clock& clock, const DemoSchoolOptions& options)
{
    DemoSchoolSummary summary;
    auto tx = db.write();
    if (school_years::repo::list(*tx, {.order_by = "school_year_id", .limit = 1}).total > 0) {
        return summary;
    }
    auto now = clock.now();
    Dice dice(options.seed);
    auto grade_levels = grade_levels_of(options);
    auto plan = year_around(to_date(now));
    auto year_id = create_year(*tx, plan, now);
    // The letterhead of every document the demo prints.
    settings::SchoolSettings school{.name = "Preah Sisowath High School",
                                    .name_kh = "វិទ្យាល័យព្រះស៊ីសុវត្ថិ",
                                    .address = "Street 130, Daun Penh, Phnom Penh",
                                    .address_kh = "ផ្លូវ១៣០ ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ",
                                    .phone = "023 722 177",
                                    .principal = "Chea Sophal",
                                    .principal_kh = "ជា សុផល"};
    settings::save_school(*tx, std::move(school), std::nullopt, std::nullopt, now).value();
    summary.school_year = plan.name;
    summary.semesters = 2;

    auto subject_rows = create_subjects(*tx, grade_levels, now);
    summary.subjects = static_cast<std::int64_t>(subject_rows.size());
    std::vector<ClassPlan> classes;
    auto grades = plan_classes(grade_levels, options.students, classes);
    summary.teachers = staff_classes(*tx, dice, classes, subject_rows, options.students, now);
    if (auto teacher = demo_teacher(*tx, options.teacher_username)) {
        give_classes_to(*teacher, classes);
    }
    create_courses(*tx, year_id, classes, now);
    summary.courses = static_cast<std::int64_t>(classes.size());

    StudentWriter writer(db, *tx, clock, options, grades, classes, summary);
    auto seats = shuffled_seats(dice, grades);
    for (std::size_t next = 0; next < seats.size();) {
        auto count = std::min(family_size(dice), seats.size() - next);
        std::span<const std::int64_t> family_grades(seats.data() + next, count);
        auto children = make_family(dice, family_grades, plan.start, plan.end);
        writer.save_family(children, plan.start);
        next += count;
    }
    auto term =
        create_demo_results(*tx, rolls_of(classes), school_years::repo::semesters_of(*tx, year_id), now, options.seed);
    summary.grades = term.grades;
    summary.attendance = term.attendance;
    tx.commit();
    summary.created = true;
    return summary;
}

std::string describe(const DemoSchoolSummary& s)
{
    if (!s.created) {
        return "not created: the database already has a school year";
    }
    auto n = [](std::int64_t v, std::string_view one, std::string_view many) {
        return std::to_string(v) + " " + std::string(v == 1 ? one : many);
    };
    return s.school_year + " (current): " + n(s.semesters, "semester", "semesters") + ", " +
           n(s.subjects, "subject", "subjects") + ", " + n(s.courses, "class", "classes") + ", " +
           n(s.teachers, "teacher", "teachers") + ", " + n(s.students, "student", "students") + " (" +
           n(s.families, "family", "families") + ", " + n(s.guardians, "guardian", "guardians") + "), " +
           n(s.scholarships, "scholarship", "scholarships") + ", " + n(s.grades, "grade", "grades") + ", " +
           n(s.attendance, "attendance mark", "attendance marks");
}

}  // namespace sala::demo
