// Year-end promotion: what moving a school year's students into the next one does (or would do),
// student by student.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sala::promotion {

struct PromotionRequest {
    std::int64_t from_school_year_id = 0;
    std::int64_t to_school_year_id = 0;
    std::vector<std::int64_t> repeater_ids;  // stay in their grade level
    bool dry_run = false;
};

// One student's move: from a course of the year to one of the next (graduates have no target).
struct Move {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::int64_t from_course_id = 0;
    std::string from_course;
    std::int64_t to_course_id = 0;  // 0 for graduates
    std::string to_course;
};

struct CreatedCourse {
    std::int64_t course_id = 0;          // as created (a dry run shows the id it would have had)
    std::int64_t grade_level = 0;
    std::string section;
    std::string name;
    std::int64_t template_course_id = 0;  // the previous year's course it was copied from
};

struct Problem {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string code;     // COURSE_FULL
    std::string course;   // the course concerned
};

struct PromotionPlan {
    std::int64_t from_school_year_id = 0;
    std::int64_t to_school_year_id = 0;
    bool dry_run = false;
    std::vector<Move> promoted;
    std::vector<Move> repeated;
    std::vector<Move> graduated;
    std::vector<Move> already_enrolled;  // had an active enrollment in the target year already
    std::vector<CreatedCourse> created_courses;
    std::vector<Problem> problems;
};

}  // namespace sala::promotion
