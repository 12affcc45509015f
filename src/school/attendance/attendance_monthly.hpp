// A class's attendance register for a month, as one document: every day of the month, and every
// student enrolled in the class at some time in it (or marked in it) with their marks day by day
// and their totals. GET /courses/{id}/attendance/monthly answers it; the register's spreadsheet
// and printed forms are made from it.
#pragma once

#include "core/time.hpp"
#include "school/enrollments/summary_views.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::attendance {

struct MonthDayView {
    Date date;
    std::int64_t day = 0;     // 1 to 31
    std::string weekday;      // "MON" … "SUN"
    bool school_day = false;  // a weekday the attendance settings teach on
};
BOOST_DESCRIBE_STRUCT(MonthDayView, (), (date, day, weekday, school_day))

// A student's marks on one day (PRESENT, ABSENT, LATE, EXCUSED), null where there is none. A FULL
// mark stands for the whole day, never beside an AM or PM one.
struct DayMarksView {
    std::optional<std::string> am;
    std::optional<std::string> pm;
    std::optional<std::string> full;
};
BOOST_DESCRIBE_STRUCT(DayMarksView, (), (am, pm, full))

struct MonthlyStudentView {
    enrollments::StudentRef student;
    std::vector<DayMarksView> marks;  // one per day of the month, in the order of the register's days
    // The month's totals in days, as GET /attendance/summary counts them (an AM or PM mark is half).
    double present = 0;
    double absent = 0;
    double late = 0;
    double excused = 0;
    double days = 0;                        // days with a mark
    std::optional<double> attendance_rate;  // (present + late) / days × 100; none without marks
};
BOOST_DESCRIBE_STRUCT(MonthlyStudentView, (), (student, marks, present, absent, late, excused, days, attendance_rate))

struct MonthlyRegisterView {
    enrollments::CourseRef course;
    std::string month;    // "2026-09"
    std::string name;     // "September 2026"
    std::string name_kh;  // "កញ្ញា 2026"
    std::vector<MonthDayView> days;
    std::vector<MonthlyStudentView> students;  // by name
};
BOOST_DESCRIBE_STRUCT(MonthlyRegisterView, (), (course, month, name, name_kh, days, students))

}  // namespace sala::attendance
