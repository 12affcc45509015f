// Report cards: one student's for a school year, or every student's of a course at once (a class
// printed together). Each period is computed once for the whole course, so a class's cards cost
// about what one card does.
#include "school/results/results_service.hpp"

#include "school/enrollments/enrollment_repository.hpp"
#include "school/grading/grading_settings.hpp"
#include "school/results/results_parts.hpp"
#include "school/students/student_repository.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace sala::results {
namespace {

using namespace parts;
using grading::Period;

// What every card of one course in one year is made from.
struct CourseBook {
    courses::Course course;
    school_years::SchoolYear year;
    grading::GradingSettings settings;
    std::vector<school_years::Semester> semesters;
    std::vector<SubjectColumn> subjects;
    std::vector<repo::RosterEntry> roster;
    grading::CourseFacts facts;
    std::map<std::int64_t, std::vector<repo::AttendanceCount>> attendance;  // by student
};

CourseBook load_book(db::Connection& c, const courses::Course& course, const school_years::SchoolYear& year,
                     std::optional<std::int64_t> only_student)
{
    CourseBook b{course, year, grading::load_settings(c).settings, school_years::repo::semesters_of(c, year.school_year_id),
                 {}, repo::roster(c, course.course_id), {}, {}};
    auto subjects = courses::repo::subjects_of(c, course.course_id);
    b.subjects = subject_columns(subjects);
    for (auto& a : repo::course_attendance(c, course.course_id, only_student)) {
        b.attendance[a.student_id].push_back(a);
    }
    b.facts = facts_of(b.roster, subjects, b.semesters, repo::course_grades(c, course.course_id));
    return b;
}

// The cards of the roster entries at `who`, in that order.
std::vector<ReportCardView> cards_for(const CourseBook& b, const std::vector<std::size_t>& who)
{
    std::vector<ReportCardView> cards(who.size());
    for (std::size_t k = 0; k < who.size(); ++k) {
        const auto& r = b.roster[who[k]];
        cards[k].student =
            StudentRef{r.student_id, r.student_code, r.first_name, r.last_name, r.first_name_kh, r.last_name_kh, r.gender};
        cards[k].course = course_ref(b.course);
        cards[k].school_year = SchoolYearRef{b.year.school_year_id, b.year.name, b.year.start_date, b.year.end_date};
        cards[k].subjects = b.subjects;
    }
    const std::vector<repo::AttendanceCount> none;
    auto attendance_of = [&](std::int64_t student_id) -> const std::vector<repo::AttendanceCount>& {
        auto it = b.attendance.find(student_id);
        return it == b.attendance.end() ? none : it->second;
    };
    auto report = [&](const grading::PeriodResult& computed, std::size_t k, const PeriodView& view) {
        const auto& r = b.roster[who[k]];
        auto s = standing(b.settings, b.subjects, computed.students[who[k]], computed.ranked);
        auto seen = attendance_view(attendance_of(r.student_id), view.start_date, view.end_date);
        return ReportPeriod{view, std::move(s.results), s.average, s.grade, s.grade_label_en, s.grade_label_kh,
                            s.passed, s.rank, s.ranked, seen};
    };
    // Months: on a card when that student has grades or attendance in it.
    for (const auto& m : months_covered(b.year.start_date, b.year.end_date)) {
        auto span = parse_month(m.key);
        auto number = grading::month_number(m.key);
        std::set<std::int64_t> active;
        for (const auto& g : b.facts.grades) {
            if (g.month == number) {
                active.insert(g.student_id);
            }
        }
        std::vector<std::size_t> shown;
        for (std::size_t k = 0; k < who.size(); ++k) {
            auto id = b.roster[who[k]].student_id;
            const auto& marks = attendance_of(id);
            bool attended = std::any_of(marks.begin(), marks.end(),
                                        [&](const auto& a) { return a.date >= span->first && a.date <= span->last; });
            if (active.contains(id) || attended) {
                shown.push_back(k);
            }
        }
        if (shown.empty()) {
            continue;
        }
        auto view = month_view(*span);
        auto computed = grading::compute_period(b.settings, b.facts, {Period::Kind::month, number, 0});
        for (auto k : shown) {
            cards[k].months.push_back(report(computed, k, view));
        }
    }
    for (const auto& s : b.semesters) {
        auto view = semester_view(s);
        auto computed = grading::compute_period(b.settings, b.facts, {Period::Kind::semester, 0, s.semester_id});
        for (std::size_t k = 0; k < who.size(); ++k) {
            cards[k].semesters.push_back(report(computed, k, view));
        }
    }
    auto view = year_view(b.year);
    auto computed = grading::compute_period(b.settings, b.facts, {Period::Kind::year, 0, 0});
    for (std::size_t k = 0; k < who.size(); ++k) {
        cards[k].year = report(computed, k, view);
    }
    return cards;
}

}  // namespace

Result<ReportCardView> ResultsService::report_card(std::int64_t student_id, std::optional<std::int64_t> school_year_id,
                                                   const Principal& reader)
{
    auto lease = db_.read();
    auto& c = *lease;
    auto student = students::repo::find(c, student_id);
    if (!student) {
        return make_error(ErrorCode::not_found);
    }
    auto year = year_named(c, school_year_id);
    if (!year) {
        return year.error();
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
    if (!sees_course(c, reader, *course_id)) {
        return forbidden_course();
    }
    auto course = courses::repo::find_by_id(c, *course_id);
    auto book = load_book(c, *course, *year, student_id);
    // A student no longer on the roster (dropped) still gets their card: added for the computing
    // only, so they are ranked against the class as it was.
    auto on_roster = [&] {
        return std::find_if(book.roster.begin(), book.roster.end(),
                            [&](const auto& r) { return r.student_id == student_id; });
    };
    if (on_roster() == book.roster.end()) {
        const auto& i = student->info;
        book.roster.push_back({*course_id, student_id, student->student_code, i.first_name, i.last_name,
                               i.first_name_kh, i.last_name_kh, i.gender});
        book.facts.students.push_back({student_id, i.gender});
    }
    auto self = static_cast<std::size_t>(on_roster() - book.roster.begin());
    return std::move(cards_for(book, {self}).front());
}

Result<std::vector<ReportCardView>> ResultsService::course_report_cards(std::int64_t course_id,
                                                                        const Principal& reader)
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
    auto book = load_book(c, *course, *year, std::nullopt);
    std::vector<std::size_t> everyone(book.roster.size());
    for (std::size_t i = 0; i < everyone.size(); ++i) {
        everyone[i] = i;
    }
    return cards_for(book, everyone);
}

}  // namespace sala::results
