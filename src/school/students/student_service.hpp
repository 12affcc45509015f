// Student rules over the database: registration in one transaction (code, guardians, family,
// search words), replacement and partial change with If-Match, deletion only while nothing else
// records the student, scholarships and shared guardians, and who may see the sensitive fields.
// Blocking (SQL): run on a worker pool.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "school/students/student.hpp"

#include <functional>
#include <set>

namespace sala::students {

inline constexpr std::string_view kDefaultCodePattern = "STU-{year}-{seq:4}";

// Whose sensitive fields (medical, blood type, family income, poverty card) a reader sees: every
// student's (admins) or those of the students enrolled in a course they teach.
struct Visibility {
    bool all = false;
    std::set<std::int64_t> students;
    [[nodiscard]] bool sees(std::int64_t student_id) const { return all || students.contains(student_id); }
};

struct StudentView {
    StudentRecord record;
    Visibility visibility;
};

struct StudentListView {
    StudentPage page;
    Visibility visibility;
};

class StudentService {
public:
    StudentService(db::Database& db, const Clock& clock, std::string code_pattern)
        : db_(db), clock_(clock), code_pattern_(std::move(code_pattern))
    {
    }

    [[nodiscard]] Result<StudentView> get(std::int64_t student_id, const Principal& reader);
    [[nodiscard]] StudentListView list(const StudentFilter& filter, const Principal& reader);
    // The code the next registration will get (nothing is consumed).
    [[nodiscard]] std::string next_code();

    // Status and enrollment date left out of an input: the stored record's (PUT, import of an
    // existing code), else active and today.
    void fill_defaults(StudentInput& input, const Student* stored) const;
    // Trims and checks every field of a filled-in input; all problems in one validation error.
    [[nodiscard]] Result<StudentInput> validate(StudentInput input, const Student* stored) const;

    // The writes answer with the record as the writer may read it.
    [[nodiscard]] Result<StudentView> create(StudentInput input, const Principal& writer);
    // PUT: the same shape as create; the record is replaced (a code left out stays).
    [[nodiscard]] Result<StudentView> replace(std::int64_t student_id, StudentInput input,
                                              std::optional<std::int64_t> required_version, const Principal& writer);
    // PATCH: `change` edits a copy of the stored fields, which are then checked as a whole.
    [[nodiscard]] Result<StudentView> patch(std::int64_t student_id, const std::function<void(StudentInfo&)>& change,
                                            std::optional<std::int64_t> required_version, const Principal& writer);
    // Refused (409) while grades or attendance reference the student. Gives the photo's file id, if
    // the student had one, for the files it no longer keeps to be released.
    [[nodiscard]] Result<std::optional<std::int64_t>> remove(std::int64_t student_id,
                                                              std::optional<std::int64_t> required_version);

    // The same, inside a caller's transaction (the CSV import writes many students in one);
    // `valid` comes from validate().
    [[nodiscard]] Result<std::int64_t> create_in(db::Connection& tx, const StudentInput& valid);
    [[nodiscard]] Result<void> replace_in(db::Connection& tx, std::int64_t student_id, const StudentInput& valid,
                                          std::optional<std::int64_t> required_version);
    // replace_in for one of many replacements in a transaction (the import): the guardians it
    // unlinks stay, since a later row may link them again, until the caller removes the ones left
    // unlinked (repo::delete_orphan_guardians) once at the end.
    [[nodiscard]] Result<void> replace_in_batch(db::Connection& tx, std::int64_t student_id, const StudentInput& valid);

    [[nodiscard]] Result<Scholarship> add_scholarship(std::int64_t student_id, Scholarship s);
    [[nodiscard]] Result<Scholarship> update_scholarship(std::int64_t student_id, Scholarship s);
    [[nodiscard]] Result<void> remove_scholarship(std::int64_t student_id, std::int64_t scholarship_id);

    [[nodiscard]] Result<GuardianRecord> guardian(std::int64_t guardian_id);
    [[nodiscard]] GuardianPage guardians(const std::optional<std::string>& q, std::int64_t page, std::int64_t limit);
    // Changes the person (every linked student shows the change, so their versions move too).
    [[nodiscard]] Result<GuardianRecord> update_guardian(Guardian g, std::optional<std::int64_t> required_version);

private:
    [[nodiscard]] Date today() const;
    [[nodiscard]] std::string generate_code(db::Connection& tx);
    [[nodiscard]] Result<void> replace_keeping_guardians(db::Connection& tx, std::int64_t student_id,
                                                         const StudentInput& valid,
                                                         std::optional<std::int64_t> required_version);
    [[nodiscard]] Result<void> save_related(db::Connection& tx, std::int64_t student_id, const StudentInput& valid);
    [[nodiscard]] Visibility visibility(db::Connection& c, const Principal& reader, std::span<const std::int64_t> ids);
    [[nodiscard]] StudentView view_of(db::Connection& c, std::int64_t student_id, const Principal& reader);

    db::Database& db_;
    const Clock& clock_;
    std::string code_pattern_;
};

// Guardian field checks (PUT /guardians/{id}).
void check_guardian_person(FieldErrors& errors, Guardian& g);

}  // namespace sala::students
