// See results_parts.hpp.
#include "school/results/results_parts.hpp"

#include "school/courses/course_access.hpp"

#include <algorithm>

namespace sala::results::parts {
namespace {

GroupView group_view(const grading::GroupStats& g)
{
    GroupView v{g.students, g.with_average, grading::display(g.mean), g.passed, grading::display(g.pass_rate), {}};
    for (const auto& [letter, n] : g.letters) {
        v.letters.push_back({letter, n});
    }
    return v;
}

}  // namespace


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
        return ResolvedPeriod{{grading::Period::Kind::month, grading::month_number(*month), 0}, month_view(*span)};
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (semester) {
        return ResolvedPeriod{{grading::Period::Kind::semester, 0, semester->semester_id}, semester_view(*semester)};
    }
    return ResolvedPeriod{{grading::Period::Kind::year, 0, 0}, year_view(year)};
}

Result<school_years::SchoolYear> year_named(db::Connection& c, std::optional<std::int64_t> school_year_id)
{
    auto year = school_year_id ? school_years::repo::find_by_id(c, *school_year_id) : school_years::repo::find_current(c);
    if (!year) {
        FieldErrors errors;
        errors.add("schoolYearId", school_year_id ? "NOT_FOUND" : "REQUIRED");
        return errors.to_error();
    }
    return *year;
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
        out.push_back({s.subject_id, s.code, s.name, s.name_kh, s.max_score, s.coefficient});
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


}  // namespace sala::results::parts
