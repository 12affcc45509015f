// PrintingService: the documents about students themselves, the registration form and the
// student list, loaded through StudentService with the reader's visibility of sensitive fields.
#include "school/printing/printing_service.hpp"

#include "core/validation.hpp"
#include "school/printing/student_documents.hpp"
#include "school/students/student_rules.hpp"

namespace sala::printing {
namespace {

// What the list was chosen by, as printed under its title.
std::string filters_text(const StudentListRequest& r)
{
    std::string out;
    auto add = [&](std::string_view label, const std::string& value) {
        out += (out.empty() ? "" : " · ") + std::string(label) + ": " + value;
    };
    if (r.status) add("Status", *r.status);
    if (r.gender) add("Gender", *r.gender);
    if (r.grade_level) add("Grade", std::to_string(*r.grade_level));
    if (r.course_id) add("Course", std::to_string(*r.course_id));
    if (r.school_year_id) add("School year", std::to_string(*r.school_year_id));
    if (r.province) add("Province", *r.province);
    if (r.has_scholarship) add("Scholarship", *r.has_scholarship ? "yes" : "no");
    if (r.q) add("Search", *r.q);
    return out.empty() ? "All students" : out;
}

}  // namespace

Result<Printed> PrintingService::registration(const StudentDocumentRequest& request, const Principal& who)
{
    std::int64_t id = request.student_id;
    auto job = shop_.open(who, {.students = std::span(&id, 1)}, request.options, pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    auto student = students_.get(id, who);
    if (!student) {
        return student.error();
    }
    auto photo = shop_.image(files_.student_photo(id));
    bool sensitive = student->visibility.sees(id);
    auto bytes = shop_.render([&] { return render_registration(student->record, sensitive, photo, *job); });
    if (!bytes) {
        return bytes.error();
    }
    return Printed{std::move(*bytes), "registration-" + student->record.student.student_code, {id}, std::nullopt};
}

Result<Printed> PrintingService::student_list(const StudentListRequest& request, const Principal& who)
{
    FieldErrors errors;
    if (request.status) {
        check_one_of(errors, "status", *request.status, {"active", "inactive", "graduated", "transferred"});
    }
    if (request.gender) {
        check_one_of(errors, "gender", *request.gender, {"M", "F"});
    }
    if (!errors.empty()) {
        return errors.to_error();
    }
    // A list of the whole school is an admin's; a teacher's list is of a course they teach.
    auto job = shop_.open(who, {.courses = one(request.course_id)}, request.options, pdf::Orientation::portrait);
    if (!job) {
        return job.error();
    }
    students::StudentFilter filter;
    filter.status = request.status;
    filter.gender = request.gender;
    filter.grade_level = request.grade_level;
    filter.course_id = request.course_id;
    filter.school_year_id = request.school_year_id;
    filter.province = request.province;
    filter.has_scholarship = request.has_scholarship;
    if (request.q) {
        filter.q_tokens = students::query_tokens(*request.q);
    }
    filter.order = {{"s.last_name"}, {"s.first_name"}, {"s.student_id"}};
    filter.limit = kMaxListedStudents + 1;
    filter.count_total = false;
    auto listed = students_.list(filter, who);
    auto& records = listed.page.records;
    if (records.empty()) {
        return nothing_to_print(filters_text(request));
    }
    if (static_cast<std::int64_t>(records.size()) > kMaxListedStudents) {
        FieldErrors too_many;
        too_many.add("filters", "TOO_MANY", {{"max", std::to_string(kMaxListedStudents)}});
        return too_many.to_error();
    }
    auto bytes = shop_.render([&] { return render_student_list(records, filters_text(request), *job); });
    if (!bytes) {
        return bytes.error();
    }
    Printed printed{std::move(*bytes), "student-list", {}, request.course_id};
    return printed;
}

}  // namespace sala::printing
