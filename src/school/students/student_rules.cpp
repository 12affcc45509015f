// See student_rules.hpp.
#include "school/students/student_rules.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace sala::students {
namespace {

constexpr std::size_t kMaxTokenLength = 20;

// Byte offsets where each UTF-8 character starts, plus the end.
std::vector<std::size_t> char_boundaries(std::string_view s)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            out.push_back(i);
        }
    }
    out.push_back(s.size());
    return out;
}

std::string cut(std::string_view word, std::size_t max_chars)
{
    auto b = char_boundaries(word);
    return std::string(word.substr(0, b[std::min(max_chars, b.size() - 1)]));
}

template <std::size_t N>
void check_member(FieldErrors& errors, const std::string& field, std::string_view value,
                  const std::string_view (&allowed)[N])
{
    if (std::find(std::begin(allowed), std::end(allowed), value) == std::end(allowed)) {
        std::string list;
        for (auto a : allowed) {
            list += (list.empty() ? "" : ", ") + std::string(a);
        }
        errors.add(field, "INVALID_VALUE", {{"allowed", list}});
    }
}

std::string at(const std::string& path, std::string_view field)
{
    return path.empty() ? std::string(field) : path + "." + std::string(field);
}

}  // namespace

bool valid_code_pattern(std::string_view pattern)
{
    auto seq = pattern.find("{seq:");
    if (seq == std::string_view::npos || pattern.find("{seq:", seq + 1) != std::string_view::npos) {
        return false;
    }
    auto close = pattern.find('}', seq);
    int digits = 0;
    auto text = pattern.substr(seq + 5, close == std::string_view::npos ? 0 : close - seq - 5);
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), digits);
    return close != std::string_view::npos && ec == std::errc{} && ptr == text.data() + text.size() && digits >= 1 &&
           digits <= 12;
}

std::string expand_code(std::string_view pattern, int year, std::int64_t sequence)
{
    std::string out(pattern);
    for (auto pos = out.find("{year}"); pos != std::string::npos; pos = out.find("{year}")) {
        out.replace(pos, 6, std::to_string(year));
    }
    auto seq = out.find("{seq:");
    auto close = out.find('}', seq);
    int digits = std::stoi(out.substr(seq + 5, close - seq - 5));
    auto number = std::to_string(sequence);
    if (static_cast<int>(number.size()) < digits) {
        number.insert(0, static_cast<std::size_t>(digits) - number.size(), '0');
    }
    out.replace(seq, close - seq + 1, number);
    return out;
}

std::string sequence_name(std::string_view pattern, int year)
{
    std::string out = "student-code:" + std::string(pattern);
    for (auto pos = out.find("{year}"); pos != std::string::npos; pos = out.find("{year}")) {
        out.replace(pos, 6, std::to_string(year));
    }
    return out;
}

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        // U+200B ZERO WIDTH SPACE separates Khmer words.
        if (text.substr(i, 3) == "\xE2\x80\x8B") {
            flush();
            i += 2;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '-' || c == '.' || c == ',' || c == '/' || c == '(' || c == ')' ||
            c == '\'' || c == '_') {
            flush();
            continue;
        }
        current.push_back(ascii_lower(c));
    }
    flush();
    return out;
}

std::vector<std::string> search_tokens(const Student& s)
{
    std::set<std::string> tokens;
    auto add = [&](std::string_view text) {
        for (const auto& w : words(text)) {
            auto b = char_boundaries(w);
            for (std::size_t n = 1; n < b.size() && n <= kMaxTokenLength; ++n) {
                tokens.insert(w.substr(0, b[n]));
            }
        }
    };
    add(s.info.first_name);
    add(s.info.last_name);
    add(s.info.first_name_kh.value_or(""));
    add(s.info.last_name_kh.value_or(""));
    add(s.student_code);
    return {tokens.begin(), tokens.end()};
}

std::vector<std::string> query_tokens(std::string_view q)
{
    std::vector<std::string> out;
    for (const auto& w : words(q)) {
        auto token = cut(w, kMaxTokenLength);
        if (std::find(out.begin(), out.end(), token) == out.end()) {
            out.push_back(token);
        }
    }
    return out;
}

bool valid_code(std::string_view code)
{
    return !code.empty() && code.size() <= 30 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '/' || c == '-';
    });
}

void check_info(FieldErrors& errors, const std::string& path, StudentInfo& i, Date today, const StudentInfo* stored)
{
    require_text(errors, at(path, "firstName"), i.first_name, 100);
    require_text(errors, at(path, "lastName"), i.last_name, 100);
    optional_text(errors, at(path, "firstNameKh"), i.first_name_kh, 100);
    optional_text(errors, at(path, "lastNameKh"), i.last_name_kh, 100);
    // Plausible for a school: born 2 to 30 years ago.
    using std::chrono::years;
    auto youngest = std::chrono::sys_days(std::chrono::year_month_day(today) - years(2));
    auto oldest = std::chrono::sys_days(std::chrono::year_month_day(today) - years(30));
    bool birth_changed = stored == nullptr || stored->date_of_birth != i.date_of_birth;
    if (birth_changed && (i.date_of_birth > youngest || i.date_of_birth < oldest)) {
        errors.add(at(path, "dateOfBirth"), "OUT_OF_RANGE", {{"min", format_date(oldest)}, {"max", format_date(youngest)}});
    }
    check_one_of(errors, at(path, "gender"), i.gender, {"M", "F"});
    require_text(errors, at(path, "placeOfBirth"), i.place_of_birth, 200);
    require_text(errors, at(path, "nationality"), i.nationality, 100);
    require_text(errors, at(path, "religion"), i.religion, 100);
    require_text(errors, at(path, "address"), i.address, 300);
    require_text(errors, at(path, "commune"), i.commune, 100);
    require_text(errors, at(path, "district"), i.district, 100);
    require_text(errors, at(path, "province"), i.province, 100);
    optional_text(errors, at(path, "phoneNumber"), i.phone_number, 20);
    check_phone(errors, at(path, "phoneNumber"), i.phone_number);
    optional_text(errors, at(path, "email"), i.email, 254);
    check_email(errors, at(path, "email"), i.email);
    optional_text(errors, at(path, "emergencyContact"), i.emergency_contact, 200);
    optional_text(errors, at(path, "emergencyPhone"), i.emergency_phone, 20);
    check_phone(errors, at(path, "emergencyPhone"), i.emergency_phone);
    optional_text(errors, at(path, "medicalConditions"), i.medical_conditions, 2000);
    optional_text(errors, at(path, "allergies"), i.allergies, 2000);
    optional_text(errors, at(path, "medications"), i.medications, 2000);
    optional_text(errors, at(path, "bloodType"), i.blood_type, 3);
    if (i.blood_type) {
        check_member(errors, at(path, "bloodType"), *i.blood_type, kBloodTypes);
    }
    check_member(errors, at(path, "status"), i.status, kStatuses);
    auto latest_enrollment = std::chrono::sys_days(std::chrono::year_month_day(today) + years(1));
    bool enrollment_changed = stored == nullptr || stored->enrollment_date != i.enrollment_date;
    if (i.enrollment_date < i.date_of_birth || (enrollment_changed && i.enrollment_date > latest_enrollment)) {
        errors.add(at(path, "enrollmentDate"), "OUT_OF_RANGE",
                   {{"min", format_date(i.date_of_birth)}, {"max", format_date(latest_enrollment)}});
    }
    if (i.graduation_date && *i.graduation_date < i.enrollment_date) {
        errors.add(at(path, "graduationDate"), "OUT_OF_RANGE",
                   {{"min", format_date(i.enrollment_date)}, {"max", "-"}});
    }
}

void check_guardian(FieldErrors& errors, const std::string& path, GuardianInput& g)
{
    check_member(errors, at(path, "relation"), g.relation, kRelations);
    if (g.guardian_id) {
        // Linking an existing guardian: the person's details are theirs, not this request's.
        for (auto [field, value] : {std::pair{"firstName", &g.first_name}, std::pair{"lastName", &g.last_name},
                                    std::pair{"phone", &g.phone}, std::pair{"occupation", &g.occupation},
                                    std::pair{"email", &g.email}, std::pair{"address", &g.address}}) {
            if (value->has_value()) {
                errors.add(at(path, field), "UNKNOWN_FIELD");
            }
        }
        return;
    }
    auto required = [&](std::string_view field, std::optional<std::string>& value, std::size_t max) {
        std::string text = value.value_or("");
        require_text(errors, at(path, field), text, max);
        value = text;
    };
    required("firstName", g.first_name, 100);
    required("lastName", g.last_name, 100);
    required("phone", g.phone, 20);
    check_phone(errors, at(path, "phone"), g.phone->empty() ? std::nullopt : g.phone);
    optional_text(errors, at(path, "occupation"), g.occupation, 100);
    optional_text(errors, at(path, "email"), g.email, 254);
    check_email(errors, at(path, "email"), g.email);
    optional_text(errors, at(path, "address"), g.address, 300);
}

void check_family(FieldErrors& errors, const std::string& path, Family& f)
{
    require_text(errors, at(path, "familyComposition"), f.family_composition, 200);
    if (f.family_size < 1 || f.family_size > 30) {
        errors.add(at(path, "familySize"), "OUT_OF_RANGE", {{"min", "1"}, {"max", "30"}});
    }
    if (f.monthly_income < 0 || f.monthly_income > 1e9) {
        errors.add(at(path, "monthlyIncome"), "OUT_OF_RANGE", {{"min", "0"}, {"max", "1000000000"}});
    }
    optional_text(errors, at(path, "povertyCardNumber"), f.poverty_card_number, 50);
    if (f.has_poverty_card && !f.poverty_card_number) {
        errors.add(at(path, "povertyCardNumber"), "REQUIRED");
    }
    optional_text(errors, at(path, "specialCircumstances"), f.special_circumstances, 2000);
}

void check_scholarship(FieldErrors& errors, const std::string& path, Scholarship& s)
{
    require_text(errors, at(path, "type"), s.type, 100);
    require_text(errors, at(path, "sponsor"), s.sponsor, 200);
    if (s.amount < 0 || s.amount > 1e9) {
        errors.add(at(path, "amount"), "OUT_OF_RANGE", {{"min", "0"}, {"max", "1000000000"}});
    }
    if (s.end_date && *s.end_date < s.start_date) {
        errors.add(at(path, "endDate"), "OUT_OF_RANGE", {{"min", format_date(s.start_date)}, {"max", "-"}});
    }
    check_member(errors, at(path, "status"), s.status, kScholarshipStatuses);
}

}  // namespace sala::students
