// Runs the real `sala` binary as a child process: arguments, environment, stdin, captured output,
// signals and exit status, for the tests that only a separate process can show.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sala::test {

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs to completion.
ProcessResult run_sala(const std::vector<std::string>& args, const std::string& input = {},
                       const std::map<std::string, std::string>& env = {});

// A running `sala serve`; stops it (SIGKILL) if the test did not.
class ServerProcess {
public:
    explicit ServerProcess(const std::vector<std::string>& args);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // The first stdout line ("Sala … is listening on http://127.0.0.1:PORT/ …") gives the port.
    [[nodiscard]] unsigned short port() const { return port_; }
    [[nodiscard]] const std::string& banner() const { return banner_; }
    void signal(int sig) const;
    // Waits for the exit; nullopt on timeout. Returns the exit code (128+signal when killed).
    std::optional<int> wait(std::chrono::milliseconds timeout);
    std::string read_stdout_rest();  // after exit

private:
    int pid_ = -1;
    int out_fd_ = -1;
    unsigned short port_ = 0;
    std::string banner_;
    bool reaped_ = false;
};

}  // namespace sala::test
