// Real sockets for the e2e tests: an in-process server on port 0 with its own I/O threads, and a
// blocking client that writes raw bytes and reads HTTP responses (with a receive timeout).
#pragma once

#include "http/server.hpp"
#include "support/client.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace sala::test {

class RunningServer {
public:
    RunningServer(http::RequestHandler& handler, http::ServerLimits limits, std::size_t threads = 2);
    ~RunningServer();
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    [[nodiscard]] unsigned short port() const { return port_; }
    [[nodiscard]] http::Server& server() { return *server_; }
    // Starts a graceful shutdown; returns once the server says it is done (or after `timeout`).
    bool shutdown(std::chrono::milliseconds timeout);

private:
    struct Io;
    std::unique_ptr<Io> io_;
    std::unique_ptr<http::Server> server_;
    std::vector<std::thread> threads_;
    unsigned short port_ = 0;
    bool stopped_ = false;
};

struct WireReply {
    Reply reply;
    bool keep_alive = true;
    unsigned version = 11;
};

class WireClient {
public:
    explicit WireClient(unsigned short port);
    ~WireClient();
    WireClient(const WireClient&) = delete;
    WireClient& operator=(const WireClient&) = delete;

    void send(std::string_view bytes);  // throws when the peer has closed
    [[nodiscard]] bool try_send(std::string_view bytes);
    // Reads one response; `head` when it answers a HEAD request (no body follows).
    WireReply read(bool head = false, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // True when the server closes the connection within `within` (EOF or reset, no more bytes).
    bool closed_within(std::chrono::milliseconds within);
    WireReply request(std::string_view method, std::string_view target, std::string_view body = {},
                      std::string_view extra_headers = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sala::test
