// See results_service.hpp.
#include "school/results/results_service.hpp"

#include "core/calendar.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/grading/grading_settings.hpp"
#include "school/grading/period_results.hpp"
#include "school/results/results_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/students/student_repository.hpp"

#include <algorithm>
#include <map>

namespace sala::results {
namespace {

using grading::Period;

struct ResolvedPeriod {
    Period period;
    PeriodView view;
};

PeriodView month_view(const MonthSpan& m)
{
    auto year = std::to_string(m.month.year);
    return PeriodView{"month",
                      m.month.key,
                      std::nullopt,
                      std::string(m.month.name_en) + " " + year,
                      std::string(m.month.name_kh) + " " + year,
                      m.first,
                      m.last};
}

PeriodView semester_view(const school_years::Semester& s)
{
    return PeriodView{"semester", std::nullopt, s.semester_id, s.name, s.name, s.start_date, s.end_date};
}

PeriodView year_view(const school_years::SchoolYear& y)
{
    return PeriodView{"year", std::nullopt, std::nullopt, y.name, y.name, y.start_date, y.end_date};
}

// The period a request names, checked against the school year (and semester).
Result<ResolvedPeriod> resolve_period(const school_years::SchoolYear& year,
                                      const std::vector<school_years::Semester>& semesters,
                                      std::optional<std::int64_t> semester_id, const std::optional<std::string>& month)
{
    FieldErrors errors;
    const school_years::Semester* semester = nullptr;
    if (semester_id) {
        auto it = std::find_if(semesters.begin(), semesters.end(),
                               [&](const auto& s) { return s.semester_id == *semester_id; });
        if (it == semesters.end()) {
            errors.add("semesterId", "WRONG_SCHOOL_YEAR");
        } else {
            semester = &*it;
        }
    }
    if (month) {
        auto span = parse_month(*month);
        auto from = semester ? semester->start_date : year.start_date;
        auto to = semester ? semester->end_date : year.end_date;
        if (!span || span->last < from || span->first > to) {
            errors.add("month", "OUT_OF_RANGE", {{"min", format_date(from).substr(0, 7)}, {"max", format_date(to).substr(0, 7)}});
        }
        if (!errors.empty()) {
            return errors.to_error();
        }
        return ResolvedPeriod{{Period::Kind::month, grading::month_number(*month), 0}, month_view(*span)};
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (semester) {
        return ResolvedPeriod{{Period::Kind::semester, 0, semester->semester_id}, semester_view(*semester)};
    }
    return ResolvedPeriod{{Period::Kind::year, 0, 0}, year_view(year)};
}

GroupView group_view(const grading::GroupStats& g)
{
    GroupView v{g.students, g.with_average, grading::display(g.mean), g.passed, grading::display(g.pass_rate), {}};
    for (const auto& [letter, n] : g.letters) {
        v.letters.push_back({letter, n});
    }
    return v;
}

StatisticsView statistics_view(const grading::ClassStats& s)
{
    return StatisticsView{group_view(s.all), group_view(s.male), group_view(s.female)};
}

CourseRef course_ref(const courses::Course& c)
{
    return CourseRef{c.course_id, c.name, c.grade_level, c.section, c.school_year_id};
}

std::vector<SubjectColumn> subject_columns(const std::vector<courses::CourseSubject>& subjects)
{
    std::vector<SubjectColumn> out;
    for (const auto& s : subjects) {
        out.push_back({s.subject_id, s.code, s.name, s.name_kh, s.coefficient, s.max_score});
    }
    return out;
}

grading::CourseFacts facts_of(const std::vector<repo::RosterEntry>& roster,
                              const std::vector<courses::CourseSubject>& subjects,
                              const std::vector<school_years::Semester>& semesters,
                              std::vector<grading::GradeFact> grades)
{
    grading::CourseFacts facts;
    for (const auto& r : roster) {
        facts.students.push_back({r.student_id, r.gender});
    }
    for (const auto& s : subjects) {
        facts.subjects.push_back({s.subject_id, s.coefficient});
    }
    for (const auto& s : semesters) {
        facts.semesters.push_back({s.semester_id, s.order});
    }
    facts.grades = std::move(grades);
    return facts;
}

Standing standing(const grading::GradingSettings& settings, const std::vector<SubjectColumn>& subjects,
                  const grading::StudentResult& r, std::int64_t ranked)
{
    Standing s;
    for (std::size_t j = 0; j < subjects.size(); ++j) {
        SubjectCell cell{subjects[j].subject_id, grading::display(r.subjects[j]), std::nullopt};
        if (r.subjects[j]) {
            cell.grade = grading::letter_for(settings, *r.subjects[j]).letter;
        }
        s.results.push_back(std::move(cell));
    }
    s.ranked = ranked;
    if (r.average) {
        const auto& step = grading::letter_for(settings, *r.average);
        s.average = grading::display(*r.average);
        s.grade = step.letter;
        s.grade_label_en = step.label_en;
        s.grade_label_kh = step.label_kh;
        s.passed = grading::passes(settings, *r.average);
        s.rank = r.rank;
    }
    return s;
}

// One student's marks between two days.
AttendanceView attendance_view(const std::vector<repo::AttendanceCount>& counts, Date from, Date to)
{
    grading::AttendanceCounts total;
    for (const auto& c : counts) {
        if (c.date >= from && c.date <= to) {
            total.add({c.session, c.status}, static_cast<double>(c.count));
        }
    }
    return AttendanceView{total.present, total.absent,  total.late,
                          total.excused, total.days(), grading::display(total.rate())};
}

Error forbidden_course()
{
    return make_error(ErrorCode::forbidden, "error.not_your_course");
}

bool sees_course(db::Connection& c, const Principal& reader, std::int64_t course_id)
{
    return reader.role == "admin" || courses::teaches_course(c, reader.user_id, course_id);
}

}  // namespace

Result<GradebookView> ResultsService::gradebook(std::int64_t course_id, std::optional<std::int64_t> semester_id,
                                                std::optional<std::string> month, const Principal& reader)
{
    auto lease = db_.read();
    auto& c = *lease;
    auto course = courses::repo::find_by_id(c, course_id);
    if (!course) {
        return make_error(ErrorCode::not_found);
    }
    if (!sees_course(c, reader, course_id)) {
        return forbidden_course();
    }
    auto year = school_years::repo::find_by_id(c, course->school_year_id);
    auto semesters = school_years::repo::semesters_of(c, course->school_year_id);
    auto period = resolve_period(*year, semesters, semester_id, month);
    if (!period) {
        return period.error();
    }
    auto settings = grading::load_settings(c).settings;
    auto subjects = courses::repo::subjects_of(c, course_id);
    auto roster = repo::roster(c, course_id);
    auto facts = facts_of(roster, subjects, semesters, repo::course_grades(c, course_id));
    auto computed = grading::compute_period(settings, facts, period->period);

    GradebookView out{course_ref(*course), period->view, subject_columns(subjects), {},
                      statistics_view(computed.statistics)};
    for (std::size_t i = 0; i < roster.size(); ++i) {
        const auto& r = roster[i];
        auto s = standing(settings, out.subjects, computed.students[i], computed.ranked);
        out.students.push_back(GradebookRow{r.student_id, r.student_code, r.first_name, r.last_name, r.first_name_kh,
                                            r.last_name_kh, r.gender, std::move(s.results), s.average, s.grade,
                                            s.grade_label_en, s.grade_label_kh, s.passed, s.rank});
    }
    return out;
}

Result<ReportCardView> ResultsService::report_card(std::int64_t student_id, std::optional<std::int64_t> school_year_id,
                                                   const Principal& reader)
{
    auto lease = db_.read();
    auto& c = *lease;
    auto student = students::repo::find(c, student_id);
    if (!student) {
        return make_error(ErrorCode::not_found);
    }
    auto year = school_year_id ? school_years::repo::find_by_id(c, *school_year_id) : school_years::repo::find_current(c);
    if (!year) {
        FieldErrors errors;
        errors.add("schoolYearId", school_year_id ? "NOT_FOUND" : "REQUIRED");
        return errors.to_error();
    }
    // The student's course that year: the active or completed enrollment, else the latest one.
    enrollments::EnrollmentFilter enrolled;
    enrolled.student_id = student_id;
    enrolled.school_year_id = year->school_year_id;
    enrolled.order_by = "e.enrollment_date, e.enrollment_id";
    enrolled.limit = 100;
    std::optional<std::int64_t> course_id;
    for (const auto& e : enrollments::repo::list(c, enrolled).enrollments) {
        if (!course_id || e.status == "active" || e.status == "completed") {
            course_id = e.course_id;
        }
    }
    if (!course_id) {
        return make_error(ErrorCode::not_found, "error.no_course_in_year", {{"year", year->name}});
    }
    auto course = courses::repo::find_by_id(c, *course_id);
    if (!sees_course(c, reader, *course_id)) {
        return forbidden_course();
    }
    auto settings = grading::load_settings(c).settings;
    auto semesters = school_years::repo::semesters_of(c, year->school_year_id);
    auto subjects = courses::repo::subjects_of(c, *course_id);
    auto roster = repo::roster(c, *course_id);
    auto attendance = repo::student_attendance(c, student_id, *course_id);
    // A student no longer on the roster (dropped) still gets their card: added for the computing
    // only, so they are ranked against the class as it was.
    if (std::none_of(roster.begin(), roster.end(), [&](const auto& r) { return r.student_id == student_id; })) {
        const auto& i = student->info;
        roster.push_back({*course_id, student_id, student->student_code, i.first_name, i.last_name, i.first_name_kh,
                          i.last_name_kh, i.gender});
    }
    auto self = static_cast<std::size_t>(
        std::find_if(roster.begin(), roster.end(), [&](const auto& r) { return r.student_id == student_id; }) -
        roster.begin());
    auto facts = facts_of(roster, subjects, semesters, repo::course_grades(c, *course_id));

    ReportCardView out;
    const auto& me = roster[self];
    out.student = StudentRef{student_id, me.student_code, me.first_name, me.last_name, me.first_name_kh,
                             me.last_name_kh, me.gender};
    out.course = course_ref(*course);
    out.school_year = SchoolYearRef{year->school_year_id, year->name, year->start_date, year->end_date};
    out.subjects = subject_columns(subjects);
    auto report = [&](const Period& p, PeriodView view) {
        auto computed = grading::compute_period(settings, facts, p);
        auto s = standing(settings, out.subjects, computed.students[self], computed.ranked);
        auto seen = attendance_view(attendance, view.start_date, view.end_date);
        return ReportPeriod{std::move(view), std::move(s.results), s.average, s.grade, s.grade_label_en,
                            s.grade_label_kh, s.passed, s.rank, s.ranked, seen};
    };
    for (const auto& m : months_covered(year->start_date, year->end_date)) {
        auto span = parse_month(m.key);
        auto number = grading::month_number(m.key);
        bool graded = std::any_of(facts.grades.begin(), facts.grades.end(),
                                  [&](const auto& g) { return g.student_id == student_id && g.month == number; });
        bool attended = std::any_of(attendance.begin(), attendance.end(),
                                    [&](const auto& a) { return a.date >= span->first && a.date <= span->last; });
        if (graded || attended) {
            out.months.push_back(report({Period::Kind::month, number, 0}, month_view(*span)));
        }
    }
    for (const auto& s : semesters) {
        out.semesters.push_back(report({Period::Kind::semester, 0, s.semester_id}, semester_view(s)));
    }
    out.year = report({Period::Kind::year, 0, 0}, year_view(*year));
    return out;
}

Result<LearningQualityView> ResultsService::learning_quality(std::optional<std::int64_t> school_year_id,
                                                             std::optional<std::int64_t> semester_id,
                                                             std::optional<std::int64_t> course_id,
                                                             const Principal& reader)
{
    auto lease = db_.read();
    auto& c = *lease;
    auto year = school_year_id ? school_years::repo::find_by_id(c, *school_year_id) : school_years::repo::find_current(c);
    if (!year) {
        FieldErrors errors;
        errors.add("schoolYearId", school_year_id ? "NOT_FOUND" : "REQUIRED");
        return errors.to_error();
    }
    auto semesters = school_years::repo::semesters_of(c, year->school_year_id);
    auto period = resolve_period(*year, semesters, semester_id, std::nullopt);
    if (!period) {
        return period.error();
    }
    courses::CourseFilter filter;
    filter.school_year_id = year->school_year_id;
    if (reader.role != "admin") {
        filter.teacher_id = reader.user_id;
    }
    filter.order_by = "c.grade_level, c.section, c.course_id";
    filter.limit = 100000;
    auto listed = courses::repo::list(c, filter).courses;
    if (course_id) {
        std::erase_if(listed, [&](const auto& x) { return x.course_id != *course_id; });
        if (listed.empty()) {
            FieldErrors errors;
            errors.add("courseId", "NOT_FOUND");
            return errors.to_error();
        }
    }
    auto settings = grading::load_settings(c).settings;
    auto roster = repo::year_roster(c, year->school_year_id, course_id);
    auto subjects = repo::year_subjects(c, year->school_year_id);
    auto grades = repo::year_grades(c, year->school_year_id, course_id);
    auto attendance = repo::year_attendance(c, year->school_year_id, course_id);

    std::map<std::int64_t, grading::CourseFacts> facts;
    for (const auto& r : roster) {
        facts[r.course_id].students.push_back({r.student_id, r.gender});
    }
    for (const auto& s : subjects) {
        facts[s.course_id].subjects.push_back(s.subject);
    }
    for (auto& g : grades) {
        facts[g.course_id].grades.push_back(g.fact);
    }

    auto months = months_covered(period->view.start_date, period->view.end_date);
    // Attendance counted once: per course over the period, and per course and month.
    std::map<std::int64_t, grading::AttendanceCounts> course_attendance;
    std::map<std::pair<std::int64_t, int>, grading::AttendanceCounts> monthly_attendance;
    for (const auto& a : attendance) {
        grading::AttendanceMark mark{a.session, a.status};
        auto n = static_cast<double>(a.count);
        if (a.date >= period->view.start_date && a.date <= period->view.end_date) {
            course_attendance[a.course_id].add(mark, n);
        }
        monthly_attendance[{a.course_id, grading::month_number(a.date)}].add(mark, n);
    }
    LearningQualityView out;
    out.school_year = SchoolYearRef{year->school_year_id, year->name, year->start_date, year->end_date};
    out.period = period->view;
    // Every listed course's students and marks, for the school's figures: the period's, then each month's.
    std::vector<std::string> genders;
    std::vector<std::optional<double>> school_period;
    std::vector<std::vector<std::optional<double>>> school_months(months.size());
    grading::AttendanceCounts school_attendance;
    std::vector<grading::AttendanceCounts> school_monthly_attendance(months.size());
    auto append_averages = [](std::vector<std::optional<double>>& to, const grading::PeriodResult& r) {
        for (const auto& s : r.students) {
            to.push_back(s.average);
        }
    };
    for (const auto& course : listed) {
        auto& f = facts[course.course_id];
        for (const auto& s : semesters) {
            f.semesters.push_back({s.semester_id, s.order});
        }
        auto computed = grading::compute_period(settings, f, period->period);
        const auto& attended = course_attendance[course.course_id];
        school_attendance.add(attended);
        CourseQuality q{course_ref(course), statistics_view(computed.statistics), grading::display(attended.rate()), {}};
        for (const auto& s : f.students) {
            genders.push_back(s.gender);
        }
        append_averages(school_period, computed);
        for (std::size_t k = 0; k < months.size(); ++k) {
            auto number = grading::month_number(months[k].key);
            auto month = grading::compute_period(settings, f, {Period::Kind::month, number, 0});
            append_averages(school_months[k], month);
            const auto& month_attended = monthly_attendance[{course.course_id, number}];
            school_monthly_attendance[k].add(month_attended);
            q.trend.push_back(TrendPoint{months[k].key, std::string(months[k].name_en), std::string(months[k].name_kh),
                                         grading::display(month.statistics.all.mean),
                                         grading::display(month.statistics.all.pass_rate),
                                         grading::display(month_attended.rate())});
        }
        out.courses.push_back(std::move(q));
    }
    auto school_stats = [&](const std::vector<std::optional<double>>& averages) {
        std::vector<grading::StudentAverage> students;
        for (std::size_t i = 0; i < averages.size(); ++i) {
            students.push_back({genders[i], averages[i]});
        }
        return grading::class_statistics(settings, students);
    };
    out.school.statistics = statistics_view(school_stats(school_period));
    out.school.attendance_rate = grading::display(school_attendance.rate());
    for (std::size_t k = 0; k < months.size(); ++k) {
        auto stats = school_stats(school_months[k]);
        out.school.trend.push_back(TrendPoint{months[k].key, std::string(months[k].name_en),
                                              std::string(months[k].name_kh), grading::display(stats.all.mean),
                                              grading::display(stats.all.pass_rate),
                                              grading::display(school_monthly_attendance[k].rate())});
    }
    return out;
}

}  // namespace sala::results
