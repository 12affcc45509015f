// Course rules: a grade level from 1 to 12 and a section unique within the school year, a name
// derived from them when none is given ("7A"), a homeroom teacher who is an active teacher or
// admin, a capacity that never drops below the active enrollments, no deleting a course with
// enrollments; the subjects a course takes must be taught at its grade level, each by an active
// teacher or admin. Who may change what: `school:manage` anything; a teacher (`courses:write`)
// only the name, capacity and track of a course they teach. Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/courses/course.hpp"

namespace sala::courses {

class CourseService {
public:
    // `default_grade_levels`: what /classes lists while the current year has no courses.
    CourseService(db::Database& db, const Clock& clock, std::vector<std::int64_t> default_grade_levels);

    [[nodiscard]] Result<Course> get(std::int64_t course_id);
    [[nodiscard]] CoursePage list(const CourseFilter& filter);
    // The grade levels of the current school year's courses, or the configured list when it has none.
    [[nodiscard]] std::vector<std::int64_t> grade_levels_in_use();

    [[nodiscard]] Result<Course> create(CourseInput input);
    // `required_version`: the row_version If-Match demands, if any. `who` decides what may change.
    [[nodiscard]] Result<Course> update(std::int64_t course_id, CourseInput input,
                                        std::optional<std::int64_t> required_version, const Principal& who);
    [[nodiscard]] Result<void> remove(std::int64_t course_id, std::optional<std::int64_t> required_version);

    [[nodiscard]] Result<CourseSubjects> subjects(std::int64_t course_id);
    // Replaces the course's subjects in one transaction; every bad row is reported at once.
    [[nodiscard]] Result<CourseSubjects> assign_subjects(std::int64_t course_id,
                                                         std::vector<SubjectAssignment> subjects,
                                                         std::optional<std::int64_t> required_version);

private:
    db::Database& db_;
    const Clock& clock_;
    std::vector<std::int64_t> default_grade_levels_;
};

}  // namespace sala::courses
