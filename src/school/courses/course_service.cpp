// See course_service.hpp.
#include "school/courses/course_service.hpp"

#include "auth/permissions.hpp"
#include "core/validation.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/subjects/subject_repository.hpp"
#include "school/users/user.hpp"

#include <algorithm>
#include <set>

namespace sala::courses {
namespace {

constexpr std::size_t kMaxSectionLength = 10;
constexpr std::size_t kMaxNameLength = 50;
constexpr std::size_t kMaxTrackLength = 30;

// Trims and checks every field; sections are upper-cased ("7a" is "7A") and a missing name is
// derived from grade level and section.
FieldErrors check_input(CourseInput& input)
{
    FieldErrors errors;
    if (input.grade_level < subjects::kMinGradeLevel || input.grade_level > subjects::kMaxGradeLevel) {
        errors.add("gradeLevel", "OUT_OF_RANGE",
                   {{"min", std::to_string(subjects::kMinGradeLevel)}, {"max", std::to_string(subjects::kMaxGradeLevel)}});
    }
    require_text(errors, "section", input.section, kMaxSectionLength);
    for (auto& c : input.section) {
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    optional_text(errors, "name", input.name, kMaxNameLength);
    if (!input.name) {
        input.name = std::to_string(input.grade_level) + input.section;
    }
    if (input.capacity < 1 || input.capacity > kMaxCapacity) {
        errors.add("capacity", "OUT_OF_RANGE", {{"min", "1"}, {"max", std::to_string(kMaxCapacity)}});
    }
    optional_text(errors, "track", input.track, kMaxTrackLength);
    return errors;
}

bool can_teach(const StaffMember& m)
{
    return (m.role == users::kRoleTeacher || m.role == users::kRoleAdmin) && m.status == users::kStatusActive;
}

// Unknown → NOT_FOUND; not an active teacher or admin → NOT_A_TEACHER.
void check_teacher(FieldErrors& errors, const std::string& field, std::int64_t user_id,
                   const std::map<std::int64_t, StaffMember>& staff)
{
    auto it = staff.find(user_id);
    if (it == staff.end()) {
        errors.add(field, "NOT_FOUND");
    } else if (!can_teach(it->second)) {
        errors.add(field, "NOT_A_TEACHER");
    }
}

// The checks that read other tables: the school year exists, the homeroom teacher (when it is
// being set) can teach.
void check_references(db::Connection& c, const CourseInput& input, std::optional<std::int64_t> current_teacher,
                      FieldErrors& errors)
{
    if (!school_years::repo::find_by_id(c, input.school_year_id)) {
        errors.add("schoolYearId", "NOT_FOUND");
    }
    if (input.homeroom_teacher_id && input.homeroom_teacher_id != current_teacher) {
        std::int64_t id = *input.homeroom_teacher_id;
        check_teacher(errors, "homeroomTeacherId", id, repo::find_staff(c, std::span(&id, 1)));
    }
}

Error section_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.course_section_taken");
    e.details.push_back(field_error("section", "ALREADY_EXISTS"));
    return e;
}

Error below_enrolled(std::int64_t enrolled)
{
    Error e = make_error(ErrorCode::conflict, "error.capacity_below_enrolled");
    e.details.push_back(field_error("capacity", "BELOW_ENROLLED", {{"enrolled", std::to_string(enrolled)}}));
    return e;
}

// A teacher without school:manage may change only the name, capacity and track of a course they teach.
std::optional<Error> refuse_teacher(db::Connection& c, const Course& current, const CourseInput& input,
                                    const Principal& who)
{
    if (who.can(auth::permission::school_manage)) {
        return std::nullopt;
    }
    if (!teaches_course(c, who.user_id, current.course_id)) {
        return make_error(ErrorCode::forbidden, "error.course_not_taught");
    }
    if (input.school_year_id != current.school_year_id || input.grade_level != current.grade_level ||
        input.section != current.section || input.homeroom_teacher_id != current.homeroom_teacher_id) {
        return make_error(ErrorCode::forbidden, "error.course_field_admin_only");
    }
    return std::nullopt;
}

// The state a replacement may not break: places for the active enrollments, the enrolled staying
// in their school year, the subjects taken being taught at the grade level.
std::optional<Error> check_state(db::Connection& c, const Course& current, const CourseInput& input)
{
    if (input.capacity < current.active_enrollments) {
        return below_enrolled(current.active_enrollments);
    }
    if (input.school_year_id != current.school_year_id && repo::count_enrollments(c, current.course_id) > 0) {
        Error e = make_error(ErrorCode::conflict, "error.course_in_use");
        e.details.push_back(field_error("schoolYearId", "HAS_ENROLLMENTS"));
        return e;
    }
    if (input.grade_level != current.grade_level) {
        Error e = make_error(ErrorCode::conflict, "error.course_grade_excluded");
        for (const auto& s : repo::subjects_of(c, current.course_id)) {
            if (std::find(s.grade_levels.begin(), s.grade_levels.end(), input.grade_level) == s.grade_levels.end()) {
                e.details.push_back(field_error("gradeLevel", "GRADE_LEVEL_EXCLUDED",
                                                {{"subject", s.code}, {"gradeLevel", std::to_string(input.grade_level)}}));
            }
        }
        if (!e.details.empty()) {
            return e;
        }
    }
    return std::nullopt;
}

}  // namespace

CourseService::CourseService(db::Database& db, const Clock& clock, std::vector<std::int64_t> default_grade_levels)
    : db_(db), clock_(clock), default_grade_levels_(std::move(default_grade_levels))
{
    std::sort(default_grade_levels_.begin(), default_grade_levels_.end());
    default_grade_levels_.erase(std::unique(default_grade_levels_.begin(), default_grade_levels_.end()),
                                default_grade_levels_.end());
}

Result<Course> CourseService::get(std::int64_t course_id)
{
    auto lease = db_.read();
    auto course = repo::find_by_id(*lease, course_id);
    if (!course) {
        return make_error(ErrorCode::not_found);
    }
    return *course;
}

CoursePage CourseService::list(const CourseFilter& filter)
{
    auto lease = db_.read();
    return repo::list(*lease, filter);
}

std::vector<std::int64_t> CourseService::grade_levels_in_use()
{
    auto lease = db_.read();
    auto levels = repo::grade_levels_of_current_year(*lease);
    return levels.empty() ? default_grade_levels_ : levels;
}

Result<Course> CourseService::create(CourseInput input)
{
    auto errors = check_input(input);
    auto tx = db_.write();
    check_references(*tx, input, std::nullopt, errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (repo::section_taken(*tx, input.school_year_id, input.grade_level, input.section, 0)) {
        return section_taken();
    }
    auto id = repo::insert(*tx, input, clock_.now());
    if (!id) {
        return section_taken();
    }
    auto course = repo::find_by_id(*tx, *id);
    tx.commit();
    return *course;
}

Result<Course> CourseService::update(std::int64_t course_id, CourseInput input,
                                     std::optional<std::int64_t> required_version, const Principal& who)
{
    auto errors = check_input(input);
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, course_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (auto refused = refuse_teacher(*tx, *current, input, who)) {
        return *refused;
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    check_references(*tx, input, current->homeroom_teacher_id, errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (repo::section_taken(*tx, input.school_year_id, input.grade_level, input.section, course_id)) {
        return section_taken();
    }
    if (auto broken = check_state(*tx, *current, input)) {
        return *broken;
    }
    switch (repo::update(*tx, course_id, input, required_version, clock_.now())) {
    case repo::Updated::done: break;
    case repo::Updated::stale: return make_error(ErrorCode::precondition_failed);
    case repo::Updated::duplicate: return section_taken();
    case repo::Updated::over_capacity: return below_enrolled(current->active_enrollments);
    }
    auto course = repo::find_by_id(*tx, course_id);
    tx.commit();
    return *course;
}

Result<void> CourseService::remove(std::int64_t course_id, std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto current = repo::find_by_id(*tx, course_id);
    if (!current) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != current->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (repo::count_enrollments(*tx, course_id) > 0) {
        return make_error(ErrorCode::conflict, "error.course_in_use");
    }
    try {
        if (!repo::remove(*tx, course_id, required_version)) {
            return make_error(ErrorCode::precondition_failed);
        }
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbError::Kind::foreign_key) {
            // Grades or attendance recorded in it (their enrollments since deleted) keep it.
            return make_error(ErrorCode::conflict, "error.course_has_records");
        }
        throw;
    }
    tx.commit();
    return {};
}

Result<CourseSubjects> CourseService::subjects(std::int64_t course_id)
{
    auto lease = db_.read();
    auto course = repo::find_by_id(*lease, course_id);
    if (!course) {
        return make_error(ErrorCode::not_found);
    }
    return CourseSubjects{course->row_version, repo::subjects_of(*lease, course_id)};
}

Result<CourseSubjects> CourseService::assign_subjects(std::int64_t course_id, std::vector<SubjectAssignment> rows,
                                                      std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto course = repo::find_by_id(*tx, course_id);
    if (!course) {
        return make_error(ErrorCode::not_found);
    }
    if (required_version && *required_version != course->row_version) {
        return make_error(ErrorCode::precondition_failed);
    }
    std::vector<std::int64_t> subject_ids;
    std::vector<std::int64_t> teacher_ids;
    for (const auto& r : rows) {
        subject_ids.push_back(r.subject_id);
        if (r.teacher_id) {
            teacher_ids.push_back(*r.teacher_id);
        }
    }
    auto subjects = subjects::repo::find_many(*tx, subject_ids);
    auto staff = repo::find_staff(*tx, teacher_ids);
    FieldErrors errors;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        auto row = "subjects[" + std::to_string(i) + "]";
        auto subject = subjects.find(r.subject_id);
        if (!seen.insert(r.subject_id).second) {
            errors.add(row + ".subjectId", "DUPLICATE");
        } else if (subject == subjects.end()) {
            errors.add(row + ".subjectId", "NOT_FOUND");
        } else if (!subject->second.taught_at(course->grade_level)) {
            errors.add(row + ".subjectId", "GRADE_LEVEL_EXCLUDED",
                       {{"subject", subject->second.code}, {"gradeLevel", std::to_string(course->grade_level)}});
        }
        if (r.teacher_id) {
            check_teacher(errors, row + ".teacherId", *r.teacher_id, staff);
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    repo::replace_subjects(*tx, course_id, rows);
    if (!repo::touch(*tx, course_id, required_version, clock_.now())) {
        return make_error(ErrorCode::precondition_failed);
    }
    auto touched = repo::find_by_id(*tx, course_id);
    CourseSubjects out{touched->row_version, repo::subjects_of(*tx, course_id)};
    tx.commit();
    return out;
}

}  // namespace sala::courses
