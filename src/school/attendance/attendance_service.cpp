// See attendance_service.hpp. Single marks: read, list, record, change, delete. The register, the
// summaries, the missing registers and the settings are in attendance_register.cpp and
// attendance_reports.cpp.
#include "school/attendance/attendance_service.hpp"

#include "core/validation.hpp"
#include "school/attendance/attendance_repository.hpp"
#include "school/attendance/attendance_rules.hpp"
#include "school/courses/course_repository.hpp"
#include "school/enrollments/enrollment_repository.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace sala::attendance {
namespace {

Error not_found()
{
    return make_error(ErrorCode::not_found);
}

void check_mark(FieldErrors& errors, const AttendanceInput& in, std::optional<std::string>& reason)
{
    check_one_of(errors, "session", in.session, {"AM", "PM", "FULL"});
    check_one_of(errors, "status", in.status, {"PRESENT", "ABSENT", "LATE", "EXCUSED"});
    optional_text(errors, "reason", reason, kMaxReason);
}

}  // namespace

void AttendanceService::publish(db::Connection& tx, std::string type, const Record& r, const Principal& writer)
{
    boost::json::object data{{"studentId", r.student_id},
                             {"courseId", r.course_id},
                             {"attendanceDate", format_date(r.attendance_date)},
                             {"session", r.session},
                             {"status", r.status}};
    if (writer.api_key_id) {
        data["apiKeyId"] = *writer.api_key_id;
    }
    events_.publish(tx, events::Event{std::move(type), "attendance", std::to_string(r.attendance_id), writer.user_id,
                                      boost::json::serialize(data), clock_.now()});
}

Result<void> AttendanceService::check_placement(db::Connection& tx, const AttendanceInput& in,
                                                const courses::Course& course, std::int64_t existing_id)
{
    FieldErrors errors;
    repo::lock_students(tx, std::span(&in.student_id, 1));
    if (check_date(errors, "attendanceDate", in.attendance_date, to_date(clock_.now()), course) &&
        !enrollments::repo::enrolled_on(tx, course.course_id, in.attendance_date).contains(in.student_id)) {
        errors.add(not_enrolled("studentId", course, in.attendance_date));
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto day = repo::student_day(tx, in.student_id, in.attendance_date);
    for (const auto& m : day) {
        if (m.attendance_id != existing_id && m.course_id == course.course_id && m.session == in.session) {
            return attendance_exists();
        }
    }
    for (const auto& m : day) {
        if (m.attendance_id != existing_id && sessions_clash(m.session, in.session)) {
            return session_conflict(m.session);
        }
    }
    return {};
}

Result<Record> AttendanceService::get(std::int64_t attendance_id, const Principal& reader)
{
    auto lease = db_.read();
    auto found = repo::find(*lease, attendance_id);
    if (!found || !may_use_course(*lease, reader, found->course_id)) {
        return not_found();
    }
    return std::move(*found);
}

AttendancePage AttendanceService::list(AttendanceFilter filter, const Principal& reader)
{
    auto lease = db_.read();
    filter.teacher_id = course_limit(*lease, reader);
    return repo::list(*lease, filter);
}

Result<Record> AttendanceService::create(AttendanceInput in, const Principal& writer)
{
    FieldErrors errors;
    check_mark(errors, in, in.reason);
    auto tx = db_.write();
    auto course = courses::repo::find_by_id(*tx, in.course_id);
    if (!course) {
        errors.add("courseId", "NOT_FOUND");
    }
    if (!repo::student(*tx, in.student_id)) {
        errors.add("studentId", "NOT_FOUND");
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (!may_use_course(*tx, writer, course->course_id)) {
        return forbidden_course();
    }
    if (auto placed = check_placement(*tx, in, *course, 0); !placed) {
        return placed.error();
    }
    repo::Row row{in.student_id, in.course_id, in.attendance_date, in.session, in.status, in.reason, writer.user_id};
    std::int64_t id = 0;
    try {
        id = repo::insert(*tx, row, clock_.now());
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return attendance_exists();  // a concurrent request recorded it first
        }
        throw;
    }
    auto created = repo::find(*tx, id);
    publish(*tx, "attendance.recorded", *created, writer);
    tx.commit();
    return std::move(*created);
}

Result<Record> AttendanceService::update(AttendanceInput in, std::optional<std::int64_t> required_version,
                                         const Principal& writer)
{
    FieldErrors errors;
    check_mark(errors, in, in.reason);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    auto existing = in.attendance_id
                        ? repo::find(*tx, *in.attendance_id)
                        : repo::find_by_key(*tx, in.student_id, in.course_id, in.attendance_date, in.session);
    if (!existing) {
        return not_found();
    }
    // A mark stays with its student and course; with its id it may move to another date or session.
    if (in.student_id != existing->student_id) {
        errors.add("studentId", "INVALID_VALUE", {{"allowed", std::to_string(existing->student_id)}});
    }
    if (in.course_id != existing->course_id) {
        errors.add("courseId", "INVALID_VALUE", {{"allowed", std::to_string(existing->course_id)}});
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (!may_use_course(*tx, writer, existing->course_id)) {
        return forbidden_course();
    }
    if (in.attendance_date != existing->attendance_date || in.session != existing->session) {
        auto course = courses::repo::find_by_id(*tx, existing->course_id);
        if (auto placed = check_placement(*tx, in, *course, existing->attendance_id); !placed) {
            return placed.error();
        }
    }
    repo::Row row{in.student_id, in.course_id, in.attendance_date, in.session, in.status, in.reason, writer.user_id};
    try {
        if (!repo::update(*tx, existing->attendance_id, row, required_version, clock_.now())) {
            return make_error(ErrorCode::precondition_failed);
        }
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return attendance_exists();
        }
        throw;
    }
    auto updated = repo::find(*tx, existing->attendance_id);
    publish(*tx, "attendance.updated", *updated, writer);
    tx.commit();
    return std::move(*updated);
}

Result<std::int64_t> AttendanceService::remove(const RecordKey& key, std::optional<std::int64_t> required_version,
                                               const Principal& writer)
{
    FieldErrors errors;
    if (!key.attendance_id) {
        if (!key.student_id) {
            errors.add("studentId", "REQUIRED");
        }
        if (!key.course_id) {
            errors.add("courseId", "REQUIRED");
        }
        if (!key.attendance_date) {
            errors.add("attendanceDate", "REQUIRED");
        }
        if (!key.session) {
            errors.add("session", "REQUIRED");
        }
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    auto existing = key.attendance_id
                        ? repo::find(*tx, *key.attendance_id)
                        : repo::find_by_key(*tx, *key.student_id, *key.course_id, *key.attendance_date, *key.session);
    if (!existing) {
        return not_found();
    }
    if (!may_use_course(*tx, writer, existing->course_id)) {
        return forbidden_course();
    }
    if (!repo::remove(*tx, existing->attendance_id, required_version)) {
        return make_error(ErrorCode::precondition_failed);
    }
    publish(*tx, "attendance.deleted", *existing, writer);
    tx.commit();
    return existing->attendance_id;
}

}  // namespace sala::attendance
