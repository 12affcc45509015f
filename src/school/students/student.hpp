// Student records as stored: the student, the guardians linked to them (shared by siblings), the
// family, scholarships and enrollments, and the inputs that create and change them.
#pragma once

#include "core/sorting.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sala::students {

inline constexpr std::string_view kStatuses[] = {"active", "inactive", "graduated", "transferred"};
inline constexpr std::string_view kRelations[] = {"father", "mother", "grandparent", "sibling", "other"};
inline constexpr std::string_view kBloodTypes[] = {"A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"};
inline constexpr std::string_view kScholarshipStatuses[] = {"active", "suspended", "ended"};

// The studentInfo part: everything about the student themself.
struct StudentInfo {
    std::string first_name;
    std::string last_name;
    std::optional<std::string> first_name_kh;
    std::optional<std::string> last_name_kh;
    Date date_of_birth;
    std::string gender;  // M, F
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
    std::optional<std::string> medical_conditions;  // sensitive
    std::optional<std::string> allergies;           // sensitive
    std::optional<std::string> medications;         // sensitive
    std::optional<std::string> blood_type;          // sensitive
    std::string status = "active";
    Date enrollment_date;
    std::optional<Date> graduation_date;
};

struct Student {
    std::int64_t student_id = 0;
    std::string student_code;
    StudentInfo info;
    std::optional<std::int64_t> photo_file_id;
    std::int64_t row_version = 1;
    TimePoint created_at;
    TimePoint updated_at;
};

struct Guardian {
    std::int64_t guardian_id = 0;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
    std::int64_t row_version = 1;
};

// A guardian as linked to one student.
struct LinkedGuardian {
    Guardian guardian;
    std::string relation;
    bool is_primary = false;
};

// Creating or linking a guardian: either an existing guardian_id, or a new person.
struct GuardianInput {
    std::optional<std::int64_t> guardian_id;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::string relation;
    std::optional<std::string> phone;
    std::optional<std::string> occupation;
    std::optional<std::string> email;
    std::optional<std::string> address;
};

// A student a guardian is linked to, as the guardian's record lists them.
struct GuardianLink {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string first_name;
    std::string last_name;
    std::string relation;
    bool is_primary = false;
};

struct GuardianRecord {
    Guardian guardian;
    std::vector<GuardianLink> students;
};

struct GuardianPage {
    std::vector<Guardian> guardians;
    std::int64_t total = 0;
};

struct Family {
    std::string family_composition;
    std::int64_t family_size = 0;
    double monthly_income = 0;  // sensitive
    bool has_poverty_card = false;
    std::optional<std::string> poverty_card_number;  // sensitive
    std::optional<std::string> special_circumstances;
};

struct Scholarship {
    std::int64_t scholarship_id = 0;
    std::string type;
    std::string sponsor;
    double amount = 0;
    Date start_date;
    std::optional<Date> end_date;
    std::string status = "active";
};

struct EnrollmentSummary {
    std::int64_t enrollment_id = 0;
    std::int64_t course_id = 0;
    std::int64_t school_year_id = 0;
    Date enrollment_date;
    std::string status;
    std::optional<std::int64_t> drop_semester_id;
    std::optional<std::string> drop_reason;
    std::string course_name;
    std::int64_t grade_level = 0;
    std::string section;
};

// A student with everything the API shows about them.
struct StudentRecord {
    Student student;
    std::vector<LinkedGuardian> guardians;
    std::optional<Family> family;
    std::vector<Scholarship> scholarships;
    std::vector<EnrollmentSummary> enrollments;
};

// POST /students and PUT /students/{id} (the seed's CreateStudentRequest). `info.status` and
// `info.enrollment_date` come from `status` and `enrollment_date` when given, else from the stored
// record (PUT) or the defaults: active, enrolled today (see StudentService::fill_defaults).
struct StudentInput {
    StudentInfo info;
    std::optional<std::string> status;
    std::optional<Date> enrollment_date;
    std::optional<std::string> student_code;  // generated when absent (kept, on PUT)
    GuardianInput primary_guardian;
    std::optional<GuardianInput> secondary_guardian;
    Family family;
};

struct StudentFilter {
    std::optional<std::string> status;
    std::optional<std::string> gender;
    std::optional<std::int64_t> grade_level;
    std::optional<std::int64_t> course_id;
    std::optional<std::int64_t> school_year_id;
    std::optional<std::string> province;
    std::optional<bool> has_scholarship;
    std::vector<std::string> q_tokens;  // every one must match a name word's or the code's prefix
    bool enrolled_only = false;         // an active enrollment (in the course / year, when given)
    std::vector<SortKey> order;         // whitelisted columns, ending with s.student_id
    // Keyset paging: the sort key values of the last row seen (offset is then 0).
    std::optional<std::vector<SortValue>> after;
    std::int64_t offset = 0;
    std::int64_t limit = 20;
    bool count_total = true;
};

struct StudentPage {
    std::vector<StudentRecord> records;
    std::int64_t total = 0;
    bool more = false;                  // another page follows
    std::vector<SortValue> last_key;    // the sort key values of the page's last row
};

}  // namespace sala::students
