// The `sala` binary itself: a signal during a request, one-line errors, flags over environment,
// account creation from the command line, the demo accounts.
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/wire.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <thread>

namespace sala::test {
namespace {

using namespace std::chrono_literals;

std::size_t line_count(const std::string& s)
{
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(Process, SigtermWhileARequestIsInFlightFinishesItAndExitsZero)
{
    TempDir dir;
    ServerProcess server({"serve", "--listen", "127.0.0.1:0", "--data-dir", dir.str(), "--demo", "--log-level",
                          "warn", "--shutdown-grace", "5s"});
    EXPECT_NE(server.banner().find("is listening on http://127.0.0.1:"), std::string::npos);

    WireClient idle(server.port());
    EXPECT_EQ(idle.request("GET", "/healthz").reply.status, 200u);

    WireClient inflight(server.port());
    inflight.send("GET /readyz HTTP/1.1\r\nHost: t\r\n");  // the request has started arriving…
    std::this_thread::sleep_for(100ms);
    server.signal(SIGTERM);
    std::this_thread::sleep_for(200ms);
    EXPECT_TRUE(idle.closed_within(2s));        // idle keep-alive connections go at once
    inflight.send("Accept: application/json\r\n\r\n");  // …and is completed after the signal
    auto r = inflight.read();
    EXPECT_EQ(r.reply.status, 200u);
    EXPECT_EQ(r.reply.data().at("status"), "ready");
    EXPECT_FALSE(r.keep_alive);

    auto code = server.wait(10s);
    ASSERT_TRUE(code.has_value()) << "server did not exit";
    EXPECT_EQ(*code, 0);
}

TEST(Process, ServeDemoPrintsTheUrlAndTheCredentials)
{
    TempDir dir;
    ServerProcess server({"serve", "--listen", "127.0.0.1:0", "--data-dir", dir.str(), "--demo"});
    server.signal(SIGINT);
    ASSERT_EQ(server.wait(10s), 0);
    auto rest = server.read_stdout_rest();
    EXPECT_TRUE(std::regex_search(rest, std::regex("demo admin: username admin  password [A-Za-z0-9]{20}"))) << rest;
    EXPECT_TRUE(std::regex_search(rest, std::regex("demo teacher: username teacher  password [A-Za-z0-9]{20}")));
    auto perms = std::filesystem::status(dir.path() / "demo-credentials").permissions();
    EXPECT_EQ(perms, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto data_perms = std::filesystem::status(dir.path()).permissions();
    EXPECT_EQ(data_perms, std::filesystem::perms::owner_all);
}

TEST(Process, BadFlagsGiveOneLineAndExitTwo)
{
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"serve", "--no-such-flag"},
             {"serve", "--threads", "zero"},
             {"serve", "--locale", "fr"},
             {"user", "add", "--username", "x"},
             {"frobnicate"},
             {}}) {
        auto r = run_sala(args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
        EXPECT_TRUE(r.err.starts_with("sala: ")) << r.err;
        EXPECT_EQ(r.err.find("terminate"), std::string::npos);
    }
    TempDir dir;
    auto listen = run_sala({"serve", "--data-dir", dir.str(), "--listen", "127.0.0.1:99999"});
    EXPECT_EQ(listen.exit_code, 1);
    EXPECT_EQ(line_count(listen.err), 1u) << listen.err;
}

TEST(Process, UnreachableDatabaseGivesOneLineAndExitOne)
{
    TempDir dir;
    for (const auto& cmd : std::vector<std::string>{"migrate", "demo", "serve"}) {
        auto r = run_sala({cmd, "--data-dir", dir.str(), "--database", "postgresql://sala@127.0.0.1:1/sala?connect_timeout=2"});
        EXPECT_EQ(r.exit_code, 1) << cmd;
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find("cannot connect to PostgreSQL"), std::string::npos) << r.err;
    }
}

TEST(Process, FlagsOverrideEnvironmentWhichOverridesDefaults)
{
    TempDir env_dir;
    TempDir flag_dir;
    auto from_env = run_sala({"migrate"}, {}, {{"SALA_DATA_DIR", env_dir.str()}});
    EXPECT_EQ(from_env.exit_code, 0) << from_env.err;
    EXPECT_NE(from_env.out.find("sqlite:" + env_dir.str() + "/sala.db"), std::string::npos) << from_env.out;

    auto from_flag = run_sala({"migrate", "--data-dir", flag_dir.str()}, {}, {{"SALA_DATA_DIR", env_dir.str()}});
    EXPECT_EQ(from_flag.exit_code, 0);
    EXPECT_NE(from_flag.out.find("sqlite:" + flag_dir.str() + "/sala.db"), std::string::npos) << from_flag.out;

    auto bad_env = run_sala({"migrate", "--data-dir", flag_dir.str()}, {}, {{"SALA_LOG_LEVEL", "loud"}});
    EXPECT_EQ(bad_env.exit_code, 2);
}

TEST(Process, UserAddGeneratesOrReadsThePassword)
{
    TempDir dir;
    auto generated = run_sala({"user", "add", "--username", "sokha", "--role", "teacher", "--data-dir", dir.str()});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(generated.out, m, std::regex("password: ([A-Za-z0-9]{20})\n"))) << generated.out;

    auto again = run_sala({"user", "add", "--username", "SOKHA", "--role", "admin", "--data-dir", dir.str()});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_EQ(line_count(again.err), 1u);
    EXPECT_NE(again.err.find("username"), std::string::npos) << again.err;

    auto weak = run_sala({"user", "add", "--username", "dara", "--role", "admin", "--password-stdin", "--data-dir",
                          dir.str()},
                         "short\n");
    EXPECT_EQ(weak.exit_code, 1);
    EXPECT_NE(weak.err.find("at least 12"), std::string::npos) << weak.err;

    auto given = run_sala({"user", "add", "--username", "dara", "--role", "admin", "--password-stdin", "--data-dir",
                           dir.str()},
                          "a long enough passphrase\n");
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_EQ(given.out.find("password"), std::string::npos);  // nothing to show: the user chose it
}

TEST(Process, DemoKeepsTheSameCredentialsAcrossRuns)
{
    TempDir dir;
    // Accounts only (no demo school), so each run prints just the credentials.
    auto first = run_sala({"demo", "--students", "0", "--data-dir", dir.str()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    auto second = run_sala({"demo", "--students", "0", "--data-dir", dir.str()});
    EXPECT_EQ(second.out, first.out);
    // A lost credentials file gives new passwords instead of unusable accounts.
    std::filesystem::remove(dir.path() / "demo-credentials");
    auto third = run_sala({"demo", "--students", "0", "--data-dir", dir.str()});
    EXPECT_EQ(third.exit_code, 0);
    EXPECT_NE(third.out, first.out);
}

}  // namespace
}  // namespace sala::test
