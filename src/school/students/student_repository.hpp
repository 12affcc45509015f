// SQL access for students and what belongs to them: no rules, no HTTP. Throws (DbError) only when
// the database fails. A page of students, with all its related data, is a fixed number of
// statements whatever its size.
#pragma once

#include "db/database.hpp"
#include "school/students/student.hpp"

#include <map>
#include <optional>
#include <span>

namespace sala::students::repo {

[[nodiscard]] std::optional<Student> find(db::Connection& c, std::int64_t student_id);
[[nodiscard]] std::optional<std::int64_t> find_by_code(db::Connection& c, std::string_view code);
[[nodiscard]] std::optional<StudentRecord> find_record(db::Connection& c, std::int64_t student_id);

// The page the filter selects (and, when asked, how many match in all), with related data.
[[nodiscard]] StudentPage list(db::Connection& c, const StudentFilter& filter);
// Records for these ids, in the order given (missing ids are left out).
[[nodiscard]] std::vector<StudentRecord> records(db::Connection& c, std::span<const std::int64_t> ids);

[[nodiscard]] std::int64_t insert(db::Connection& c, std::string_view code, const StudentInfo& info, TimePoint now);
// False when If-Match's version (if any) does not match, or the student does not exist.
[[nodiscard]] bool update(db::Connection& c, std::int64_t student_id, std::string_view code, const StudentInfo& info,
                          std::optional<std::int64_t> required_version, TimePoint now);
// Bumps the version after a change to something shown with the student; false when stale.
[[nodiscard]] bool touch(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> required_version,
                         TimePoint now);
void touch_many(db::Connection& c, std::span<const std::int64_t> student_ids, TimePoint now);
// Sets or clears the photo; false when If-Match's version (if any) does not match or the student
// does not exist.
[[nodiscard]] bool set_photo(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> file_id,
                             std::optional<std::int64_t> required_version, TimePoint now);
// False when If-Match's version (if any) does not match. Throws DbError (foreign_key) while other
// records (grades, attendance) still reference the student.
[[nodiscard]] bool remove(db::Connection& c, std::int64_t student_id, std::optional<std::int64_t> required_version);

void replace_search_tokens(db::Connection& c, std::int64_t student_id, const std::vector<std::string>& tokens);

[[nodiscard]] std::int64_t next_sequence(db::Connection& c, std::string_view name);
[[nodiscard]] std::int64_t peek_sequence(db::Connection& c, std::string_view name);

[[nodiscard]] bool guardian_exists(db::Connection& c, std::int64_t guardian_id);
[[nodiscard]] std::int64_t insert_guardian(db::Connection& c, const Guardian& g, TimePoint now);
void link_guardian(db::Connection& c, std::int64_t student_id, std::int64_t guardian_id, std::string_view relation,
                   bool primary);
void unlink_guardians(db::Connection& c, std::int64_t student_id);
void delete_orphan_guardians(db::Connection& c);
[[nodiscard]] std::vector<std::int64_t> students_of_guardian(db::Connection& c, std::int64_t guardian_id);
// The guardians linked to a student, primary first, as links (guardian id and relation) another
// student can reuse: brothers and sisters share theirs.
[[nodiscard]] std::vector<GuardianInput> guardian_links_of(db::Connection& c, std::int64_t student_id);
[[nodiscard]] std::optional<GuardianRecord> find_guardian(db::Connection& c, std::int64_t guardian_id);
// Guardians whose names or phone contain `text` (any letter case), or every guardian.
[[nodiscard]] GuardianPage list_guardians(db::Connection& c, const std::optional<std::string>& text,
                                          std::int64_t limit, std::int64_t offset);
// False when If-Match's version (if any) does not match, or the guardian does not exist.
[[nodiscard]] bool update_guardian(db::Connection& c, const Guardian& g, std::optional<std::int64_t> required_version,
                                   TimePoint now);

void save_family(db::Connection& c, std::int64_t student_id, const Family& family);

[[nodiscard]] std::int64_t insert_scholarship(db::Connection& c, std::int64_t student_id, const Scholarship& s,
                                              TimePoint now);
[[nodiscard]] bool update_scholarship(db::Connection& c, std::int64_t student_id, const Scholarship& s, TimePoint now);
[[nodiscard]] bool delete_scholarship(db::Connection& c, std::int64_t student_id, std::int64_t scholarship_id);

// Gives back the seats of a student's active enrollments (before the student is deleted).
void release_seats(db::Connection& c, std::int64_t student_id);

}  // namespace sala::students::repo
