// `sala demo --students N --seed S` and `serve --demo`: the demo school's one-line summary, the
// same school from the same seed, nothing added by a second run, sizes out of range refused.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <regex>

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
    EXPECT_TRUE(std::regex_match(line, std::regex("demo school: (\\d{4})-(\\d{4}) \\(current\\): 2 semesters, "
                                                  "15 subjects, 12 classes, 18 teachers, 50 students "
                                                  "\\(\\d+ families, \\d+ guardians\\), \\d+ scholarships")))
        << r.out;
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

}  // namespace
}  // namespace sala::test
