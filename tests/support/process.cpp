// See process.hpp. Plain fork/exec with pipes.
#include "support/process.hpp"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace sala::test {
namespace {

std::vector<char*> argv_of(const std::vector<std::string>& args, std::vector<std::string>& storage)
{
    storage.clear();
    storage.emplace_back(SALA_BINARY);
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) {
        argv.push_back(s.data());
    }
    argv.push_back(nullptr);
    return argv;
}

std::string read_all(int fd)
{
    std::string out;
    char buf[4096];
    for (;;) {
        auto n = ::read(fd, buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

int decode_status(int status)
{
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return -1;
}

}  // namespace

ProcessResult run_sala(const std::vector<std::string>& args, const std::string& input,
                       const std::map<std::string, std::string>& env)
{
    int in_pipe[2];
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::vector<std::string> storage;
    auto argv = argv_of(args, storage);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
            ::close(fd);
        }
        for (const auto& [k, v] : env) {
            ::setenv(k.c_str(), v.c_str(), 1);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (!input.empty()) {
        auto written = ::write(in_pipe[1], input.data(), input.size());
        (void)written;
    }
    ::close(in_pipe[1]);
    ProcessResult result;
    std::thread err_reader([&] { result.err = read_all(err_pipe[0]); });
    result.out = read_all(out_pipe[0]);
    err_reader.join();
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = decode_status(status);
    return result;
}

ServerProcess::ServerProcess(const std::vector<std::string>& args)
{
    int out_pipe[2];
    if (::pipe(out_pipe) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::vector<std::string> storage;
    auto argv = argv_of(args, storage);
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out_pipe[1], 1);
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    out_fd_ = out_pipe[0];
    // Read the banner line (the server prints it once it listens).
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{out_fd_, POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char c;
            if (::read(out_fd_, &c, 1) != 1) {
                break;
            }
            line.push_back(c);
        }
    }
    banner_ = line;
    auto at = line.find("http://");
    auto colon = at == std::string::npos ? std::string::npos : line.find(':', at + 7);
    if (colon == std::string::npos) {
        throw std::runtime_error("server did not start: '" + line + "'");
    }
    port_ = static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
}

ServerProcess::~ServerProcess()
{
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) {
        ::close(out_fd_);
    }
}

void ServerProcess::signal(int sig) const
{
    ::kill(pid_, sig);
}

std::optional<int> ServerProcess::wait(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            reaped_ = true;
            return decode_status(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
}

std::string ServerProcess::read_stdout_rest()
{
    return read_all(out_fd_);
}

}  // namespace sala::test
