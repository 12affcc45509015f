// Student records as CSV rows without a database: the header check and the row mapping.
#include "school/students/student_csv.hpp"

#include <gtest/gtest.h>

#include <map>

namespace sala::students::csv {
namespace {

std::vector<std::string> all_columns()
{
    return {kColumns.begin(), kColumns.end()};
}

TEST(StudentCsv, MatchesHeaderNamesInAnyOrderAndCase)
{
    std::vector<std::string> names{"FIRSTNAME", " lastName ", "studentcode"};
    for (auto c : kColumns) {
        if (c != "firstName" && c != "lastName" && c != "studentCode") {
            names.emplace_back(c);
        }
    }
    names.emplace_back("");  // a trailing delimiter
    auto header = read_header(names);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->width, names.size());
    EXPECT_EQ(header->position[column("firstName")], 0u);
    EXPECT_EQ(header->position[column("lastName")], 1u);
    EXPECT_EQ(header->position[column("studentCode")], 2u);
}

TEST(StudentCsv, OptionalColumnsMayBeLeftOut)
{
    std::vector<std::string> names;
    for (auto c : kColumns) {
        if (is_required_column(c)) {
            names.emplace_back(c);
        }
    }
    auto header = read_header(names);
    ASSERT_TRUE(header);
    EXPECT_FALSE(header->position[column("studentCode")]);
    EXPECT_FALSE(header->position[column("hasPovertyCard")]);
}

TEST(StudentCsv, OneErrorNamesEveryUnknownRepeatedAndMissingColumn)
{
    auto names = all_columns();
    std::erase(names, "firstName");
    std::erase(names, "monthlyIncome");
    names.emplace_back("nickname");
    names.emplace_back("LASTNAME");
    auto header = read_header(names);
    ASSERT_FALSE(header);
    EXPECT_EQ(header.error().code, ErrorCode::validation_error);
    EXPECT_EQ(header.error().message_key, "error.csv_header");
    std::map<std::string, std::string> problems;
    for (const auto& d : header.error().details) {
        problems[d.field] = d.code;
    }
    EXPECT_EQ(problems, (std::map<std::string, std::string>{{"nickname", "UNKNOWN_COLUMN"},
                                                            {"lastName", "DUPLICATE"},
                                                            {"firstName", "MISSING_COLUMN"},
                                                            {"monthlyIncome", "MISSING_COLUMN"}}));
}

// A complete row as an import file would have it.
Row complete_row()
{
    std::map<std::string_view, std::string> v{
        {"studentCode", "STU-2026-0001"}, {"firstName", "Dara"}, {"lastName", "Sok"}, {"firstNameKh", "ដារា"},
        {"lastNameKh", "សុខ"}, {"dateOfBirth", "2014-03-15"}, {"gender", "M"}, {"placeOfBirth", "Phnom Penh"},
        {"nationality", "Khmer"}, {"religion", "Buddhism"}, {"address", "St. 271, No. 12"},
        {"commune", "Tuol Tumpung"}, {"district", "Chamkar Mon"}, {"province", "Phnom Penh"},
        {"phoneNumber", "012 345 678"}, {"email", "dara@example.com"}, {"emergencyContact", "Sok Chenda"},
        {"emergencyPhone", "+855 12 999 888"}, {"medicalConditions", "Asthma"}, {"allergies", "Peanuts"},
        {"medications", "Inhaler"}, {"bloodType", "O+"}, {"status", "active"}, {"enrollmentDate", "2026-09-01"},
        {"graduationDate", ""}, {"primaryGuardianFirstName", "Chenda"}, {"primaryGuardianLastName", "Sok"},
        {"primaryGuardianRelation", "mother"}, {"primaryGuardianPhone", "012 111 222"},
        {"primaryGuardianOccupation", "Nurse"}, {"primaryGuardianEmail", "chenda@example.com"},
        {"primaryGuardianAddress", ""}, {"secondaryGuardianFirstName", "Vuthy"},
        {"secondaryGuardianLastName", "Sok"}, {"secondaryGuardianRelation", "father"},
        {"secondaryGuardianPhone", "012 333 444"}, {"secondaryGuardianOccupation", ""},
        {"secondaryGuardianEmail", ""}, {"secondaryGuardianAddress", ""},
        {"familyComposition", "Two parents, two children"}, {"familySize", "4"}, {"monthlyIncome", "450.5"},
        {"hasPovertyCard", "true"}, {"povertyCardNumber", "PC-2291"}, {"specialCircumstances", ""},
    };
    Row row;
    for (auto c : kColumns) {
        row.push_back(v.at(c));
    }
    return row;
}

TEST(StudentCsv, ARowMeansAnInputThatWritesTheSameRow)
{
    auto row = complete_row();
    FieldErrors errors;
    auto input = input_of_row(row, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(input.student_code, "STU-2026-0001");
    EXPECT_EQ(input.info.first_name_kh, "ដារា");
    EXPECT_EQ(input.info.date_of_birth, *parse_date("2014-03-15"));
    EXPECT_EQ(input.status, "active");
    EXPECT_FALSE(input.info.graduation_date);
    EXPECT_EQ(input.primary_guardian.relation, "mother");
    EXPECT_FALSE(input.primary_guardian.address);
    ASSERT_TRUE(input.secondary_guardian);
    EXPECT_EQ(input.secondary_guardian->phone, "012 333 444");
    EXPECT_EQ(input.family.family_size, 4);
    EXPECT_EQ(input.family.monthly_income, 450.5);
    EXPECT_TRUE(input.family.has_poverty_card);
    input.info.status = *input.status;  // what fill_defaults does
    input.info.enrollment_date = *input.enrollment_date;
    EXPECT_EQ(row_of_input(input), row);
}

TEST(StudentCsv, EmptyCellsAreAbsent)
{
    auto row = complete_row();
    for (auto c : {"studentCode", "status", "enrollmentDate", "email", "secondaryGuardianFirstName",
                   "secondaryGuardianLastName", "secondaryGuardianRelation", "secondaryGuardianPhone",
                   "hasPovertyCard", "povertyCardNumber"}) {
        row[static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), c) - kColumns.begin())].clear();
    }
    FieldErrors errors;
    auto input = input_of_row(row, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_FALSE(input.student_code);  // generated
    EXPECT_FALSE(input.status);        // default, or the stored one
    EXPECT_FALSE(input.enrollment_date);
    EXPECT_FALSE(input.info.email);
    EXPECT_FALSE(input.secondary_guardian);
    EXPECT_FALSE(input.family.has_poverty_card);
    EXPECT_FALSE(input.family.poverty_card_number);
}

TEST(StudentCsv, ReportsEachCellThatIsNotWhatItsColumnNeeds)
{
    struct Case {
        std::string_view column;
        std::string value;
        std::string code;  // empty: accepted
    };
    const Case cases[] = {
        {"dateOfBirth", "15/03/2014", "NOT_A_DATE"},
        {"dateOfBirth", "2014-02-30", "NOT_A_DATE"},
        {"dateOfBirth", "", "REQUIRED"},
        {"graduationDate", "soon", "NOT_A_DATE"},
        {"enrollmentDate", "2026-9-1", "NOT_A_DATE"},
        {"familySize", "4.5", "NOT_A_WHOLE_NUMBER"},
        {"familySize", "four", "NOT_A_WHOLE_NUMBER"},
        {"familySize", "", "REQUIRED"},
        {"monthlyIncome", "1,200", "NOT_A_NUMBER"},
        {"monthlyIncome", "inf", "NOT_A_NUMBER"},
        {"monthlyIncome", "1200.75", ""},
        {"hasPovertyCard", "maybe", "NOT_A_BOOLEAN"},
        {"hasPovertyCard", "YES", ""},
        {"hasPovertyCard", "0", ""},
        {"firstName", "", "REQUIRED"},
        {"primaryGuardianRelation", "", "REQUIRED"},
        {"secondaryGuardianRelation", "", "REQUIRED"},  // the secondary guardian has other cells
    };
    for (const auto& c : cases) {
        auto row = complete_row();
        row[static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), c.column) - kColumns.begin())] =
            c.value;
        FieldErrors errors;
        (void)input_of_row(row, errors);
        if (c.code.empty()) {
            EXPECT_TRUE(errors.empty()) << c.column << "=" << c.value;
            continue;
        }
        ASSERT_EQ(errors.list().size(), 1u) << c.column << "=" << c.value;
        EXPECT_EQ(errors.list()[0].field, c.column);
        EXPECT_EQ(errors.list()[0].code, c.code) << c.column << "=" << c.value;
    }
}

TEST(StudentCsv, AFileRowTakesMissingColumnsFromTheFallback)
{
    Header header;
    header.width = 2;
    header.position[column("firstName")] = 0;
    header.position[column("studentCode")] = 1;
    auto fallback = complete_row();
    auto row = row_of_record(header, std::vector<std::string>{"  Bopha ", "'=X1"}, fallback);
    EXPECT_EQ(row[column("firstName")], "Bopha");  // trimmed
    EXPECT_EQ(row[column("studentCode")], "=X1");  // unshielded
    EXPECT_EQ(row[column("lastName")], "Sok");     // not in the file: the stored value
    auto fresh = row_of_record(header, std::vector<std::string>{"Bopha", ""}, {});
    EXPECT_EQ(fresh[column("lastName")], "");
    EXPECT_TRUE(fits_header(header, std::vector<std::string>{"a", "b", "", " "}));
    EXPECT_FALSE(fits_header(header, std::vector<std::string>{"a"}));
    EXPECT_FALSE(fits_header(header, std::vector<std::string>{"a", "b", "c"}));
}

TEST(StudentCsv, MapsValidationPathsToColumns)
{
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"studentCode", "studentCode"},
        {"studentInfo.dateOfBirth", "dateOfBirth"},
        {"guardianInfo.primaryGuardian.phone", "primaryGuardianPhone"},
        {"guardianInfo.secondaryGuardian.firstName", "secondaryGuardianFirstName"},
        {"familyInfo.povertyCardNumber", "povertyCardNumber"},
    };
    for (const auto& [path, expected] : cases) {
        EXPECT_EQ(column_of_field(path), expected);
        EXPECT_NE(std::find(kColumns.begin(), kColumns.end(), expected), kColumns.end());
    }
}

TEST(StudentCsv, ExportsAStoredRecordAsOneShieldedLine)
{
    StudentRecord record;
    record.student.student_code = "STU-2026-0007";
    record.student.info.first_name = "=cmd";
    record.student.info.last_name = "Sok, Jr.";
    record.student.info.date_of_birth = *parse_date("2014-03-15");
    record.student.info.enrollment_date = *parse_date("2026-09-01");
    record.guardians.push_back(LinkedGuardian{Guardian{1, "Vuthy", "Sok", "012 333 444"}, "father", false});
    record.guardians.push_back(LinkedGuardian{Guardian{2, "Chenda", "Sok", "012 111 222"}, "mother", true});
    std::string out;
    append_student(out, record);
    auto parsed = sala::csv::read_records(out, ',');
    ASSERT_EQ(parsed.records.size(), 1u);
    const auto& cells = parsed.records[0];
    ASSERT_EQ(cells.size(), kColumnCount);
    EXPECT_EQ(cells[column("firstName")], "'=cmd");
    EXPECT_EQ(cells[column("lastName")], "Sok, Jr.");
    EXPECT_EQ(cells[column("primaryGuardianFirstName")], "Chenda");  // the primary one, whatever the order
    EXPECT_EQ(cells[column("secondaryGuardianRelation")], "father");
    EXPECT_EQ(cells[column("familySize")], "");  // no family on record: empty, not 0
    EXPECT_TRUE(header_line().starts_with("studentCode,firstName,lastName,"));
    EXPECT_TRUE(header_line().ends_with(",specialCircumstances\r\n"));
}

}  // namespace
}  // namespace sala::students::csv
