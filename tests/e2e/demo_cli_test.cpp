// `sala demo --students N --seed S` and `serve --demo`: the demo school's one-line summary, the
// same school from the same seed, nothing added by a second run, sizes out of range refused, and
// the term's grades and registers served, dated within the school year and never after today
// (before the year begins: within its first six weeks).
#include "core/time.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/wire.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>

namespace sala::test {
namespace {

using namespace std::chrono_literals;

std::string school_line(const std::string& out)
{
    std::smatch m;
    return std::regex_search(out, m, std::regex("demo school: [^\n]*")) ? m.str() : std::string();
}

TEST(DemoCli, CreatesTheDemoSchoolOnceAndPrintsItsSummary)
{
    TempDir dir;
    auto r = run_sala({"demo", "--students", "50", "--seed", "7", "--data-dir", dir.str()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("demo admin: username admin  password [A-Za-z0-9]{20}\n")));
    EXPECT_TRUE(std::regex_search(r.out, std::regex("demo teacher: username teacher  password [A-Za-z0-9]{20}\n")));
    auto line = school_line(r.out);
    std::smatch counts;
    EXPECT_TRUE(std::regex_match(line, counts,
                                 std::regex("demo school: (\\d{4})-(\\d{4}) \\(current\\): 2 semesters, "
                                            "15 subjects, 12 classes, 18 teachers, 50 students "
                                            "\\(\\d+ families, \\d+ guardians\\), \\d+ scholarships, "
                                            "(\\d+) grades, (\\d+) attendance marks")))
        << r.out;
    if (counts.size() == 5) {
        EXPECT_GT(std::stoll(counts[3]), 0) << line;
        EXPECT_GT(std::stoll(counts[4]), 0) << line;
    }
    EXPECT_TRUE(r.err.empty()) << r.err;  // no progress lines for a small school

    auto again = run_sala({"demo", "--students", "50", "--seed", "7", "--data-dir", dir.str()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(school_line(again.out), "demo school: not created: the database already has a school year");

    TempDir other;
    auto same_seed = run_sala({"demo", "--students", "50", "--seed", "7", "--data-dir", other.str()});
    EXPECT_EQ(school_line(same_seed.out), line);
}

TEST(DemoCli, StudentsOutOfRangeAreRefused)
{
    TempDir dir;
    for (const auto& n : {"-1", "100001", "many"}) {
        auto r = run_sala({"demo", "--students", n, "--data-dir", dir.str()});
        EXPECT_EQ(r.exit_code, 2) << n;
        EXPECT_TRUE(r.err.starts_with("sala: ")) << r.err;
    }
    auto none = run_sala({"demo", "--students", "0", "--data-dir", dir.str()});
    EXPECT_EQ(none.exit_code, 0) << none.err;
    EXPECT_EQ(school_line(none.out), "");
}

TEST(DemoCli, ServeDemoCreatesTheDemoSchoolBeforeListening)
{
    TempDir dir;
    ServerProcess server({"serve", "--listen", "127.0.0.1:0", "--data-dir", dir.str(), "--demo", "--demo-students",
                          "30", "--demo-seed", "3", "--log-level", "warn"});
    server.signal(SIGINT);
    ASSERT_EQ(server.wait(10s), 0);
    auto rest = server.read_stdout_rest();
    EXPECT_TRUE(std::regex_search(rest, std::regex("  demo school: \\d{4}-\\d{4} \\(current\\): .*, 30 students")))
        << rest;
}

// The first and last dates of what a list holds, sorted on `field`, as the demo admin sees it.
std::pair<std::string, std::string> date_range(WireClient& client, const std::string& auth, const std::string& path,
                                               const std::string& field)
{
    auto first = client.request("GET", path + "?limit=1&sort=" + field, {}, auth).reply;
    auto last = client.request("GET", path + "?limit=1&sort=-" + field, {}, auth).reply;
    EXPECT_EQ(first.status, 200u) << first.body;
    if (first.status != 200u || first.data().as_array().empty() || last.data().as_array().empty()) {
        ADD_FAILURE() << path << " is empty";
        return {};
    }
    return {std::string(first.data().at(0).at(field).as_string()),
            std::string(last.data().at(0).at(field).as_string())};
}

TEST(DemoCli, TheServedDemoHasGradesAndRegistersWithinTheYearAndNotInTheFuture)
{
    TempDir dir;
    ServerProcess server({"serve", "--listen", "127.0.0.1:0", "--data-dir", dir.str(), "--demo", "--demo-students",
                          "30", "--log-level", "warn"});
    std::ifstream credentials(dir.path() / "demo-credentials");
    std::string line, user, password;
    while (std::getline(credentials, line)) {
        std::istringstream(line) >> user >> password;
        if (user == "admin") {
            break;
        }
    }
    WireClient client(server.port());
    auto login =
        client.request("POST", "/api/v1/auth/login", R"({"username":"admin","password":")" + password + R"("})").reply;
    ASSERT_EQ(login.status, 200u) << login.body;
    auto auth = "Authorization: Bearer " + std::string(login.data().at("accessToken").as_string()) + "\r\n";
    auto years = client.request("GET", "/api/v1/school-years", {}, auth).reply;
    ASSERT_EQ(years.status, 200u) << years.body;
    auto start = *parse_date(years.data().at(0).at("startDate").as_string());
    auto today = to_date(std::chrono::system_clock::now());
    // Made before the year begins, the demo shows its first six weeks.
    auto latest = format_date(today >= start ? today : start + std::chrono::days(41));

    auto [first_mark, last_mark] = date_range(client, auth, "/api/v1/attendance", "attendanceDate");
    EXPECT_GE(first_mark, format_date(start));
    EXPECT_LE(last_mark, latest);
    auto [first_grade, last_grade] = date_range(client, auth, "/api/v1/grades", "gradeDate");
    EXPECT_GE(first_grade, format_date(start));
    EXPECT_LE(last_grade, latest);

    server.signal(SIGINT);
    EXPECT_EQ(server.wait(10s), 0);
}

}  // namespace
}  // namespace sala::test
