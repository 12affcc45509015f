// See student_api.hpp.
#include "school/students/student_api.hpp"

namespace sala::students::api {

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

}  // namespace sala::students::api
