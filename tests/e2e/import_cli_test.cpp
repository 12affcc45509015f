// `sala import students FILE.csv`: a dry run that reports each bad row and exits non-zero, a real
// run that writes all rows or none, a second run that changes nothing, progress on large files.
#include "school/students/student_csv.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace sala::test {
namespace {

namespace csv = students::csv;

// A data row (no code: generated) with these changes.
std::vector<std::string> row(const std::string& first, const std::map<std::string, std::string>& changes = {})
{
    std::map<std::string, std::string> v{
        {"firstName", first},           {"lastName", "Sok"},
        {"dateOfBirth", "2014-03-15"},  {"gender", "F"},
        {"placeOfBirth", "Battambang"}, {"nationality", "Khmer"},
        {"religion", "Buddhism"},       {"address", "Road 5, \"Green\" house"},
        {"commune", "Svay Por"},        {"district", "Sangkae"},
        {"province", "Battambang"},     {"primaryGuardianFirstName", "Chenda"},
        {"primaryGuardianLastName", "Sok"}, {"primaryGuardianRelation", "mother"},
        {"primaryGuardianPhone", "012 111 222"}, {"familyComposition", "Mother and two children"},
        {"familySize", "3"},            {"monthlyIncome", "120"},
    };
    for (const auto& [k, value] : changes) {
        v[k] = value;
    }
    std::vector<std::string> cells;
    for (auto c : csv::kColumns) {
        cells.push_back(v.count(std::string(c)) ? v.at(std::string(c)) : "");
    }
    return cells;
}

std::string write_file(const TempDir& dir, const std::string& name, const std::vector<std::vector<std::string>>& rows)
{
    std::string text(sala::csv::kBom);
    sala::csv::append_record(text, std::vector<std::string>(csv::kColumns.begin(), csv::kColumns.end()), ';');
    for (const auto& r : rows) {
        sala::csv::append_record(text, r, ';');
    }
    auto path = (dir.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

TEST(ImportCli, ADryRunReportsEachBadRowAndARealRunWritesAllOrNothing)
{
    TempDir dir;
    auto data = (dir.path() / "data").string();
    auto bad = write_file(dir, "bad.csv", {row("Dara"), row("Bopha", {{"dateOfBirth", "2014-13-01"}}),
                                           row("Chan", {{"gender", ""}})});

    auto dry = run_sala({"import", "students", bad, "--dry-run", "--data-dir", data});
    EXPECT_EQ(dry.exit_code, 1) << dry.err;
    EXPECT_EQ(dry.out, "row 2, column dateOfBirth: Must be a date written YYYY-MM-DD.\n"
                       "row 3, column gender: This field is required.\n"
                       "dry run: 3 rows, 2 with errors; 1 to create, 0 to update, 0 unchanged; nothing was written\n");
    EXPECT_EQ(dry.err, "");

    auto real = run_sala({"import", "students", bad, "--data-dir", data});
    EXPECT_EQ(real.exit_code, 1);
    EXPECT_NE(real.out.find("3 rows, 2 with errors; nothing was imported\n"), std::string::npos) << real.out;

    auto good = write_file(dir, "good.csv", {row("Dara"), row("Bopha"), row("Chan")});
    auto checked = run_sala({"import", "students", good, "--dry-run", "--data-dir", data});
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    EXPECT_EQ(checked.out, "dry run: 3 rows; 3 to create, 0 to update, 0 unchanged; nothing was written\n");

    auto imported = run_sala({"import", "students", good, "--data-dir", data});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(imported.out, "imported 3 rows: 3 created, 0 updated, 0 unchanged\n");

    // Rows with codes: a second run of the same file finds them and changes nothing.
    auto coded = write_file(dir, "coded.csv", {row("Sophea", {{"studentCode", "X-1"}})});
    auto first = run_sala({"import", "students", coded, "--data-dir", data});
    EXPECT_EQ(first.out, "imported 1 row: 1 created, 0 updated, 0 unchanged\n") << first.err;
    auto second = run_sala({"import", "students", coded, "--data-dir", data});
    EXPECT_EQ(second.exit_code, 0);
    EXPECT_EQ(second.out, "imported 1 row: 0 created, 0 updated, 1 unchanged\n") << second.err;
}

TEST(ImportCli, AHeaderProblemOrAMissingFileIsOneErrorOnStandardError)
{
    TempDir dir;
    auto data = (dir.path() / "data").string();
    auto path = (dir.path() / "header.csv").string();
    std::ofstream(path) << "firstName,nickname\nDara,D\n";
    auto r = run_sala({"import", "students", path, "--data-dir", data});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.err.starts_with("sala: The header row does not match the documented columns.\n")) << r.err;
    EXPECT_NE(r.err.find("column nickname: This is not one of the documented columns.\n"), std::string::npos);
    EXPECT_NE(r.err.find("column lastName: This column is required.\n"), std::string::npos);
    EXPECT_EQ(r.out, "");

    auto missing = run_sala({"import", "students", (dir.path() / "nope.csv").string(), "--data-dir", data});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_TRUE(missing.err.starts_with("sala: cannot read ")) << missing.err;

    auto khmer = run_sala({"import", "students", path, "--data-dir", data, "--locale", "km"});
    EXPECT_TRUE(khmer.err.starts_with("sala: ជួរក្បាលមិនត្រូវគ្នានឹងជួរឈរដែលបានកំណត់ទេ។\n")) << khmer.err;
}

TEST(ImportCli, LargeFilesShowProgressOnStandardError)
{
    TempDir dir;
    std::vector<std::vector<std::string>> rows(1001, row("Many"));
    auto path = write_file(dir, "large.csv", rows);
    auto r = run_sala({"import", "students", path, "--dry-run", "--data-dir", (dir.path() / "data").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "sala: checked 500 of 1001 rows\nsala: checked 1000 of 1001 rows\nsala: checked 1001 of 1001 rows\n");
    EXPECT_EQ(r.out, "dry run: 1001 rows; 1001 to create, 0 to update, 0 unchanged; nothing was written\n");
}

}  // namespace
}  // namespace sala::test
