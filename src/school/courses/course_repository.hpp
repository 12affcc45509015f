// SQL access for courses and the subjects they take: no rules, no HTTP. Throws (DbError) only
// when the database fails. `required_version` is the row_version an If-Match demands (nullopt:
// any); a conditional write that finds the row at another version changes nothing.
#pragma once

#include "db/database.hpp"
#include "school/courses/course.hpp"

#include <map>
#include <optional>
#include <span>

namespace sala::courses::repo {

// What a conditional UPDATE did: changed the row; found it at another version (or gone); ran into
// the unique section a concurrent write took; or would leave more active enrollments than places.
enum class Updated { done, stale, duplicate, over_capacity };

// With its school year and homeroom teacher.
[[nodiscard]] std::optional<Course> find_by_id(db::Connection& c, std::int64_t course_id);
// A page of courses with their school years and homeroom teachers: two queries (count, page).
[[nodiscard]] CoursePage list(db::Connection& c, const CourseFilter& filter);
// Another course of the year with this grade level and section, if any.
[[nodiscard]] std::optional<std::int64_t> section_taken(db::Connection& c, std::int64_t school_year_id,
                                                        std::int64_t grade_level, std::string_view section,
                                                        std::int64_t except_course_id);

// `name` must be set. nullopt when the section is taken.
[[nodiscard]] std::optional<std::int64_t> insert(db::Connection& c, const CourseInput& course, TimePoint now);
[[nodiscard]] Updated update(db::Connection& c, std::int64_t course_id, const CourseInput& course,
                             std::optional<std::int64_t> required_version, TimePoint now);
// A new version of the course without changing its fields (its subjects changed).
[[nodiscard]] bool touch(db::Connection& c, std::int64_t course_id, std::optional<std::int64_t> required_version,
                         TimePoint now);
// Removes the course and the list of subjects it takes.
[[nodiscard]] bool remove(db::Connection& c, std::int64_t course_id, std::optional<std::int64_t> required_version);
[[nodiscard]] std::int64_t count_enrollments(db::Connection& c, std::int64_t course_id);

// The subjects the course takes, by code, with their teachers.
[[nodiscard]] std::vector<CourseSubject> subjects_of(db::Connection& c, std::int64_t course_id);
// Replaces the course's subjects with these.
void replace_subjects(db::Connection& c, std::int64_t course_id, std::span<const SubjectAssignment> subjects);

// The staff accounts (not deleted) among these ids, by id (one query).
[[nodiscard]] std::map<std::int64_t, StaffMember> find_staff(db::Connection& c, std::span<const std::int64_t> user_ids);
// The grade levels of the current school year's courses, ascending.
[[nodiscard]] std::vector<std::int64_t> grade_levels_of_current_year(db::Connection& c);

}  // namespace sala::courses::repo
