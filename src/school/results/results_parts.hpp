// The steps the gradebook, the report cards and the learning-quality figures share: naming and
// checking a period, turning computed results into what a reader sees, and who may see a course.
// Internal to results: the views are the public shape.
#pragma once

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/courses/course_repository.hpp"
#include "school/grading/calculations.hpp"
#include "school/grading/period_results.hpp"
#include "school/results/results_repository.hpp"
#include "school/results/results_views.hpp"
#include "school/school_years/school_year_repository.hpp"

namespace sala::results::parts {

struct ResolvedPeriod {
    grading::Period period;
    PeriodView view;
};

[[nodiscard]] PeriodView month_view(const MonthSpan& m);
[[nodiscard]] PeriodView semester_view(const school_years::Semester& s);
[[nodiscard]] PeriodView year_view(const school_years::SchoolYear& y);

// The period a request names (`month` "2026-11", else `semester_id`, else the year), checked
// against the school year and semester: 422 naming the field otherwise.
[[nodiscard]] Result<ResolvedPeriod> resolve_period(const school_years::SchoolYear& year,
                                                    const std::vector<school_years::Semester>& semesters,
                                                    std::optional<std::int64_t> semester_id,
                                                    const std::optional<std::string>& month);

// The school year a request names, or the current one; 422 on schoolYearId otherwise.
[[nodiscard]] Result<school_years::SchoolYear> year_named(db::Connection& c, std::optional<std::int64_t> school_year_id);

[[nodiscard]] StatisticsView statistics_view(const grading::ClassStats& s);
[[nodiscard]] CourseRef course_ref(const courses::Course& c);
[[nodiscard]] std::vector<SubjectColumn> subject_columns(const std::vector<courses::CourseSubject>& subjects);
[[nodiscard]] grading::CourseFacts facts_of(const std::vector<repo::RosterEntry>& roster,
                                            const std::vector<courses::CourseSubject>& subjects,
                                            const std::vector<school_years::Semester>& semesters,
                                            std::vector<grading::GradeFact> grades);
[[nodiscard]] Standing standing(const grading::GradingSettings& settings, const std::vector<SubjectColumn>& subjects,
                                const grading::StudentResult& r, std::int64_t ranked);
// One student's marks between two days (counts already of that student).
[[nodiscard]] AttendanceView attendance_view(const std::vector<repo::AttendanceCount>& counts, Date from, Date to);

[[nodiscard]] Error forbidden_course();
// Admins see every course; teachers the courses they teach.
[[nodiscard]] bool sees_course(db::Connection& c, const Principal& reader, std::int64_t course_id);

}  // namespace sala::results::parts
