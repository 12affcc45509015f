// The HTTP/1.1 server on Boost.Beast: accepting, reading with limits and timeouts, keep-alive,
// writing, and graceful shutdown. It knows nothing of routes; it hands each request to a
// RequestHandler (the Pipeline) and writes back what it gets.
#pragma once

#include "http/message.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace sala::http {

class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    // A fully rendered response: body holds the final bytes and content_type is set.
    virtual boost::asio::awaitable<Response> handle(Request& request) = 0;
    // A rendered error response for a request that failed before it could be handled (bad framing,
    // limits, timeouts). `request` may hold only the headers.
    virtual Response reject(const Request& request, Error error) = 0;
    // The body limit for a request, decided from its headers before the body is read.
    [[nodiscard]] virtual std::size_t body_limit(Method method, std::string_view target) const = 0;
};

struct ServerLimits {
    std::size_t header_limit = 8 * 1024;
    std::chrono::milliseconds read_timeout{30'000};     // from first byte to full request
    std::chrono::milliseconds write_timeout{30'000};
    std::chrono::milliseconds idle_timeout{60'000};     // keep-alive wait for the next request
    std::chrono::milliseconds handler_timeout{30'000};
    std::chrono::milliseconds shutdown_grace{10'000};
    std::size_t max_connections = 10'000;
};

struct Endpoint {
    std::string host;
    std::uint16_t port = 0;
};

class Server {
public:
    // Connections are spread round-robin over `contexts` (one I/O thread each is the fast layout:
    // no lock contention between threads); a single context run by several threads works too.
    // The first context also runs the acceptor.
    Server(std::vector<boost::asio::io_context*> contexts, RequestHandler& handler, ServerLimits limits);
    Server(boost::asio::io_context& io, RequestHandler& handler, ServerLimits limits);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; with port 0 the kernel picks one. Returns the bound address.
    Endpoint listen(const Endpoint& where);
    // Starts accepting on the io_context's threads.
    void start();
    // Graceful stop: no new connections, idle keep-alive connections closed at once, requests in
    // flight finished (their connections then closed) within the grace period. `done` runs when
    // the last connection has gone or the grace period is over.
    void shutdown(std::function<void()> done);

    [[nodiscard]] std::size_t connections() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace sala::http
