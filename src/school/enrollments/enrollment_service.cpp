// See enrollment_service.hpp.
#include "school/enrollments/enrollment_service.hpp"

#include "core/validation.hpp"
#include "school/courses/course_access.hpp"
#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"
#include "school/school_years/school_year_repository.hpp"
#include "school/students/student_repository.hpp"

#include <algorithm>

namespace sala::enrollments {
namespace {

Error not_found()
{
    return make_error(ErrorCode::not_found);
}

// Teachers (and the keys they created) change only the enrollments of courses they teach.
bool may_change(db::Connection& c, const Principal* writer, std::int64_t course_id)
{
    return writer == nullptr || writer->role == "admin" || courses::teaches_course(c, writer->user_id, course_id);
}

Error forbidden_course()
{
    return make_error(ErrorCode::forbidden, "error.not_your_course");
}

}  // namespace

Result<Enrollment> EnrollmentService::get(std::int64_t enrollment_id)
{
    auto lease = db_.read();
    auto found = repo::find(*lease, enrollment_id);
    if (!found) {
        return not_found();
    }
    return std::move(*found);
}

EnrollmentPage EnrollmentService::list(const EnrollmentFilter& filter)
{
    auto lease = db_.read();
    return repo::list(*lease, filter);
}

Result<std::int64_t> EnrollmentService::save(db::Connection& tx, const Enrollment* existing,
                                             const EnrollmentInput& in, std::optional<std::int64_t> required_version,
                                             const Principal* writer)
{
    FieldErrors errors;
    check_one_of(errors, "status", in.status, {"active", "dropped", "transferred", "completed"});
    bool dropped = in.status == "dropped" || in.status == "transferred";
    auto reason = in.drop_reason;
    optional_text(errors, "dropReason", reason, 500);
    if (!dropped && in.drop_semester_id) {
        errors.add("dropSemesterId", "NOT_ALLOWED");
    }
    if (!dropped && reason) {
        errors.add("dropReason", "NOT_ALLOWED");
    }
    if (existing && in.student_id != 0 && in.student_id != existing->student_id) {
        errors.add("studentId", "INVALID_VALUE", {{"allowed", std::to_string(existing->student_id)}});
    }
    auto student_id = existing ? existing->student_id : in.student_id;
    auto student = students::repo::find(tx, student_id);
    if (!student && !existing) {
        errors.add("studentId", "NOT_FOUND");
    }
    auto course = courses::repo::find_by_id(tx, in.course_id);
    if (!course) {
        errors.add("courseId", "NOT_FOUND");
    }
    auto date = in.enrollment_date.value_or(to_date(clock_.now()));
    if (course) {
        // Enrolled at the latest on the year's last day, at the earliest a year before it starts.
        auto earliest = course->school_year.start_date - std::chrono::days(365);
        if (date > course->school_year.end_date || date < earliest) {
            errors.add("enrollmentDate", "OUT_OF_RANGE",
                       {{"min", format_date(earliest)}, {"max", format_date(course->school_year.end_date)}});
        }
        if (in.drop_semester_id) {
            auto semester = school_years::repo::find_semester(tx, *in.drop_semester_id);
            if (!semester || semester->school_year_id != course->school_year_id) {
                errors.add("dropSemesterId", "NOT_FOUND");
            }
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (!may_change(tx, writer, course->course_id) || (existing && !may_change(tx, writer, existing->course_id))) {
        return forbidden_course();
    }
    bool was_active = existing && existing->status == "active";
    bool now_active = in.status == "active";
    if (now_active) {
        if (student->info.status != "active") {
            return make_error(ErrorCode::conflict, "error.student_not_active");
        }
        if (repo::active_in_year(tx, student_id, course->school_year_id, existing ? existing->enrollment_id : 0)) {
            return make_error(ErrorCode::conflict, "error.already_enrolled");
        }
    }
    bool same_seat = was_active && now_active && existing->course_id == course->course_id;
    if (was_active && !same_seat) {
        repo::release_seat(tx, existing->course_id);
    }
    if (now_active && !same_seat && !repo::take_seat(tx, course->course_id)) {
        return make_error(ErrorCode::conflict, "error.course_full", {{"capacity", std::to_string(course->capacity)}});
    }
    repo::Row row{student_id, course->course_id, course->school_year_id, date, in.status, in.drop_semester_id, reason};
    auto now = clock_.now();
    std::int64_t id = existing ? existing->enrollment_id : 0;
    try {
        if (existing) {
            if (!repo::update(tx, id, row, required_version, now)) {
                return make_error(ErrorCode::precondition_failed);
            }
        } else {
            id = repo::insert(tx, row, now);
        }
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return make_error(ErrorCode::conflict, "error.already_enrolled");  // a concurrent enrollment won
        }
        throw;
    }
    repo::touch_student(tx, student_id, now);
    return id;
}

Result<std::int64_t> EnrollmentService::enroll_in(db::Connection& tx, const EnrollmentInput& input)
{
    return save(tx, nullptr, input, std::nullopt, nullptr);
}

Result<Enrollment> EnrollmentService::create(const EnrollmentInput& input, const Principal& writer)
{
    auto tx = db_.write();
    auto id = save(*tx, nullptr, input, std::nullopt, &writer);
    if (!id) {
        return id.error();
    }
    auto created = repo::find(*tx, *id);
    tx.commit();
    return std::move(*created);
}

Result<Enrollment> EnrollmentService::update(std::int64_t enrollment_id, const EnrollmentInput& input,
                                             std::optional<std::int64_t> required_version, const Principal& writer)
{
    auto tx = db_.write();
    auto existing = repo::find(*tx, enrollment_id);
    if (!existing) {
        return not_found();
    }
    auto saved = save(*tx, &*existing, input, required_version, &writer);
    if (!saved) {
        return saved.error();
    }
    auto updated = repo::find(*tx, enrollment_id);
    tx.commit();
    return std::move(*updated);
}

Result<void> EnrollmentService::remove(std::int64_t enrollment_id, std::optional<std::int64_t> required_version,
                                       const Principal& writer)
{
    auto tx = db_.write();
    auto existing = repo::find(*tx, enrollment_id);
    if (!existing) {
        return not_found();
    }
    if (!may_change(*tx, &writer, existing->course_id)) {
        return forbidden_course();
    }
    if (!repo::remove(*tx, enrollment_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    if (existing->status == "active") {
        repo::release_seat(*tx, existing->course_id);
    }
    repo::touch_student(*tx, existing->student_id, clock_.now());
    tx.commit();
    return {};
}

}  // namespace sala::enrollments
