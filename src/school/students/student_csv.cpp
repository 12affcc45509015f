// See student_csv.hpp.
#include "school/students/student_csv.hpp"

#include "core/time.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sala::students::csv {
namespace {

constexpr std::string_view kRequired[] = {
    "firstName",   "lastName",  "dateOfBirth", "gender",   "placeOfBirth",
    "nationality", "religion",  "address",     "commune",  "district",
    "province",    "primaryGuardianFirstName", "primaryGuardianLastName",
    "primaryGuardianRelation",  "primaryGuardianPhone",    "familyComposition",
    "familySize",  "monthlyIncome",
};

std::string format_number(double value)
{
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc{} ? std::string(buffer, end) : std::to_string(value);
}

std::optional<std::string> optional(const std::string& cell)
{
    return cell.empty() ? std::nullopt : std::optional<std::string>(cell);
}

// Reads the typed cells of one row, reporting each cell that is not what its column needs.
class CellReader {
public:
    CellReader(std::span<const std::string> row, FieldErrors& errors) : row_(row), errors_(errors) {}

    const std::string& text(std::size_t c) const { return row_[c]; }
    std::optional<std::string> optional_text(std::size_t c) const { return optional(row_[c]); }

    // Required cells report REQUIRED themselves, so every empty required cell reads the same.
    void require(std::size_t c) const
    {
        if (row_[c].empty()) {
            errors_.add(std::string(kColumns[c]), "REQUIRED");
        }
    }

    std::optional<Date> optional_date(std::size_t c) const
    {
        if (row_[c].empty()) {
            return std::nullopt;
        }
        auto date = parse_date(row_[c]);
        if (!date) {
            errors_.add(std::string(kColumns[c]), "NOT_A_DATE");
        }
        return date;
    }

    std::optional<std::int64_t> optional_whole_number(std::size_t c) const
    {
        const auto& s = row_[c];
        if (s.empty()) {
            return std::nullopt;
        }
        std::int64_t value = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc{} || end != s.data() + s.size()) {
            errors_.add(std::string(kColumns[c]), "NOT_A_WHOLE_NUMBER");
            return std::nullopt;
        }
        return value;
    }

    std::optional<double> optional_number(std::size_t c) const
    {
        const auto& s = row_[c];
        if (s.empty()) {
            return std::nullopt;
        }
        double value = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) {
            errors_.add(std::string(kColumns[c]), "NOT_A_NUMBER");
            return std::nullopt;
        }
        return value;
    }

    // true/false, yes/no, 1/0 in any case; empty is false.
    bool boolean(std::size_t c) const
    {
        auto s = ascii_lowered(row_[c]);
        if (s.empty() || s == "false" || s == "no" || s == "0") {
            return false;
        }
        if (s == "true" || s == "yes" || s == "1") {
            return true;
        }
        errors_.add(std::string(kColumns[c]), "NOT_A_BOOLEAN");
        return false;
    }

    bool any_filled(std::size_t first, std::size_t last) const
    {
        return std::any_of(row_.begin() + static_cast<std::ptrdiff_t>(first),
                           row_.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                           [](const std::string& s) { return !s.empty(); });
    }

private:
    std::span<const std::string> row_;
    FieldErrors& errors_;
};

StudentInfo info_of_row(const CellReader& r)
{
    StudentInfo i;
    i.first_name = r.text(column("firstName"));
    i.last_name = r.text(column("lastName"));
    i.first_name_kh = r.optional_text(column("firstNameKh"));
    i.last_name_kh = r.optional_text(column("lastNameKh"));
    i.date_of_birth = r.optional_date(column("dateOfBirth")).value_or(Date{});
    i.gender = r.text(column("gender"));
    i.place_of_birth = r.text(column("placeOfBirth"));
    i.nationality = r.text(column("nationality"));
    i.religion = r.text(column("religion"));
    i.address = r.text(column("address"));
    i.commune = r.text(column("commune"));
    i.district = r.text(column("district"));
    i.province = r.text(column("province"));
    i.phone_number = r.optional_text(column("phoneNumber"));
    i.email = r.optional_text(column("email"));
    i.emergency_contact = r.optional_text(column("emergencyContact"));
    i.emergency_phone = r.optional_text(column("emergencyPhone"));
    i.medical_conditions = r.optional_text(column("medicalConditions"));
    i.allergies = r.optional_text(column("allergies"));
    i.medications = r.optional_text(column("medications"));
    i.blood_type = r.optional_text(column("bloodType"));
    i.graduation_date = r.optional_date(column("graduationDate"));
    return i;
}

// The seven guardian columns starting at `first` (first name … address).
GuardianInput guardian_of_row(const CellReader& r, std::size_t first)
{
    GuardianInput g;
    g.first_name = r.optional_text(first);
    g.last_name = r.optional_text(first + 1);
    g.relation = r.text(first + 2);
    g.phone = r.optional_text(first + 3);
    g.occupation = r.optional_text(first + 4);
    g.email = r.optional_text(first + 5);
    g.address = r.optional_text(first + 6);
    return g;
}

void put_guardian(Row& row, std::size_t first, const GuardianInput& g)
{
    row[first] = g.first_name.value_or("");
    row[first + 1] = g.last_name.value_or("");
    row[first + 2] = g.relation;
    row[first + 3] = g.phone.value_or("");
    row[first + 4] = g.occupation.value_or("");
    row[first + 5] = g.email.value_or("");
    row[first + 6] = g.address.value_or("");
}

GuardianInput guardian_input(const LinkedGuardian& linked)
{
    const auto& g = linked.guardian;
    return GuardianInput{std::nullopt, g.first_name, g.last_name, linked.relation, g.phone,
                         g.occupation, g.email,      g.address};
}

// The input that describes a stored record (its primary and first other guardian).
StudentInput input_of_record(const StudentRecord& record)
{
    StudentInput in;
    in.info = record.student.info;
    in.status = in.info.status;
    in.enrollment_date = in.info.enrollment_date;
    in.student_code = record.student.student_code;
    const LinkedGuardian* primary = nullptr;
    const LinkedGuardian* secondary = nullptr;
    for (const auto& g : record.guardians) {
        if (g.is_primary && primary == nullptr) {
            primary = &g;
        }
    }
    for (const auto& g : record.guardians) {
        if (primary == nullptr) {
            primary = &g;
        } else if (&g != primary && secondary == nullptr) {
            secondary = &g;
        }
    }
    if (primary != nullptr) {
        in.primary_guardian = guardian_input(*primary);
    }
    if (secondary != nullptr) {
        in.secondary_guardian = guardian_input(*secondary);
    }
    in.family = record.family.value_or(Family{});
    return in;
}

}  // namespace

bool is_required_column(std::string_view name)
{
    return std::find(std::begin(kRequired), std::end(kRequired), name) != std::end(kRequired);
}

Result<Header> read_header(std::span<const std::string> names)
{
    Header header;
    header.width = names.size();
    FieldErrors errors;
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto name = ascii_lowered(trimmed(names[i]));
        if (name.empty()) {
            continue;  // an unnamed column (a trailing delimiter) carries nothing we read
        }
        auto known = std::find_if(kColumns.begin(), kColumns.end(),
                                  [&](std::string_view column) { return ascii_lowered(column) == name; });
        if (known == kColumns.end()) {
            errors.add(trimmed(names[i]), "UNKNOWN_COLUMN");
            continue;
        }
        auto& position = header.position[static_cast<std::size_t>(known - kColumns.begin())];
        if (position) {
            errors.add(std::string(*known), "DUPLICATE");
            continue;
        }
        position = i;
    }
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        if (!header.position[c] && is_required_column(kColumns[c])) {
            errors.add(std::string(kColumns[c]), "MISSING_COLUMN");
        }
    }
    if (!errors.empty()) {
        Error e = errors.to_error();
        e.message_key = "error.csv_header";
        return e;
    }
    return header;
}

Row row_of_record(const Header& header, std::span<const std::string> record, std::span<const std::string> fallback)
{
    Row row(kColumnCount);
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        if (auto at = header.position[c]) {
            row[c] = *at < record.size() ? sala::csv::unshield_formula(trimmed(record[*at])) : std::string();
        } else if (c < fallback.size()) {
            row[c] = fallback[c];
        }
    }
    return row;
}

StudentInput input_of_row(std::span<const std::string> row, FieldErrors& errors)
{
    CellReader r(row, errors);
    for (auto name : kRequired) {
        auto c = static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), name) - kColumns.begin());
        r.require(c);
    }
    StudentInput in;
    in.student_code = r.optional_text(column("studentCode"));
    in.info = info_of_row(r);
    in.status = r.optional_text(column("status"));
    in.enrollment_date = r.optional_date(column("enrollmentDate"));
    in.primary_guardian = guardian_of_row(r, column("primaryGuardianFirstName"));
    if (r.any_filled(column("secondaryGuardianFirstName"), column("secondaryGuardianAddress"))) {
        in.secondary_guardian = guardian_of_row(r, column("secondaryGuardianFirstName"));
        r.require(column("secondaryGuardianRelation"));
    }
    in.family.family_composition = r.text(column("familyComposition"));
    in.family.family_size = r.optional_whole_number(column("familySize")).value_or(0);
    in.family.monthly_income = r.optional_number(column("monthlyIncome")).value_or(0);
    in.family.has_poverty_card = r.boolean(column("hasPovertyCard"));
    in.family.poverty_card_number = r.optional_text(column("povertyCardNumber"));
    in.family.special_circumstances = r.optional_text(column("specialCircumstances"));
    return in;
}

Row row_of_input(const StudentInput& input)
{
    Row row(kColumnCount);
    const auto& i = input.info;
    auto set = [&](std::size_t c, const std::optional<std::string>& v) { row[c] = v.value_or(""); };
    set(column("studentCode"), input.student_code);
    row[column("firstName")] = i.first_name;
    row[column("lastName")] = i.last_name;
    set(column("firstNameKh"), i.first_name_kh);
    set(column("lastNameKh"), i.last_name_kh);
    row[column("dateOfBirth")] = format_date(i.date_of_birth);
    row[column("gender")] = i.gender;
    row[column("placeOfBirth")] = i.place_of_birth;
    row[column("nationality")] = i.nationality;
    row[column("religion")] = i.religion;
    row[column("address")] = i.address;
    row[column("commune")] = i.commune;
    row[column("district")] = i.district;
    row[column("province")] = i.province;
    set(column("phoneNumber"), i.phone_number);
    set(column("email"), i.email);
    set(column("emergencyContact"), i.emergency_contact);
    set(column("emergencyPhone"), i.emergency_phone);
    set(column("medicalConditions"), i.medical_conditions);
    set(column("allergies"), i.allergies);
    set(column("medications"), i.medications);
    set(column("bloodType"), i.blood_type);
    row[column("status")] = i.status;
    row[column("enrollmentDate")] = format_date(i.enrollment_date);
    row[column("graduationDate")] = i.graduation_date ? format_date(*i.graduation_date) : "";
    put_guardian(row, column("primaryGuardianFirstName"), input.primary_guardian);
    if (input.secondary_guardian) {
        put_guardian(row, column("secondaryGuardianFirstName"), *input.secondary_guardian);
    }
    const auto& f = input.family;
    row[column("familyComposition")] = f.family_composition;
    row[column("familySize")] = std::to_string(f.family_size);
    row[column("monthlyIncome")] = format_number(f.monthly_income);
    row[column("hasPovertyCard")] = f.has_poverty_card ? "true" : "false";
    set(column("povertyCardNumber"), f.poverty_card_number);
    set(column("specialCircumstances"), f.special_circumstances);
    return row;
}

Row row_of_stored(const StudentRecord& record)
{
    auto row = row_of_input(input_of_record(record));
    if (!record.family) {
        // No family on record: empty cells, not a made-up family of size 0.
        for (auto c = column("familyComposition"); c <= column("specialCircumstances"); ++c) {
            row[c].clear();
        }
    }
    return row;
}

std::string column_of_field(std::string_view path)
{
    auto capitalised = [](std::string_view rest) {
        std::string out(rest);
        if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
            out[0] = static_cast<char>(out[0] - 'a' + 'A');
        }
        return out;
    };
    for (std::string_view prefix : {"studentInfo.", "familyInfo."}) {
        if (path.starts_with(prefix)) {
            return std::string(path.substr(prefix.size()));
        }
    }
    for (std::string_view who : {"primaryGuardian", "secondaryGuardian"}) {
        std::string prefix = "guardianInfo." + std::string(who) + ".";
        if (path.starts_with(prefix)) {
            return std::string(who) + capitalised(path.substr(prefix.size()));
        }
    }
    return std::string(path);
}

bool fits_header(const Header& header, std::span<const std::string> record)
{
    if (record.size() < header.width) {
        return false;
    }
    return std::all_of(record.begin() + static_cast<std::ptrdiff_t>(header.width), record.end(),
                       [](const std::string& cell) { return trimmed(cell).empty(); });
}

bool is_blank(std::span<const std::string> record)
{
    return std::all_of(record.begin(), record.end(), [](const std::string& cell) { return trimmed(cell).empty(); });
}

std::string header_line()
{
    std::vector<std::string> names(kColumns.begin(), kColumns.end());
    std::string out;
    sala::csv::append_record(out, names);
    return out;
}

void append_student(std::string& out, const StudentRecord& record)
{
    auto row = row_of_stored(record);
    for (auto& cell : row) {
        cell = sala::csv::shield_formula(std::move(cell));
    }
    sala::csv::append_record(out, row);
}

}  // namespace sala::students::csv
