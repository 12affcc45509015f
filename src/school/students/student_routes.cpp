// The student routes: the seed's CreateStudentRequest and StudentResponse as described structs,
// lists with filters, search and both kinds of paging, PATCH, scholarships and guardians. The
// service holds the rules; sensitive fields are left out here for readers who may not see them.
#include "school/students/student_routes.hpp"

#include "auth/permissions.hpp"
#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/json_schema.hpp"
#include "http/list_query.hpp"
#include "school/files/file_service.hpp"
#include "school/students/student_rules.hpp"
#include "school/students/student_service.hpp"

namespace asio = boost::asio;

namespace sala::students {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;
using http::RouteSpec;
using http::Status;
using json::Omittable;
using json::Patch;
namespace permission = auth::permission;

// ---------------------------------------------------------------------------------------------
// Requests

struct StudentInfoBody {
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    Date date_of_birth;
    std::string gender;
    std::string place_of_birth;
    std::string nationality;
    std::string religion;
    std::string address;
    std::string commune;
    std::string district;
    std::string province;
    std::optional<std::string> phone_number;
    std::optional<std::string> email;
    std::optional<std::string> emergency_contact;
    std::optional<std::string> emergency_phone;
    std::optional<std::string> medical_conditions;
    std::optional<std::string> allergies;
    std::optional<std::string> medications;
    std::optional<std::string> blood_type;
    std::optional<std::string> status;        // default active (kept, on PUT)
    std::optional<Date> enrollment_date;      // default today (kept, on PUT)
    std::optional<Date> graduation_date;
};
BOOST_DESCRIBE_STRUCT(StudentInfoBody, (),
                      (first_name, last_name, first_name_kh, last_name_kh, date_of_birth, gender, place_of_birth,
                       nationality, religion, address, commune, district, province, phone_number, email,
                       emergency_contact, emergency_phone, medical_conditions, allergies, medications, blood_type,
                       status, enrollment_date, graduation_date))

// A new guardian, or an existing one linked by guardianId (then without the person's fields).
struct GuardianBody {
    std::optional<std::int64_t> guardian_id;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::string relation;
    std::optional<std::string> phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianBody, (),
                      (guardian_id, first_name, last_name, relation, phone, occupation, email, address))

struct GuardianInfoBody {
    GuardianBody primary_guardian;
    std::optional<GuardianBody> secondary_guardian;
};
BOOST_DESCRIBE_STRUCT(GuardianInfoBody, (), (primary_guardian, secondary_guardian))

struct FamilyBody {
    std::string family_composition;
    std::int64_t family_size = 0;
    double monthly_income = 0;
    bool has_poverty_card = false;
    std::optional<std::string> poverty_card_number;
    std::optional<std::string> special_circumstances;
};
BOOST_DESCRIBE_STRUCT(FamilyBody, (),
                      (family_composition, family_size, monthly_income, has_poverty_card, poverty_card_number,
                       special_circumstances))

struct CreateStudentRequest {
    std::optional<std::string> student_code;  // generated from the configured pattern when absent
    StudentInfoBody student_info;
    GuardianInfoBody guardian_info;
    FamilyBody family_info;
};
BOOST_DESCRIBE_STRUCT(CreateStudentRequest, (), (student_code, student_info, guardian_info, family_info))

// PATCH /students/{id}: any subset of the studentInfo fields; null clears an optional one.
struct StudentPatch {
    Patch<std::string> first_name;
    Patch<std::string> last_name;
    Patch<std::string> first_name_kh;
    Patch<std::string> last_name_kh;
    Patch<Date> date_of_birth;
    Patch<std::string> gender;
    Patch<std::string> place_of_birth;
    Patch<std::string> nationality;
    Patch<std::string> religion;
    Patch<std::string> address;
    Patch<std::string> commune;
    Patch<std::string> district;
    Patch<std::string> province;
    Patch<std::string> phone_number;
    Patch<std::string> email;
    Patch<std::string> emergency_contact;
    Patch<std::string> emergency_phone;
    Patch<std::string> medical_conditions;
    Patch<std::string> allergies;
    Patch<std::string> medications;
    Patch<std::string> blood_type;
    Patch<std::string> status;
    Patch<Date> enrollment_date;
    Patch<Date> graduation_date;
};
BOOST_DESCRIBE_STRUCT(StudentPatch, (),
                      (first_name, last_name, first_name_kh, last_name_kh, date_of_birth, gender, place_of_birth,
                       nationality, religion, address, commune, district, province, phone_number, email,
                       emergency_contact, emergency_phone, medical_conditions, allergies, medications, blood_type,
                       status, enrollment_date, graduation_date))

struct ScholarshipBody {
    std::string type;
    std::string sponsor;
    double amount = 0;
    Date start_date;
    std::optional<Date> end_date;
    std::optional<std::string> status;  // default active
};
BOOST_DESCRIBE_STRUCT(ScholarshipBody, (), (type, sponsor, amount, start_date, end_date, status))

struct GuardianUpdate {
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianUpdate, (), (first_name, last_name, phone, occupation, email, address))

// ---------------------------------------------------------------------------------------------
// Responses

struct GuardianView {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string relation;
    bool is_primary = false;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianView, (),
                      (guardian_id, first_name, last_name, relation, is_primary, phone, occupation, email, address))

struct FamilyView {
    std::string family_composition;
    std::int64_t family_size = 0;
    Omittable<double> monthly_income;  // sensitive
    bool has_poverty_card = false;
    Omittable<std::optional<std::string>> poverty_card_number;  // sensitive
    std::optional<std::string> special_circumstances;
};
BOOST_DESCRIBE_STRUCT(FamilyView, (),
                      (family_composition, family_size, monthly_income, has_poverty_card, poverty_card_number,
                       special_circumstances))

struct ScholarshipView {
    std::int64_t scholarship_id = 0;
    std::string type;
    std::string sponsor;
    double amount = 0;
    Date start_date;
    std::optional<Date> end_date;
    std::string status;
};
BOOST_DESCRIBE_STRUCT(ScholarshipView, (), (scholarship_id, type, sponsor, amount, start_date, end_date, status))

struct CourseSummary {
    std::int64_t course_id = 0;
    std::string name;
    std::int64_t grade_level = 0;
    std::string section;
    std::int64_t school_year_id = 0;
};
BOOST_DESCRIBE_STRUCT(CourseSummary, (), (course_id, name, grade_level, section, school_year_id))

struct StudentEnrollmentView {
    std::int64_t enrollment_id = 0;
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    Date enrollment_date;
    std::string status;
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
    CourseSummary course;
};
BOOST_DESCRIBE_STRUCT(StudentEnrollmentView, (),
                      (enrollment_id, course_id, school_year_id, enrollment_date, status, drop_semester_id,
                       drop_reason, course))

// The seed's StudentResponse (with the Khmer-script names). Sensitive fields are absent, not
// null, for readers who may not see them.
struct StudentResponse {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    Date date_of_birth;
    std::string gender;
    std::string place_of_birth;
    std::string nationality;
    std::string religion;
    std::string address;
    std::string commune;
    std::string district;
    std::string province;
    std::optional<std::string> phone_number;
    std::optional<std::string> email;
    std::optional<std::string> emergency_contact;
    std::optional<std::string> emergency_phone;
    Omittable<std::optional<std::string>> medical_conditions;
    Omittable<std::optional<std::string>> allergies;
    Omittable<std::optional<std::string>> medications;
    Omittable<std::optional<std::string>> blood_type;
    std::optional<std::string> photo;  // where the photo is served, when there is one
    std::string status;
    Date enrollment_date;
    std::optional<Date> graduation_date;
    TimePoint created_at;
    TimePoint updated_at;
    std::vector<GuardianView> guardians;
    std::optional<FamilyView> family;
    std::vector<ScholarshipView> scholarships;
    std::vector<StudentEnrollmentView> enrollments;
};
BOOST_DESCRIBE_STRUCT(StudentResponse, (),
                      (student_id, student_code, first_name, last_name, first_name_kh, last_name_kh, date_of_birth,
                       gender, place_of_birth, nationality, religion, address, commune, district, province,
                       phone_number, email, emergency_contact, emergency_phone, medical_conditions, allergies,
                       medications, blood_type, photo, status, enrollment_date, graduation_date, created_at,
                       updated_at, guardians, family, scholarships, enrollments))

struct NextCode {
    std::string student_code;
};
BOOST_DESCRIBE_STRUCT(NextCode, (), (student_code))

struct GuardianStudentView {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::string relation;
    bool is_primary = false;
};
BOOST_DESCRIBE_STRUCT(GuardianStudentView, (),
                      (student_id, student_code, first_name, last_name, relation, is_primary))

struct GuardianRecordView {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
    std::vector<GuardianStudentView> students;
};
BOOST_DESCRIBE_STRUCT(GuardianRecordView, (),
                      (guardian_id, first_name, last_name, phone, occupation, email, address, students))

struct GuardianListItem {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};
BOOST_DESCRIBE_STRUCT(GuardianListItem, (), (guardian_id, first_name, last_name, phone, occupation, email, address))

// ---------------------------------------------------------------------------------------------

StudentInfo info_of(const StudentInfoBody& b)
{
    StudentInfo i;
    i.first_name = b.first_name;
    i.last_name = b.last_name;
    i.first_name_kh = b.first_name_kh;
    i.last_name_kh = b.last_name_kh;
    i.date_of_birth = b.date_of_birth;
    i.gender = b.gender;
    i.place_of_birth = b.place_of_birth;
    i.nationality = b.nationality;
    i.religion = b.religion;
    i.address = b.address;
    i.commune = b.commune;
    i.district = b.district;
    i.province = b.province;
    i.phone_number = b.phone_number;
    i.email = b.email;
    i.emergency_contact = b.emergency_contact;
    i.emergency_phone = b.emergency_phone;
    i.medical_conditions = b.medical_conditions;
    i.allergies = b.allergies;
    i.medications = b.medications;
    i.blood_type = b.blood_type;
    i.graduation_date = b.graduation_date;
    return i;
}

GuardianInput guardian_of(const GuardianBody& b)
{
    return GuardianInput{b.guardian_id, b.first_name, b.last_name, b.relation, b.phone, b.occupation, b.email,
                         b.address};
}

StudentInput input_of(const CreateStudentRequest& body)
{
    StudentInput in;
    in.info = info_of(body.student_info);
    in.status = body.student_info.status;
    in.enrollment_date = body.student_info.enrollment_date;
    in.student_code = body.student_code;
    in.primary_guardian = guardian_of(body.guardian_info.primary_guardian);
    if (body.guardian_info.secondary_guardian) {
        in.secondary_guardian = guardian_of(*body.guardian_info.secondary_guardian);
    }
    const auto& f = body.family_info;
    in.family = Family{f.family_composition, f.family_size,         f.monthly_income,
                       f.has_poverty_card,   f.poverty_card_number, f.special_circumstances};
    return in;
}

ScholarshipView scholarship_view(const Scholarship& s)
{
    return ScholarshipView{s.scholarship_id, s.type, s.sponsor, s.amount, s.start_date, s.end_date, s.status};
}

StudentResponse view(const StudentRecord& r, bool sensitive)
{
    const auto& s = r.student;
    const auto& i = s.info;
    StudentResponse v;
    v.student_id = s.student_id;
    v.student_code = s.student_code;
    v.first_name = i.first_name;
    v.last_name = i.last_name;
    v.first_name_kh = i.first_name_kh;
    v.last_name_kh = i.last_name_kh;
    v.date_of_birth = i.date_of_birth;
    v.gender = i.gender;
    v.place_of_birth = i.place_of_birth;
    v.nationality = i.nationality;
    v.religion = i.religion;
    v.address = i.address;
    v.commune = i.commune;
    v.district = i.district;
    v.province = i.province;
    v.phone_number = i.phone_number;
    v.email = i.email;
    v.emergency_contact = i.emergency_contact;
    v.emergency_phone = i.emergency_phone;
    if (sensitive) {
        v.medical_conditions.emplace(i.medical_conditions);
        v.allergies.emplace(i.allergies);
        v.medications.emplace(i.medications);
        v.blood_type.emplace(i.blood_type);
    }
    if (s.photo_file_id) {
        v.photo = "/api/v1/students/" + std::to_string(s.student_id) + "/photo";
    }
    v.status = i.status;
    v.enrollment_date = i.enrollment_date;
    v.graduation_date = i.graduation_date;
    v.created_at = s.created_at;
    v.updated_at = s.updated_at;
    for (const auto& g : r.guardians) {
        v.guardians.push_back(GuardianView{g.guardian.guardian_id, g.guardian.first_name, g.guardian.last_name,
                                           g.relation, g.is_primary, g.guardian.phone, g.guardian.occupation,
                                           g.guardian.email, g.guardian.address});
    }
    if (r.family) {
        const auto& f = *r.family;
        FamilyView fv{f.family_composition, f.family_size, {}, f.has_poverty_card, {}, f.special_circumstances};
        if (sensitive) {
            fv.monthly_income.emplace(f.monthly_income);
            fv.poverty_card_number.emplace(f.poverty_card_number);
        }
        v.family = std::move(fv);
    }
    for (const auto& sc : r.scholarships) {
        v.scholarships.push_back(scholarship_view(sc));
    }
    for (const auto& e : r.enrollments) {
        v.enrollments.push_back(StudentEnrollmentView{
            e.enrollment_id, e.course_id, e.school_year_id, e.enrollment_date, e.status, e.drop_semester_id,
            e.drop_reason, CourseSummary{e.course_id, e.course_name, e.grade_level, e.section, e.school_year_id}});
    }
    return v;
}

Response respond_student(Status status, const StudentView& found)
{
    const auto& record = found.record;
    auto response = json::respond(status, view(record, found.visibility.sees(record.student.student_id)));
    http::set_etag(response, record.student.row_version);
    return response;
}

GuardianRecordView guardian_view(const GuardianRecord& r)
{
    GuardianRecordView v{r.guardian.guardian_id, r.guardian.first_name, r.guardian.last_name, r.guardian.phone,
                         r.guardian.occupation,  r.guardian.email,      r.guardian.address,   {}};
    for (const auto& s : r.students) {
        v.students.push_back(
            GuardianStudentView{s.student_id, s.student_code, s.first_name, s.last_name, s.relation, s.is_primary});
    }
    return v;
}

constexpr http::SortField kSortable[] = {
    {"studentCode", "s.student_code"},   {"firstName", "s.first_name"},
    {"lastName", "s.last_name"},         {"dateOfBirth", "s.date_of_birth"},
    {"enrollmentDate", "s.enrollment_date"}, {"createdAt", "s.created_at"},
    {"status", "s.status"},              {"gender", "s.gender"},
    {"province", "s.province"},          {"studentId", "s.student_id"},
};

std::vector<http::QueryParam> list_query()
{
    auto params = http::list_params(kSortable, true);
    params.push_back({.name = "status",
                      .description = "Student status",
                      .allowed = {"active", "inactive", "graduated", "transferred"}});
    params.push_back({.name = "gender", .description = "M or F", .allowed = {"M", "F"}});
    params.push_back({.name = "gradeLevel",
                      .type = http::ParamType::integer,
                      .description = "Actively enrolled in a course of this grade level"});
    params.push_back({.name = "courseId",
                      .type = http::ParamType::integer,
                      .description = "Actively enrolled in this course"});
    params.push_back({.name = "schoolYearId",
                      .type = http::ParamType::integer,
                      .description = "Enrolled in this school year (with gradeLevel or courseId: actively)"});
    params.push_back({.name = "province", .description = "Province, exactly"});
    params.push_back({.name = "hasScholarship",
                      .type = http::ParamType::boolean,
                      .description = "Has (true) or has no (false) active scholarship"});
    params.push_back({.name = "q",
                      .description = "Words that must each begin a word of the Latin or Khmer names or the "
                                     "student code"});
    return params;
}

Result<StudentFilter> filter_of(const RequestContext& ctx, bool enrolled_only)
{
    auto page = http::page_request(ctx, kSortable, "lastName,firstName", "s.student_id", true);
    if (!page) {
        return page.error();
    }
    StudentFilter f;
    if (auto v = ctx.query("status")) {
        f.status = std::string(*v);
    }
    if (auto v = ctx.query("gender")) {
        f.gender = std::string(*v);
    }
    f.grade_level = ctx.query_int("gradeLevel");
    f.course_id = ctx.query_int("courseId");
    f.school_year_id = ctx.query_int("schoolYearId");
    if (auto v = ctx.query("province")) {
        f.province = std::string(*v);
    }
    f.has_scholarship = ctx.query_bool("hasScholarship");
    if (auto q = ctx.query("q")) {
        f.q_tokens = query_tokens(*q);
    }
    f.enrolled_only = enrolled_only;
    f.order = std::move(page->keys);
    f.after = std::move(page->after);
    f.limit = page->limit;
    f.offset = f.after ? 0 : (page->page - 1) * page->limit;
    return f;
}

asio::awaitable<Response> list_students(RequestContext& ctx, StudentService& students, bool enrolled_only)
{
    auto filter = filter_of(ctx, enrolled_only);
    if (!filter) {
        co_return Response::from_error(filter.error());
    }
    auto result = co_await ctx.offload([&] { return students.list(*filter, *ctx.principal); });
    std::vector<StudentResponse> views;
    views.reserve(result.page.records.size());
    for (const auto& r : result.page.records) {
        views.push_back(view(r, result.visibility.sees(r.student.student_id)));
    }
    http::Pagination pagination{filter->after ? 0 : filter->offset / filter->limit + 1, filter->limit,
                                result.page.total, std::nullopt};
    if (result.page.more) {
        pagination.next_cursor = http::encode_cursor(result.page.last_key);
    }
    co_return json::respond_list(views, std::move(pagination));
}

// Copies the PATCH members that are present onto the stored fields; required fields cannot be
// cleared.
Result<std::function<void(StudentInfo&)>> patch_of(const StudentPatch& p)
{
    FieldErrors errors;
    auto required = [&](const char* field, const auto& member) {
        if (member.present && !member.value) {
            errors.add(field, "REQUIRED");
        }
    };
    required("firstName", p.first_name);
    required("lastName", p.last_name);
    required("dateOfBirth", p.date_of_birth);
    required("gender", p.gender);
    required("placeOfBirth", p.place_of_birth);
    required("nationality", p.nationality);
    required("religion", p.religion);
    required("address", p.address);
    required("commune", p.commune);
    required("district", p.district);
    required("province", p.province);
    required("status", p.status);
    required("enrollmentDate", p.enrollment_date);
    if (!errors.empty()) {
        return errors.to_error();
    }
    return std::function<void(StudentInfo&)>([p](StudentInfo& i) {
        auto set = [](auto& target, const auto& member) {
            if (member.present && member.value) {
                target = *member.value;
            }
        };
        auto set_optional = [](auto& target, const auto& member) {
            if (member.present) {
                target = member.value;
            }
        };
        set(i.first_name, p.first_name);
        set(i.last_name, p.last_name);
        set_optional(i.first_name_kh, p.first_name_kh);
        set_optional(i.last_name_kh, p.last_name_kh);
        set(i.date_of_birth, p.date_of_birth);
        set(i.gender, p.gender);
        set(i.place_of_birth, p.place_of_birth);
        set(i.nationality, p.nationality);
        set(i.religion, p.religion);
        set(i.address, p.address);
        set(i.commune, p.commune);
        set(i.district, p.district);
        set(i.province, p.province);
        set_optional(i.phone_number, p.phone_number);
        set_optional(i.email, p.email);
        set_optional(i.emergency_contact, p.emergency_contact);
        set_optional(i.emergency_phone, p.emergency_phone);
        set_optional(i.medical_conditions, p.medical_conditions);
        set_optional(i.allergies, p.allergies);
        set_optional(i.medications, p.medications);
        set_optional(i.blood_type, p.blood_type);
        set(i.status, p.status);
        set(i.enrollment_date, p.enrollment_date);
        set_optional(i.graduation_date, p.graduation_date);
    });
}

Scholarship scholarship_of(const ScholarshipBody& b)
{
    return Scholarship{0, b.type, b.sponsor, b.amount, b.start_date, b.end_date, b.status.value_or("active")};
}

}  // namespace

void register_student_routes(http::Router& router, StudentService& students, files::FileService& files)
{
    const std::string read = std::string(permission::students_read);
    const std::string write = std::string(permission::students_write);

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students",
                         .summary = "Students with their guardians, family, scholarships and enrollments; filters, "
                                    "search, page or cursor paging",
                         .tag = "students",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<StudentResponse>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) { return list_students(ctx, students, false); });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/enrolled",
                         .summary = "Students with an active enrollment (in a course or school year, when given)",
                         .tag = "students",
                         .permission = read,
                         .query = list_query(),
                         .response = &http::schema<StudentResponse>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) { return list_students(ctx, students, true); });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/next-id",
                         .summary = "The student code the next registration will get (nothing is reserved)",
                         .tag = "students",
                         .permission = write,
                         .response = &http::schema<NextCode>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto code = co_await ctx.offload([&] { return students.next_code(); });
                   co_return json::respond(NextCode{std::move(code)});
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/students",
                         .summary = "Register a student with guardians and family, in one transaction",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<CreateStudentRequest>,
                         .response = &http::schema<StudentResponse>,
                         .success = Status::created},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateStudentRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto created =
                       co_await ctx.offload([&] { return students.create(input_of(*body), *ctx.principal); });
                   if (!created) {
                       co_return Response::from_error(created.error());
                   }
                   auto response = respond_student(Status::created, *created);
                   response.headers.set("Location",
                                        "/api/v1/students/" + std::to_string(created->record.student.student_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/students/{id:int}",
                         .summary = "One student with related data (ETag)",
                         .tag = "students",
                         .permission = read,
                         .response = &http::schema<StudentResponse>,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return students.get(ctx.path_int("id"), *ctx.principal); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   co_return respond_student(Status::ok, *found);
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/students/{id:int}",
                         .summary = "Replace a student's record, guardians and family (If-Match)",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<CreateStudentRequest>,
                         .response = &http::schema<StudentResponse>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<CreateStudentRequest>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto version = http::required_version(ctx);
                   auto replaced = co_await ctx.offload([&] {
                       return students.replace(ctx.path_int("id"), input_of(*body), version, *ctx.principal);
                   });
                   if (!replaced) {
                       co_return Response::from_error(replaced.error());
                   }
                   co_return respond_student(Status::ok, *replaced);
               });

    router.add(RouteSpec{.method = Method::patch,
                         .path = "/students/{id:int}",
                         .summary = "Change some studentInfo fields (If-Match); null clears an optional one",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<StudentPatch>,
                         .response = &http::schema<StudentResponse>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<StudentPatch>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto change = patch_of(*body);
                   if (!change) {
                       co_return Response::from_error(change.error());
                   }
                   auto version = http::required_version(ctx);
                   auto patched = co_await ctx.offload(
                       [&] { return students.patch(ctx.path_int("id"), *change, version, *ctx.principal); });
                   if (!patched) {
                       co_return Response::from_error(patched.error());
                   }
                   co_return respond_student(Status::ok, *patched);
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/students/{id:int}",
                         .summary = "Delete a student and their links (409 once grades or attendance record them: "
                                    "change the status instead)",
                         .tag = "students",
                         .permission = write,
                         .success = Status::no_content},
               [&students, &files](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto version = http::required_version(ctx);
                   auto removed = co_await ctx.offload([&] { return students.remove(ctx.path_int("id"), version); });
                   if (!removed) {
                       co_return Response::from_error(removed.error());
                   }
                   if (auto photo = *removed) {
                       co_await ctx.offload_write([&] { files.release(*photo); });
                   }
                   co_return Response::empty(Status::no_content);
               });

    router.add(RouteSpec{.method = Method::post,
                         .path = "/students/{id:int}/scholarships",
                         .summary = "Add a scholarship to a student",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<ScholarshipBody>,
                         .response = &http::schema<ScholarshipView>,
                         .success = Status::created,
                         .action = "students.scholarship_create"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<ScholarshipBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto id = ctx.path_int("id");
                   auto added = co_await ctx.offload([&] { return students.add_scholarship(id, scholarship_of(*body)); });
                   if (!added) {
                       co_return Response::from_error(added.error());
                   }
                   ctx.audit_resource_id = std::to_string(id);
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(added->scholarship_id) + "}";
                   auto response = json::respond(Status::created, scholarship_view(*added));
                   response.headers.set("Location", "/api/v1/students/" + std::to_string(id) + "/scholarships/" +
                                                        std::to_string(added->scholarship_id));
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/students/{id:int}/scholarships/{scholarshipId:int}",
                         .summary = "Change a student's scholarship",
                         .tag = "students",
                         .permission = write,
                         .request = &http::schema<ScholarshipBody>,
                         .response = &http::schema<ScholarshipView>,
                         .action = "students.scholarship_update"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<ScholarshipBody>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   auto s = scholarship_of(*body);
                   s.scholarship_id = ctx.path_int("scholarshipId");
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(s.scholarship_id) + "}";
                   auto updated = co_await ctx.offload([&] { return students.update_scholarship(ctx.path_int("id"), s); });
                   if (!updated) {
                       co_return Response::from_error(updated.error());
                   }
                   co_return json::respond(scholarship_view(*updated));
               });

    router.add(RouteSpec{.method = Method::delete_,
                         .path = "/students/{id:int}/scholarships/{scholarshipId:int}",
                         .summary = "Remove a student's scholarship",
                         .tag = "students",
                         .permission = write,
                         .success = Status::no_content,
                         .action = "students.scholarship_delete"},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto scholarship_id = ctx.path_int("scholarshipId");
                   ctx.audit_details = R"({"scholarshipId":)" + std::to_string(scholarship_id) + "}";
                   auto removed = co_await ctx.offload(
                       [&] { return students.remove_scholarship(ctx.path_int("id"), scholarship_id); });
                   if (!removed) {
                       co_return Response::from_error(removed.error());
                   }
                   co_return Response::empty(Status::no_content);
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/guardians",
                         .summary = "Guardians, paginated; q matches names and phone (to link siblings' guardians)",
                         .tag = "guardians",
                         .permission = read,
                         .query = [] {
                             auto params = http::list_params({});
                             params.pop_back();  // no sort: by name
                             params.push_back({.name = "q", .description = "Part of a name or phone number"});
                             return params;
                         }(),
                         .response = &http::schema<GuardianListItem>,
                         .list = true,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto page = http::page_request(ctx, {}, "", "guardian_id");
                   if (!page) {
                       co_return Response::from_error(page.error());
                   }
                   std::optional<std::string> q;
                   if (auto v = ctx.query("q")) {
                       q = std::string(*v);
                   }
                   auto result = co_await ctx.offload([&] { return students.guardians(q, page->page, page->limit); });
                   std::vector<GuardianListItem> items;
                   for (const auto& g : result.guardians) {
                       items.push_back(GuardianListItem{g.guardian_id, g.first_name, g.last_name, g.phone, g.occupation,
                                                        g.email, g.address});
                   }
                   co_return json::respond_list(items, http::Pagination{page->page, page->limit, result.total});
               });

    router.add(RouteSpec{.method = Method::get,
                         .path = "/guardians/{id:int}",
                         .summary = "A guardian and the students they are linked to (ETag)",
                         .tag = "guardians",
                         .permission = read,
                         .response = &http::schema<GuardianRecordView>,
                         .cached = true},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto found = co_await ctx.offload([&] { return students.guardian(ctx.path_int("id")); });
                   if (!found) {
                       co_return Response::from_error(found.error());
                   }
                   auto response = json::respond(guardian_view(*found));
                   http::set_etag(response, found->guardian.row_version);
                   co_return response;
               });

    router.add(RouteSpec{.method = Method::put,
                         .path = "/guardians/{id:int}",
                         .summary = "Change a guardian's details, for every student linked to them (If-Match)",
                         .tag = "guardians",
                         .permission = write,
                         .request = &http::schema<GuardianUpdate>,
                         .response = &http::schema<GuardianRecordView>},
               [&students](RequestContext& ctx) -> asio::awaitable<Response> {
                   auto body = http::parse_body<GuardianUpdate>(ctx.request());
                   if (!body) {
                       co_return Response::from_error(body.error());
                   }
                   Guardian g{ctx.path_int("id"), body->first_name, body->last_name, body->phone,
                              body->occupation,   body->email,      body->address,   0};
                   auto version = http::required_version(ctx);
                   auto updated = co_await ctx.offload([&] { return students.update_guardian(g, version); });
                   if (!updated) {
                       co_return Response::from_error(updated.error());
                   }
                   auto response = json::respond(guardian_view(*updated));
                   http::set_etag(response, updated->guardian.row_version);
                   co_return response;
               });
}

}  // namespace sala::students
