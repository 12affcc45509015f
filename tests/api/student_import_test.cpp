// CSV import and export of student records through the API: byte-order mark and delimiters,
// quoting, the header check, dry runs that report every row's errors, all-or-nothing real runs,
// updates by student code, guardians shared by name and phone, the export→import round trip that
// changes nothing, media types, parameters and permissions.
#include "school/students/student_csv.hpp"
#include "school/students/student_import.hpp"
#include "support/test_app.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <map>

namespace sala {
namespace {

namespace bj = boost::json;
namespace csv = students::csv;
using http::Method;
using test::Call;
using test::Reply;
using test::TestApp;

using Fields = std::map<std::string, std::string>;

// A complete row for a new student (no code: one is generated); tests change what they need.
Fields student(const std::string& first, const std::string& last = "Sok")
{
    return {{"firstName", first},
            {"lastName", last},
            {"firstNameKh", "ដារា"},
            {"dateOfBirth", "2014-03-15"},
            {"gender", "M"},
            {"placeOfBirth", "Phnom Penh"},
            {"nationality", "Khmer"},
            {"religion", "Buddhism"},
            {"address", "St. 271, No. 12"},
            {"commune", "Tuol Tumpung"},
            {"district", "Chamkar Mon"},
            {"province", "Phnom Penh"},
            {"medicalConditions", "Asthma"},
            {"bloodType", "O+"},
            {"primaryGuardianFirstName", "Chenda"},
            {"primaryGuardianLastName", last},
            {"primaryGuardianRelation", "mother"},
            {"primaryGuardianPhone", "012 111 222"},
            {"primaryGuardianOccupation", "Nurse"},
            {"familyComposition", "Two parents, two children"},
            {"familySize", "4"},
            {"monthlyIncome", "450.5"},
            {"hasPovertyCard", "false"}};
}

Fields with(Fields f, const Fields& changes)
{
    for (const auto& [k, v] : changes) {
        f[k] = v;
    }
    return f;
}

std::vector<std::string> all_columns()
{
    return {csv::kColumns.begin(), csv::kColumns.end()};
}

// A file with these columns (default: all, in the documented order) and rows.
std::string file_of(const std::vector<Fields>& rows, char delimiter = ',', bool bom = false,
                    const std::vector<std::string>& columns = all_columns())
{
    std::string out = bom ? std::string(sala::csv::kBom) : std::string();
    sala::csv::append_record(out, columns, delimiter);
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (const auto& c : columns) {
            auto it = row.find(c);
            cells.push_back(it == row.end() ? "" : it->second);
        }
        sala::csv::append_record(out, cells, delimiter);
    }
    return out;
}

// A registration through the JSON API, as in students_test.cpp.
bj::object registration(const std::string& first)
{
    auto body = bj::parse(R"({
      "studentInfo": {"firstName": "", "lastName": "Sok", "firstNameKh": "ដារា", "lastNameKh": "សុខ",
        "dateOfBirth": "2014-03-15", "gender": "M", "placeOfBirth": "Phnom Penh", "nationality": "Khmer",
        "religion": "Buddhism", "address": "St. 271, \"Blue house\",\nnear the market", "commune": "Tuol Tumpung",
        "district": "Chamkar Mon", "province": "Phnom Penh", "phoneNumber": "+855 12 345 678",
        "email": "dara@example.com", "emergencyContact": "Sok Chenda", "emergencyPhone": "+855 12 999 888",
        "medicalConditions": "=1+1 is not a formula here", "allergies": "Peanuts", "medications": "Inhaler",
        "bloodType": "O+"},
      "guardianInfo": {
        "primaryGuardian": {"firstName": "Chenda", "lastName": "Sok", "relation": "mother", "phone": "012 111 222",
          "occupation": "Nurse", "email": "chenda@example.com"},
        "secondaryGuardian": {"firstName": "Vuthy", "lastName": "Sok", "relation": "father", "phone": "012 333 444"}},
      "familyInfo": {"familyComposition": "Two parents; two children", "familySize": 4, "monthlyIncome": 450.55,
        "hasPovertyCard": true, "povertyCardNumber": "PC-2291", "specialCircumstances": "Lives with grandmother"}
    })").as_object();
    body["studentInfo"].as_object()["firstName"] = first;
    return body;
}

class StudentImportTest : public ::testing::Test {
protected:
    StudentImportTest()
    {
        t.add_user("admin", "admin");
        admin = t.sign_in("admin");
        t.add_user("teacher", "teacher");
        teacher = t.sign_in("teacher");
    }

    Reply import(const std::string& body, bool dry_run = false, const std::string& content_type = "text/csv",
                 std::vector<std::pair<std::string, std::string>> headers = {})
    {
        headers.emplace_back("Content-Type", content_type);
        return t.as(admin, Call{Method::post, std::string("/api/v1/students/import") + (dry_run ? "?dryRun=true" : ""),
                                body, std::move(headers)});
    }
    Reply export_file(const std::string& query = "format=csv")
    {
        return t.get_as(admin, "/api/v1/students/export?" + query);
    }
    Reply get(const std::string& target) { return t.get_as(admin, target); }
    std::int64_t total(const std::string& path) { return get(path).json.at("pagination").at("total").as_int64(); }
    std::int64_t create(const bj::object& body)
    {
        auto r = t.as(admin, Call{Method::post, "/api/v1/students", bj::serialize(body)});
        EXPECT_EQ(r.status, 201u) << r.body;
        return r.status == 201 ? r.data().at("studentId").as_int64() : 0;
    }
    // Every student by code: their record as the API shows it.
    std::map<std::string, bj::value> students()
    {
        std::map<std::string, bj::value> out;
        auto list = get("/api/v1/students?limit=100");
        for (const auto& s : list.data().as_array()) {
            out[std::string(s.at("studentCode").as_string())] = s;
        }
        return out;
    }
    // Every student's ETag, by code.
    std::map<std::string, std::string> etags()
    {
        std::map<std::string, std::string> out;
        for (const auto& [code, s] : students()) {
            out[code] = get("/api/v1/students/" + std::to_string(s.at("studentId").as_int64())).header("ETag");
        }
        return out;
    }
    static std::int64_t count(const Reply& r, const char* name) { return r.data().at(name).as_int64(); }

    TestApp t;
    test::SignedIn admin;
    test::SignedIn teacher;
};

TEST_F(StudentImportTest, ReadsFilesWithAndWithoutAByteOrderMark)
{
    for (bool bom : {true, false}) {
        auto name = bom ? std::string("Bom") : std::string("Plain");
        auto r = import(file_of({student(name)}, ',', bom));
        ASSERT_EQ(r.status, 200u) << r.body;
        EXPECT_EQ(count(r, "created"), 1);
        EXPECT_TRUE(r.data().at("errors").as_array().empty()) << r.body;
        EXPECT_EQ(total("/api/v1/students?q=" + name), 1) << name;
    }
}

TEST_F(StudentImportTest, ReadsCommaSemicolonAndTabDelimitedFiles)
{
    const std::pair<char, std::string> cases[] = {{',', "Comma"}, {';', "Semicolon"}, {'\t', "Tab"}};
    for (const auto& [delimiter, name] : cases) {
        auto row = with(student(name), {{"placeOfBirth", "Siem Reap, Cambodia; north"}});
        auto r = import(file_of({row}, delimiter));
        ASSERT_EQ(r.status, 200u) << name << ": " << r.body;
        EXPECT_EQ(count(r, "created"), 1) << name << ": " << r.body;
        auto found = get("/api/v1/students?q=" + name).data().at(0);
        EXPECT_EQ(found.at("placeOfBirth"), "Siem Reap, Cambodia; north") << name;
        EXPECT_EQ(found.at("family").at("familySize"), 4) << name;
    }
}

TEST_F(StudentImportTest, KeepsQuotedCommasQuotesLineBreaksAndKhmerText)
{
    // Written by hand, as a spreadsheet would: CRLF records, LF inside a quoted cell.
    auto header = file_of({});
    std::string text = header;
    auto row = student("Sophea");
    row["address"] = "PLACEHOLDER_ADDRESS";
    row["firstNameKh"] = "សុភា";
    row["lastNameKh"] = "សុខ";
    row["specialCircumstances"] = "PLACEHOLDER_NOTE";
    auto line = file_of({row}).substr(header.size());
    line.replace(line.find("PLACEHOLDER_ADDRESS"), 19, "\"St. 271, \"\"Blue house\"\",\nnear the market\"");
    line.replace(line.find("PLACEHOLDER_NOTE"), 16, "\"ជីដូនមើលថែ, \"\"ពិសេស\"\"\"");
    auto r = import(text + line);
    ASSERT_EQ(r.status, 200u) << r.body;
    ASSERT_EQ(count(r, "created"), 1) << r.body;
    auto s = get("/api/v1/students?q=Sophea").data().at(0);
    EXPECT_EQ(s.at("address"), "St. 271, \"Blue house\",\nnear the market");
    EXPECT_EQ(s.at("firstNameKh"), "សុភា");
    EXPECT_EQ(s.at("lastNameKh"), "សុខ");
    EXPECT_EQ(s.at("family").at("specialCircumstances"), "ជីដូនមើលថែ, \"ពិសេស\"");
    std::string khmer;  // "សុភា", percent-encoded
    for (unsigned char c : std::string("សុភា")) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        khmer += {'%', kHex[c >> 4], kHex[c & 15]};
    }
    EXPECT_EQ(total("/api/v1/students?q=" + khmer), 1);  // searchable by the Khmer name too
}

TEST_F(StudentImportTest, AHeaderWithUnknownOrMissingColumnsIsOne422)
{
    auto columns = all_columns();
    std::erase(columns, "firstName");
    columns.emplace_back("nickname");
    auto text = file_of({student("A"), student("B"), student("C")}, ',', false, columns);
    for (bool dry_run : {true, false}) {
        auto r = import(text, dry_run);
        EXPECT_EQ(r.status, 422u) << r.body;
        EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
        EXPECT_EQ(r.json.at("error").at("message"), "The header row does not match the documented columns.");
        auto fields = r.error_fields();
        EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
                  (std::set<std::string>{"firstName", "nickname"}));  // once each, not per row
        EXPECT_EQ(fields.size(), 2u);
    }
    EXPECT_EQ(total("/api/v1/students"), 0);
}

TEST_F(StudentImportTest, AFileThatIsNotUtf8CsvIs422)
{
    const std::pair<std::string, std::string> cases[] = {
        {file_of({with(student("Caf\xE9"), {})}), "The file is not UTF-8 text (line 2); save it as \"CSV UTF-8\"."},
        {"", "The file is empty; it needs a header row naming the columns."},
        {file_of({}) + "\"unclosed,quote\n", "A quoted cell that starts in row 1 is never closed."},
    };
    for (const auto& [text, message] : cases) {
        auto r = import(text, true);
        EXPECT_EQ(r.status, 422u) << r.body;
        EXPECT_EQ(r.json.at("error").at("message").as_string(), message);
    }
}

TEST_F(StudentImportTest, ADryRunReportsEveryRowsErrorsAndWritesNothing)
{
    std::string text = file_of({with(student("Good"), {{"studentCode", "A-1"}}),
                                with(student("BadDate"), {{"dateOfBirth", "15/03/2014"}})});
    text += "\r\n";  // a blank record: skipped, but row numbers stay those of the file
    text += file_of({with(student("Two"), {{"lastName", ""}, {"gender", "X"}}),
                     with(student("Again"), {{"studentCode", "A-1"}})})
                .substr(file_of({}).size());
    auto r = import(text, true);
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto& report = r.data();
    EXPECT_EQ(report.at("dryRun"), true);
    EXPECT_EQ(report.at("rows"), 4);
    EXPECT_EQ(report.at("created"), 1);
    EXPECT_EQ(report.at("updated"), 0);
    EXPECT_EQ(report.at("unchanged"), 0);
    std::vector<std::tuple<std::int64_t, std::string, std::string>> errors;
    for (const auto& e : report.at("errors").as_array()) {
        errors.emplace_back(e.at("row").as_int64(), e.at("column").as_string(), e.at("code").as_string());
        EXPECT_FALSE(std::string(e.at("message").as_string()).starts_with("field.")) << e;  // translated
    }
    decltype(errors) expected{{2, "dateOfBirth", "NOT_A_DATE"},
                              {4, "lastName", "REQUIRED"},
                              {4, "gender", "INVALID_VALUE"},
                              {5, "studentCode", "DUPLICATE_ROW"}};
    EXPECT_EQ(errors, expected) << r.body;
    EXPECT_EQ(report.at("errors").at(0).at("message"), "Must be a date written YYYY-MM-DD.");
    EXPECT_EQ(report.at("errors").at(3).at("message"), "Row 1 has the same student code.");

    auto km = import(text, true, "text/csv", {{"Accept-Language", "km"}});
    EXPECT_EQ(km.data().at("errors").at(0).at("message"), "ត្រូវតែជាកាលបរិច្ឆេទដែលសរសេរជា YYYY-MM-DD។");

    EXPECT_EQ(total("/api/v1/students"), 0);
    EXPECT_EQ(total("/api/v1/guardians"), 0);
}

TEST_F(StudentImportTest, ARowWithMoreOrFewerCellsThanTheHeaderIsReported)
{
    auto text = file_of({student("Ok")});
    text += "too,few\r\n";
    auto r = import(text, true);
    ASSERT_EQ(r.status, 200u) << r.body;
    ASSERT_EQ(r.data().at("errors").as_array().size(), 1u) << r.body;
    const auto& e = r.data().at("errors").at(0);
    EXPECT_EQ(e.at("row"), 2);
    EXPECT_EQ(e.at("column"), "");
    EXPECT_EQ(e.at("code"), "WRONG_CELL_COUNT");
    EXPECT_EQ(e.at("message"), "This row has 2 cells; the header has 45.");
}

TEST_F(StudentImportTest, ARealRunWithOneBadRowWritesNothing)
{
    auto text = file_of({student("First"), with(student("Bad"), {{"monthlyIncome", "lots"}}), student("Third")});
    auto r = import(text);
    EXPECT_EQ(r.status, 422u) << r.body;
    EXPECT_EQ(r.error_code(), "VALIDATION_ERROR");
    EXPECT_EQ(r.json.at("error").at("message"), "1 of 3 rows have errors; nothing was imported.");
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"rows[2].monthlyIncome"});
    EXPECT_EQ(total("/api/v1/students"), 0);
    EXPECT_EQ(total("/api/v1/guardians"), 0);
    // Nothing was written, so the next registration still gets the first code.
    EXPECT_EQ(get("/api/v1/students/next-id").data().at("studentCode"), "STU-2026-0001");
}

TEST_F(StudentImportTest, ACleanRunCreatesStudentsWithGeneratedCodes)
{
    // Row 1 has no code; row 2 asks for the code the generator would give first.
    auto r = import(file_of({student("Ana"), with(student("Bora"), {{"studentCode", "STU-2026-0001"}}),
                             student("Chan")}));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.data().at("dryRun"), false);
    EXPECT_EQ(count(r, "rows"), 3);
    EXPECT_EQ(count(r, "created"), 3);
    auto all = students();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all.at("STU-2026-0001").at("firstName"), "Bora");
    EXPECT_EQ(all.at("STU-2026-0002").at("firstName"), "Ana");
    EXPECT_EQ(all.at("STU-2026-0003").at("firstName"), "Chan");
    EXPECT_EQ(all.at("STU-2026-0002").at("enrollmentDate"), "2026-09-01");  // today, when not given
    EXPECT_EQ(all.at("STU-2026-0002").at("status"), "active");
}

TEST_F(StudentImportTest, ASecondImportUpdatesOrSkipsInsteadOfDuplicating)
{
    auto first = with(student("Dara"), {{"studentCode", "A-1"}});
    auto second = with(student("Bopha", "Chan"), {{"studentCode", "A-2"}});
    auto r = import(file_of({first, second}));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(count(r, "created"), 2);
    auto before = etags();

    auto again = import(file_of({first, second}));
    ASSERT_EQ(again.status, 200u) << again.body;
    EXPECT_EQ(count(again, "created"), 0);
    EXPECT_EQ(count(again, "updated"), 0);
    EXPECT_EQ(count(again, "unchanged"), 2);
    EXPECT_EQ(etags(), before);

    auto changed = import(file_of({first, with(second, {{"status", "transferred"}})}));
    ASSERT_EQ(changed.status, 200u) << changed.body;
    EXPECT_EQ(count(changed, "updated"), 1);
    EXPECT_EQ(count(changed, "unchanged"), 1);
    auto after = etags();
    EXPECT_EQ(after.size(), 2u);
    EXPECT_EQ(after.at("A-1"), before.at("A-1"));
    EXPECT_NE(after.at("A-2"), before.at("A-2"));
    EXPECT_EQ(students().at("A-2").at("status"), "transferred");
    EXPECT_EQ(total("/api/v1/students"), 2);
}

TEST_F(StudentImportTest, ColumnsLeftOutOfTheFileKeepTheStoredValues)
{
    ASSERT_EQ(import(file_of({with(student("Dara"), {{"studentCode", "A-1"}, {"allergies", "Peanuts"}})})).status,
              200u);
    std::vector<std::string> columns;
    for (auto c : csv::kColumns) {
        if (csv::is_required_column(c) || c == "studentCode") {
            columns.emplace_back(c);
        }
    }
    auto renamed = with(student("Dara"), {{"studentCode", "A-1"}, {"placeOfBirth", "Kampot"}});
    auto r = import(file_of({renamed}, ',', false, columns));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(count(r, "updated"), 1);
    auto s = students().at("A-1");
    EXPECT_EQ(s.at("placeOfBirth"), "Kampot");
    EXPECT_EQ(s.at("allergies"), "Peanuts");  // not in the file: kept
    EXPECT_EQ(s.at("guardians").at(0).at("occupation"), "Nurse");
}

TEST_F(StudentImportTest, SiblingRowsShareOneGuardian)
{
    auto r = import(file_of({with(student("Dara"), {{"secondaryGuardianFirstName", "Vuthy"},
                                                     {"secondaryGuardianLastName", "Sok"},
                                                     {"secondaryGuardianRelation", "father"},
                                                     {"secondaryGuardianPhone", "012 333 444"}}),
                             with(student("Bopha"), {{"primaryGuardianOccupation", ""}})}));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(total("/api/v1/guardians"), 2);  // the mother once, the father
    auto all = students();
    auto dara = all.at("STU-2026-0001");
    auto bopha = all.at("STU-2026-0002");
    EXPECT_EQ(dara.at("guardians").at(0).at("guardianId"), bopha.at("guardians").at(0).at("guardianId"));
    // The sibling's row left the occupation empty: the mother keeps hers.
    EXPECT_EQ(bopha.at("guardians").at(0).at("occupation"), "Nurse");
}

TEST_F(StudentImportTest, ANewSiblingSharesTheGuardianOfAStudentTheFileUpdates)
{
    create(registration("Dara"));
    auto exported = export_file();
    ASSERT_EQ(exported.status, 200u);
    auto before = etags();
    auto guardians = total("/api/v1/guardians");
    // The exported row as it is, plus a new sibling with the same mother (occupation left empty).
    auto sibling = with(student("Bopha"), {{"primaryGuardianOccupation", ""}});
    auto r = import(exported.body + file_of({sibling}).substr(file_of({}).size()));
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(count(r, "created"), 1);
    EXPECT_EQ(count(r, "unchanged"), 1);
    EXPECT_EQ(total("/api/v1/guardians"), guardians);
    auto all = students();
    EXPECT_EQ(all.at("STU-2026-0001").at("guardians").at(0).at("guardianId"),
              all.at("STU-2026-0002").at("guardians").at(0).at("guardianId"));
    EXPECT_EQ(etags().at("STU-2026-0001"), before.at("STU-2026-0001"));
}

TEST_F(StudentImportTest, ExportThenImportChangesNothing)
{
    auto dara = create(registration("Dara"));
    // A sibling linked to the same two guardians.
    auto sibling = registration("Bopha");
    auto dara_record = get("/api/v1/students/" + std::to_string(dara)).data();
    sibling["guardianInfo"] = bj::object{
        {"primaryGuardian", {{"guardianId", dara_record.at("guardians").at(0).at("guardianId")}, {"relation", "mother"}}},
        {"secondaryGuardian",
         {{"guardianId", dara_record.at("guardians").at(1).at("guardianId")}, {"relation", "father"}}}};
    create(sibling);
    // The least a record can have, graduated.
    auto minimal = registration("Mina");
    auto& info = minimal["studentInfo"].as_object();
    for (auto field : {"firstNameKh", "lastNameKh", "phoneNumber", "email", "emergencyContact", "emergencyPhone",
                       "medicalConditions", "allergies", "medications", "bloodType"}) {
        info.erase(field);
    }
    info["status"] = "graduated";
    info["enrollmentDate"] = "2020-09-01";
    info["graduationDate"] = "2026-06-30";
    minimal["guardianInfo"].as_object().erase("secondaryGuardian");
    minimal["familyInfo"] = bj::object{{"familyComposition", "Mother"}, {"familySize", 2}, {"monthlyIncome", 0},
                                       {"hasPovertyCard", false}};
    minimal["studentCode"] = "=HYPERLINK(1)";
    ASSERT_EQ(t.as(admin, Call{Method::post, "/api/v1/students", bj::serialize(minimal)}).status, 422u);
    minimal["studentCode"] = "-M-1";  // a code a spreadsheet would take for a formula
    create(minimal);

    auto before = etags();
    auto guardians = total("/api/v1/guardians");
    auto exported = export_file();
    ASSERT_EQ(exported.status, 200u) << exported.body;

    for (bool dry_run : {true, false}) {
        auto r = import(exported.body, dry_run);
        ASSERT_EQ(r.status, 200u) << r.body;
        EXPECT_EQ(count(r, "rows"), 3);
        EXPECT_EQ(count(r, "unchanged"), 3) << r.body;
        EXPECT_EQ(count(r, "created"), 0);
        EXPECT_EQ(count(r, "updated"), 0);
        EXPECT_TRUE(r.data().at("errors").as_array().empty()) << r.body;
    }
    EXPECT_EQ(etags(), before);
    EXPECT_EQ(total("/api/v1/guardians"), guardians);
    EXPECT_EQ(export_file().body, exported.body);
}

TEST_F(StudentImportTest, TheExportIsACsvAttachmentWithABomAndTheDocumentedHeader)
{
    auto b = registration("Bora");
    b["studentCode"] = "B-2";
    create(b);
    auto a = registration("Ana");
    a["studentCode"] = "A-1";
    a["studentInfo"].as_object()["status"] = "graduated";
    a["studentInfo"].as_object()["enrollmentDate"] = "2020-09-01";
    a["studentInfo"].as_object()["graduationDate"] = "2026-06-30";
    create(a);

    auto r = export_file();
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(r.header("Content-Disposition"), "attachment; filename=\"students.csv\"");
    ASSERT_TRUE(r.body.starts_with(sala::csv::kBom));
    std::string header;
    for (auto c : csv::kColumns) {
        header += (header.empty() ? "" : ",") + std::string(c);
    }
    auto body = r.body.substr(sala::csv::kBom.size());
    EXPECT_TRUE(body.starts_with(header + "\r\n")) << body;
    auto parsed = sala::csv::read_records(body, ',');
    ASSERT_EQ(parsed.records.size(), 3u);
    EXPECT_EQ(parsed.records[1][0], "A-1");  // ordered by student code
    EXPECT_EQ(parsed.records[2][0], "B-2");
    EXPECT_EQ(parsed.records[1][csv::column("monthlyIncome")], "450.55");
    EXPECT_EQ(parsed.records[1][csv::column("medicalConditions")], "'=1+1 is not a formula here");

    auto graduated = export_file("format=csv&status=graduated");
    ASSERT_EQ(graduated.status, 200u);
    EXPECT_EQ(sala::csv::read_records(sala::csv::strip_bom(graduated.body), ',').records.size(), 2u);
}

TEST_F(StudentImportTest, FormatMustBeCsvOrXlsx)
{
    EXPECT_EQ(export_file("format=xml").status, 400u);
    EXPECT_EQ(export_file("format=xml").error_code(), "BAD_REQUEST");
    EXPECT_EQ(export_file("").status, 400u);
    EXPECT_EQ(export_file("format=csv&status=asleep").status, 400u);
    EXPECT_EQ(t.as(admin, Call{Method::post, "/api/v1/students/import?dryRun=maybe", file_of({}),
                               {{"Content-Type", "text/csv"}}})
                  .status,
              400u);
}

TEST_F(StudentImportTest, TheImportTakesOnlyUtf8Csv)
{
    auto text = file_of({student("Dara")});
    for (const std::string type : {"application/json", "text/plain", "text/csv; charset=windows-1252"}) {
        auto r = import(text, false, type);
        EXPECT_EQ(r.status, 415u) << type << ": " << r.body;
        EXPECT_EQ(r.error_code(), "UNSUPPORTED_MEDIA_TYPE");
    }
    EXPECT_EQ(import(text, true, "text/csv; charset=UTF-8").status, 200u);
    EXPECT_EQ(import(text, true, "Text/CSV").status, 200u);
    EXPECT_EQ(total("/api/v1/students"), 0);
}

TEST_F(StudentImportTest, TheImportMayBeAsLargeAsAnUpload)
{
    const auto& config = t.app().config();
    EXPECT_EQ(t.app().pipeline().body_limit(Method::post, "/api/v1/students/import?dryRun=true"), config.upload_limit);
    EXPECT_EQ(t.app().pipeline().body_limit(Method::post, "/api/v1/students"), config.json_body_limit);
}

TEST_F(StudentImportTest, OnlyAdminsAndKeysWithTheScopeMayImportOrExport)
{
    auto text = file_of({student("Dara")});
    auto as_teacher = t.as(teacher, Call{Method::post, "/api/v1/students/import", text, {{"Content-Type", "text/csv"}}});
    EXPECT_EQ(as_teacher.status, 403u);
    EXPECT_EQ(t.get_as(teacher, "/api/v1/students/export?format=csv").status, 403u);
    EXPECT_EQ(t.call(Call{Method::post, "/api/v1/students/import", text, {{"Content-Type", "text/csv"}}}).status, 401u);
    EXPECT_EQ(t.get("/api/v1/students/export?format=csv").status, 401u);
    EXPECT_EQ(total("/api/v1/students"), 0);

    auto made = t.as(admin, Call{Method::post, "/api/v1/api-keys", R"({"name":"sis","scopes":["students:bulk"]})"});
    ASSERT_EQ(made.status, 201u) << made.body;
    std::string key(made.data().at("key").as_string());
    auto exported = t.call(Call{Method::get, "/api/v1/students/export?format=csv", {}, {{"X-API-Key", key}}});
    EXPECT_EQ(exported.status, 200u) << exported.body;
    auto imported = t.call(
        Call{Method::post, "/api/v1/students/import", text, {{"Content-Type", "text/csv"}, {"X-API-Key", key}}});
    EXPECT_EQ(imported.status, 200u) << imported.body;
}

TEST_F(StudentImportTest, TheActivityLogKeepsTheCountsNotTheData)
{
    ASSERT_EQ(import(file_of({student("Dara"), student("Bopha")})).status, 200u);
    auto log = get("/api/v1/activity-logs?action=students.import");
    ASSERT_EQ(log.status, 200u) << log.body;
    ASSERT_EQ(log.data().as_array().size(), 1u) << log.body;
    const auto& details = log.data().at(0).at("details");
    EXPECT_EQ(details.at("dryRun"), false);
    EXPECT_EQ(details.at("rows"), 2);
    EXPECT_EQ(details.at("created"), 2);
    EXPECT_EQ(details.at("errors"), 0);
    EXPECT_EQ(log.body.find("Bopha"), std::string::npos);
}

TEST_F(StudentImportTest, LargeFilesReportProgress)
{
    std::vector<Fields> rows(1001, student("Many"));
    students::StudentImport importer(t.app().database(), t.app().students(), t.clock());
    std::vector<std::pair<std::string, std::size_t>> calls;
    students::ImportOptions options;
    options.dry_run = true;
    options.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 1001u);
        calls.emplace_back(stage, done);
    };
    auto report = importer.run(file_of(rows), options);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->created, 1001u);
    EXPECT_EQ(calls, (std::vector<std::pair<std::string, std::size_t>>{
                         {"checked", 500}, {"checked", 1000}, {"checked", 1001}}));
}

}  // namespace
}  // namespace sala
