// See results_service.hpp.
#include "school/results/results_service.hpp"

#include "core/calendar.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"
#include "school/grading/grading_settings.hpp"
#include "school/grading/period_results.hpp"
#include "school/results/results_parts.hpp"
#include "school/results/results_repository.hpp"
#include "school/school_years/school_year_repository.hpp"

#include <algorithm>
#include <map>

namespace sala::results {

using namespace parts;
using grading::Period;

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

Result<LearningQualityView> ResultsService::learning_quality(std::optional<std::int64_t> school_year_id,
                                                             std::optional<std::int64_t> semester_id,
                                                             std::optional<std::int64_t> course_id,
                                                             const Principal& reader)
{
    auto lease = db_.read();
    auto& c = *lease;
    auto year = year_named(c, school_year_id);
    if (!year) {
        return year.error();
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
