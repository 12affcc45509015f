// See student_service.hpp.
#include "school/students/student_service.hpp"

#include "core/validation.hpp"
#include "school/courses/course_access.hpp"
#include "school/students/student_repository.hpp"
#include "school/students/student_rules.hpp"

namespace sala::students {
namespace {

Error code_taken()
{
    Error e = make_error(ErrorCode::conflict, "error.student_code_taken");
    e.details.push_back(field_error("studentCode", "ALREADY_EXISTS"));
    return e;
}

Error not_found()
{
    return make_error(ErrorCode::not_found);
}

Error stale()
{
    return make_error(ErrorCode::precondition_failed);
}

Result<void> link_guardian(db::Connection& tx, std::int64_t student_id, const GuardianInput& g, bool primary,
                           const std::string& path, TimePoint now)
{
    std::int64_t guardian_id = 0;
    if (g.guardian_id) {
        if (!repo::guardian_exists(tx, *g.guardian_id)) {
            FieldErrors errors;
            errors.add(path + ".guardianId", "NOT_FOUND");
            return errors.to_error();
        }
        guardian_id = *g.guardian_id;
    } else {
        Guardian person;
        person.first_name = g.first_name.value_or("");
        person.last_name = g.last_name.value_or("");
        person.phone = g.phone.value_or("");
        person.occupation = g.occupation;
        person.email = g.email;
        person.address = g.address;
        guardian_id = repo::insert_guardian(tx, person, now);
    }
    repo::link_guardian(tx, student_id, guardian_id, g.relation, primary);
    return {};
}

}  // namespace

void check_guardian_person(FieldErrors& errors, Guardian& g)
{
    require_text(errors, "firstName", g.first_name, 100);
    require_text(errors, "lastName", g.last_name, 100);
    require_text(errors, "phone", g.phone, 20);
    if (!g.phone.empty()) {
        check_phone(errors, "phone", g.phone);
    }
    optional_text(errors, "occupation", g.occupation, 100);
    optional_text(errors, "email", g.email, 254);
    check_email(errors, "email", g.email);
    optional_text(errors, "address", g.address, 300);
}

Date StudentService::today() const
{
    return to_date(clock_.now());
}

Visibility StudentService::visibility(db::Connection& c, const Principal& reader, std::span<const std::int64_t> ids)
{
    Visibility v;
    // Admins, and the keys they created, see every student's; teachers their own students'.
    if (reader.role == "admin") {
        v.all = true;
    } else if (reader.role == "teacher") {
        v.students = courses::students_taught(c, reader.user_id, ids);
    }
    return v;
}

StudentView StudentService::view_of(db::Connection& c, std::int64_t student_id, const Principal& reader)
{
    auto record = repo::find_record(c, student_id);
    if (!record) {
        throw Failure("student " + std::to_string(student_id) + " vanished inside its transaction");
    }
    return StudentView{std::move(*record), visibility(c, reader, std::span(&student_id, 1))};
}

Result<StudentView> StudentService::get(std::int64_t student_id, const Principal& reader)
{
    auto lease = db_.read();
    if (!repo::find(*lease, student_id)) {
        return not_found();
    }
    return view_of(*lease, student_id, reader);
}

StudentListView StudentService::list(const StudentFilter& filter, const Principal& reader)
{
    auto lease = db_.read();
    StudentListView out;
    out.page = repo::list(*lease, filter);
    std::vector<std::int64_t> ids;
    for (const auto& r : out.page.records) {
        ids.push_back(r.student.student_id);
    }
    out.visibility = visibility(*lease, reader, ids);
    return out;
}

std::string StudentService::next_code()
{
    int year = static_cast<int>(std::chrono::year_month_day(today()).year());
    auto lease = db_.read();
    auto n = repo::peek_sequence(*lease, sequence_name(code_pattern_, year));
    // Codes given by hand may already use the next numbers: those are skipped, as create does.
    for (;;) {
        auto code = expand_code(code_pattern_, year, ++n);
        if (!repo::find_by_code(*lease, code)) {
            return code;
        }
    }
}

std::string StudentService::generate_code(db::Connection& tx)
{
    int year = static_cast<int>(std::chrono::year_month_day(today()).year());
    auto name = sequence_name(code_pattern_, year);
    // The counter is one row updated in the writing transaction: concurrent registrations queue
    // on it and never draw the same number.
    for (;;) {
        auto code = expand_code(code_pattern_, year, repo::next_sequence(tx, name));
        if (!repo::find_by_code(tx, code)) {
            return code;
        }
    }
}

void StudentService::fill_defaults(StudentInput& input, const Student* stored) const
{
    input.info.status = input.status ? *input.status : stored ? stored->info.status : "active";
    input.info.enrollment_date = input.enrollment_date ? *input.enrollment_date
                                 : stored                ? stored->info.enrollment_date
                                                         : today();
}

Result<StudentInput> StudentService::validate(StudentInput input, const Student* stored) const
{
    FieldErrors errors;
    check_info(errors, "studentInfo", input.info, today(), stored ? &stored->info : nullptr);
    if (input.student_code) {
        *input.student_code = trimmed(*input.student_code);
        if (!valid_code(*input.student_code)) {
            errors.add("studentCode", "INVALID_FORMAT");
        }
    }
    check_guardian(errors, "guardianInfo.primaryGuardian", input.primary_guardian);
    if (input.secondary_guardian) {
        check_guardian(errors, "guardianInfo.secondaryGuardian", *input.secondary_guardian);
        if (input.secondary_guardian->guardian_id && input.secondary_guardian->guardian_id == input.primary_guardian.guardian_id) {
            errors.add("guardianInfo.secondaryGuardian.guardianId", "DUPLICATE");
        }
    }
    check_family(errors, "familyInfo", input.family);
    if (!errors.empty()) {
        return errors.to_error();
    }
    return input;
}

Result<void> StudentService::save_related(db::Connection& tx, std::int64_t student_id, const StudentInput& valid)
{
    auto now = clock_.now();
    if (auto linked = link_guardian(tx, student_id, valid.primary_guardian, true, "guardianInfo.primaryGuardian", now);
        !linked) {
        return linked;
    }
    if (valid.secondary_guardian) {
        if (auto linked = link_guardian(tx, student_id, *valid.secondary_guardian, false,
                                        "guardianInfo.secondaryGuardian", now);
            !linked) {
            return linked;
        }
    }
    repo::save_family(tx, student_id, valid.family);
    return {};
}

Result<std::int64_t> StudentService::create_in(db::Connection& tx, const StudentInput& valid)
{
    try {
        std::string code;
        if (valid.student_code) {
            if (repo::find_by_code(tx, *valid.student_code)) {
                return code_taken();
            }
            code = *valid.student_code;
        } else {
            code = generate_code(tx);
        }
        auto id = repo::insert(tx, code, valid.info, clock_.now());
        if (auto related = save_related(tx, id, valid); !related) {
            return related.error();
        }
        Student s;
        s.student_code = code;
        s.info = valid.info;
        repo::replace_search_tokens(tx, id, search_tokens(s));
        return id;
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return code_taken();
        }
        throw;
    }
}

Result<void> StudentService::replace_in(db::Connection& tx, std::int64_t student_id, const StudentInput& valid,
                                        std::optional<std::int64_t> required_version)
{
    auto replaced = replace_keeping_guardians(tx, student_id, valid, required_version);
    if (replaced) {
        repo::delete_orphan_guardians(tx);
    }
    return replaced;
}

Result<void> StudentService::replace_in_batch(db::Connection& tx, std::int64_t student_id, const StudentInput& valid)
{
    return replace_keeping_guardians(tx, student_id, valid, std::nullopt);
}

Result<void> StudentService::replace_keeping_guardians(db::Connection& tx, std::int64_t student_id,
                                                       const StudentInput& valid,
                                                       std::optional<std::int64_t> required_version)
{
    auto stored = repo::find(tx, student_id);
    if (!stored) {
        return not_found();
    }
    auto code = valid.student_code.value_or(stored->student_code);
    if (code != stored->student_code && repo::find_by_code(tx, code)) {
        return code_taken();
    }
    try {
        if (!repo::update(tx, student_id, code, valid.info, required_version, clock_.now())) {
            return stale();
        }
    } catch (const db::DbError& e) {
        if (e.is_unique_violation()) {
            return code_taken();
        }
        throw;
    }
    repo::unlink_guardians(tx, student_id);
    if (auto related = save_related(tx, student_id, valid); !related) {
        return related;
    }
    Student s;
    s.student_code = code;
    s.info = valid.info;
    repo::replace_search_tokens(tx, student_id, search_tokens(s));
    return {};
}

Result<StudentView> StudentService::create(StudentInput input, const Principal& writer)
{
    fill_defaults(input, nullptr);
    auto valid = validate(std::move(input), nullptr);
    if (!valid) {
        return valid.error();
    }
    auto tx = db_.write();
    auto id = create_in(*tx, *valid);
    if (!id) {
        return id.error();
    }
    auto view = view_of(*tx, *id, writer);
    tx.commit();
    return view;
}

Result<StudentView> StudentService::replace(std::int64_t student_id, StudentInput input,
                                            std::optional<std::int64_t> required_version, const Principal& writer)
{
    auto tx = db_.write();
    auto stored = repo::find(*tx, student_id);
    if (!stored) {
        return not_found();
    }
    fill_defaults(input, &*stored);
    auto valid = validate(std::move(input), &*stored);
    if (!valid) {
        return valid.error();
    }
    if (auto replaced = replace_in(*tx, student_id, *valid, required_version); !replaced) {
        return replaced.error();
    }
    auto view = view_of(*tx, student_id, writer);
    tx.commit();
    return view;
}

Result<StudentView> StudentService::patch(std::int64_t student_id, const std::function<void(StudentInfo&)>& change,
                                          std::optional<std::int64_t> required_version, const Principal& writer)
{
    auto tx = db_.write();
    auto stored = repo::find(*tx, student_id);
    if (!stored) {
        return not_found();
    }
    auto info = stored->info;
    change(info);
    FieldErrors errors;
    check_info(errors, "", info, today(), &stored->info);
    if (!errors.empty()) {
        return errors.to_error();
    }
    if (!repo::update(*tx, student_id, stored->student_code, info, required_version, clock_.now())) {
        return stale();
    }
    Student s;
    s.student_code = stored->student_code;
    s.info = info;
    repo::replace_search_tokens(*tx, student_id, search_tokens(s));
    auto view = view_of(*tx, student_id, writer);
    tx.commit();
    return view;
}

Result<std::optional<std::int64_t>> StudentService::remove(std::int64_t student_id,
                                                           std::optional<std::int64_t> required_version)
{
    auto tx = db_.write();
    auto stored = repo::find(*tx, student_id);
    if (!stored) {
        return not_found();
    }
    repo::release_seats(*tx, student_id);
    try {
        if (!repo::remove(*tx, student_id, required_version)) {
            return stale();
        }
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbError::Kind::foreign_key) {
            // Grades or attendance record the student: their history stays; the status changes.
            return make_error(ErrorCode::conflict, "error.student_has_records");
        }
        throw;
    }
    repo::delete_orphan_guardians(*tx);
    tx.commit();
    return stored->photo_file_id;
}

Result<Scholarship> StudentService::add_scholarship(std::int64_t student_id, Scholarship s)
{
    FieldErrors errors;
    check_scholarship(errors, "", s);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    auto now = clock_.now();
    if (!repo::touch(*tx, student_id, std::nullopt, now)) {
        return not_found();
    }
    s.scholarship_id = repo::insert_scholarship(*tx, student_id, s, now);
    tx.commit();
    return s;
}

Result<Scholarship> StudentService::update_scholarship(std::int64_t student_id, Scholarship s)
{
    FieldErrors errors;
    check_scholarship(errors, "", s);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    auto now = clock_.now();
    if (!repo::update_scholarship(*tx, student_id, s, now)) {
        return not_found();
    }
    (void)repo::touch(*tx, student_id, std::nullopt, now);
    tx.commit();
    return s;
}

Result<void> StudentService::remove_scholarship(std::int64_t student_id, std::int64_t scholarship_id)
{
    auto tx = db_.write();
    if (!repo::delete_scholarship(*tx, student_id, scholarship_id)) {
        return not_found();
    }
    (void)repo::touch(*tx, student_id, std::nullopt, clock_.now());
    tx.commit();
    return {};
}

Result<GuardianRecord> StudentService::guardian(std::int64_t guardian_id)
{
    auto lease = db_.read();
    auto found = repo::find_guardian(*lease, guardian_id);
    if (!found) {
        return not_found();
    }
    return std::move(*found);
}

GuardianPage StudentService::guardians(const std::optional<std::string>& q, std::int64_t page, std::int64_t limit)
{
    std::optional<std::string> text;
    if (q && !trimmed(*q).empty()) {
        text = std::string(trimmed(*q));
    }
    auto lease = db_.read();
    return repo::list_guardians(*lease, text, limit, (page - 1) * limit);
}

Result<GuardianRecord> StudentService::update_guardian(Guardian g, std::optional<std::int64_t> required_version)
{
    FieldErrors errors;
    check_guardian_person(errors, g);
    if (!errors.empty()) {
        return errors.to_error();
    }
    auto tx = db_.write();
    if (!repo::find_guardian(*tx, g.guardian_id)) {
        return not_found();
    }
    auto now = clock_.now();
    if (!repo::update_guardian(*tx, g, required_version, now)) {
        return stale();
    }
    repo::touch_many(*tx, repo::students_of_guardian(*tx, g.guardian_id), now);
    auto record = repo::find_guardian(*tx, g.guardian_id);
    tx.commit();
    return std::move(*record);
}

}  // namespace sala::students
