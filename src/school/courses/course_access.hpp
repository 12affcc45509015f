// Who teaches what: a teacher teaches a course when they are its homeroom teacher or teach one
// of its subjects. These answers decide which teachers may record grades and attendance for a
// course and which students' sensitive fields a teacher may see.
#pragma once

#include "db/database.hpp"

#include <cstdint>
#include <set>
#include <span>

namespace sala::courses {

[[nodiscard]] bool teaches_course(db::Connection& c, std::int64_t teacher_id, std::int64_t course_id);
// Teaches this subject in this course, or is the course's homeroom teacher.
[[nodiscard]] bool teaches_subject(db::Connection& c, std::int64_t teacher_id, std::int64_t course_id,
                                   std::int64_t subject_id);
// Of `student_ids`, those with an active enrollment in a course the teacher teaches (one query).
[[nodiscard]] std::set<std::int64_t> students_taught(db::Connection& c, std::int64_t teacher_id,
                                                     std::span<const std::int64_t> student_ids);

}  // namespace sala::courses
