// The JSON shapes of the student routes: the seed's CreateStudentRequest, the PATCH body, the
// scholarship body and StudentResponse as described structs, and their conversions to and from
// the student model. Only route files include it.
#pragma once

#include "core/error.hpp"
#include "core/time.hpp"
#include "http/json.hpp"
#include "school/students/student.hpp"

#include <boost/describe.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sala::students::api {

using json::Omittable;
using json::Patch;

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
// ---------------------------------------------------------------------------------------------
// Conversions

[[nodiscard]] StudentInfo info_of(const StudentInfoBody& b);
[[nodiscard]] GuardianInput guardian_of(const GuardianBody& b);
[[nodiscard]] StudentInput input_of(const CreateStudentRequest& body);
[[nodiscard]] ScholarshipView scholarship_view(const Scholarship& s);
// The record as a reader sees it: without the sensitive fields unless `sensitive`.
[[nodiscard]] StudentResponse view(const StudentRecord& r, bool sensitive);
[[nodiscard]] Result<std::function<void(StudentInfo&)>> patch_of(const StudentPatch& p);
[[nodiscard]] Scholarship scholarship_of(const ScholarshipBody& b);

}  // namespace sala::students::api
