// What the gradebook, the report card and the learning-quality figures look like to a client:
// numbers rounded for display (two decimals), letters and ranks from the unrounded values.
#pragma once

#include "core/time.hpp"
#include "school/grades/grade.hpp"
#include "school/enrollments/summary_views.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::results {

struct LetterCount {
    std::string letter;
    std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(LetterCount, (), (letter, count))

struct GroupView {
    std::int64_t students = 0;
    std::int64_t with_average = 0;
    std::optional<double> mean;
    std::int64_t passed = 0;
    std::optional<double> pass_rate;
    std::vector<LetterCount> letters;
};
BOOST_DESCRIBE_STRUCT(GroupView, (), (students, with_average, mean, passed, pass_rate, letters))

struct StatisticsView {
    GroupView all;
    GroupView male;
    GroupView female;
};
BOOST_DESCRIBE_STRUCT(StatisticsView, (), (all, male, female))

using enrollments::CourseRef;
using enrollments::StudentRef;

struct SchoolYearRef {
    std::int64_t school_year_id = 0;
    std::string name;
    Date start_date;
    Date end_date;
};
BOOST_DESCRIBE_STRUCT(SchoolYearRef, (), (school_year_id, name, start_date, end_date))

// The period results are for: type "month" (month "2026-11"), "semester" (semesterId) or "year".
struct PeriodView {
    std::string type;
    std::optional<std::string> month;
    std::optional<std::int64_t> semester_id;
    std::string name;     // "November 2026", "Semester 1", "2026-2027"
    std::string name_kh;  // "វិច្ឆិកា 2026" …
    Date start_date;
    Date end_date;
};
BOOST_DESCRIBE_STRUCT(PeriodView, (), (type, month, semester_id, name, name_kh, start_date, end_date))

// A subject as the results show it: the short form grades show too.
using SubjectColumn = grades::SubjectSummary;

struct SubjectCell {
    std::int64_t subject_id = 0;
    std::optional<double> result;  // a percentage; null without grades in the period
    std::optional<std::string> grade;
};
BOOST_DESCRIBE_STRUCT(SubjectCell, (), (subject_id, result, grade))

// A student's standing for a period.
struct Standing {
    std::vector<SubjectCell> results;  // in the order of the subjects
    std::optional<double> average;
    std::optional<std::string> grade;
    std::optional<std::string> grade_label_en;
    std::optional<std::string> grade_label_kh;
    std::optional<bool> passed;
    std::optional<std::int64_t> rank;  // competition rank in the course; null without an average
    std::int64_t ranked = 0;           // students of the course with an average
};

struct GradebookRow {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    std::string gender;
    std::vector<SubjectCell> results;
    std::optional<double> average;
    std::optional<std::string> grade;
    std::optional<std::string> grade_label_en;
    std::optional<std::string> grade_label_kh;
    std::optional<bool> passed;
    std::optional<std::int64_t> rank;
};
BOOST_DESCRIBE_STRUCT(GradebookRow, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, gender, results,
                       average, grade, grade_label_en, grade_label_kh, passed, rank))

struct GradebookView {
    CourseRef course;
    PeriodView period;
    std::vector<SubjectColumn> subjects;
    std::vector<GradebookRow> students;  // by name
    StatisticsView statistics;
};
BOOST_DESCRIBE_STRUCT(GradebookView, (), (course, period, subjects, students, statistics))

struct AttendanceView {
    double present = 0;  // days; AM and PM marks count half
    double absent = 0;
    double late = 0;
    double excused = 0;
    double days = 0;
    std::optional<double> attendance_rate;
};
BOOST_DESCRIBE_STRUCT(AttendanceView, (), (present, absent, late, excused, days, attendance_rate))

struct ReportPeriod {
    PeriodView period;
    std::vector<SubjectCell> results;
    std::optional<double> average;
    std::optional<std::string> grade;
    std::optional<std::string> grade_label_en;
    std::optional<std::string> grade_label_kh;
    std::optional<bool> passed;
    std::optional<std::int64_t> rank;
    std::int64_t ranked = 0;
    AttendanceView attendance;
};
BOOST_DESCRIBE_STRUCT(ReportPeriod, (),
                      (period, results, average, grade, grade_label_en, grade_label_kh, passed, rank, ranked,
                       attendance))

struct ReportCardView {
    StudentRef student;
    CourseRef course;
    SchoolYearRef school_year;
    std::vector<SubjectColumn> subjects;
    std::vector<ReportPeriod> months;     // the months of the year with grades or attendance
    std::vector<ReportPeriod> semesters;  // every semester of the year
    ReportPeriod year;
};
BOOST_DESCRIBE_STRUCT(ReportCardView, (), (student, course, school_year, subjects, months, semesters, year))

struct TrendPoint {
    std::string month;
    std::string name_en;
    std::string name_kh;
    std::optional<double> mean;
    std::optional<double> pass_rate;
    std::optional<double> attendance_rate;
};
BOOST_DESCRIBE_STRUCT(TrendPoint, (), (month, name_en, name_kh, mean, pass_rate, attendance_rate))

struct Quality {
    StatisticsView statistics;
    std::optional<double> attendance_rate;
    std::vector<TrendPoint> trend;
};
BOOST_DESCRIBE_STRUCT(Quality, (), (statistics, attendance_rate, trend))

struct CourseQuality {
    CourseRef course;
    StatisticsView statistics;
    std::optional<double> attendance_rate;
    std::vector<TrendPoint> trend;
};
BOOST_DESCRIBE_STRUCT(CourseQuality, (), (course, statistics, attendance_rate, trend))

struct LearningQualityView {
    SchoolYearRef school_year;
    PeriodView period;
    Quality school;  // every course listed below together
    std::vector<CourseQuality> courses;
};
BOOST_DESCRIBE_STRUCT(LearningQualityView, (), (school_year, period, school, courses))

}  // namespace sala::results
