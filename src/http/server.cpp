// The only file that includes Beast. One coroutine per connection on its own strand; a new parser
// per request with header and body limits; separate idle, read, write and handler deadlines kept
// by a per-connection watchdog; errors and exceptions end the connection, never the server.
#include "http/server.hpp"

#include "core/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <mutex>
#include <set>
#include <time.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace sala::http {
namespace {

constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);
using SteadyTime = std::chrono::steady_clock::time_point;

// Deadlines need milliseconds, not nanoseconds: the coarse monotonic clock is a fraction of the
// cost of steady_clock::now(), and a request reads it several times.
SteadyTime coarse_now()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return SteadyTime(std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec));
}

// One connection: its socket, what it is doing and until when. Shared by the session coroutine
// and its watchdog, both on the connection's strand, so nothing here needs a lock.
struct Connection {
    explicit Connection(tcp::socket s) : socket(std::move(s)), tick(socket.get_executor()) {}

    enum class Phase { idle, reading, busy, writing, closed };
    tcp::socket socket;
    asio::steady_timer tick;     // the watchdog's clock
    Phase phase = Phase::idle;
    SteadyTime deadline;         // when the current phase has run out of time
    const Request* in_flight = nullptr;
    bool answered_by_watchdog = false;  // the handler overran; the watchdog sent the 503

    void enter(Phase p, std::chrono::milliseconds budget)
    {
        phase = p;
        deadline = coarse_now() + budget;
    }
};

// A request the parser rejected as not HTTP (as opposed to a closed connection or a limit).
bool is_malformed(const beast::error_code& ec)
{
    static const auto& http_category = bhttp::make_error_code(bhttp::error::end_of_stream).category();
    return ec.category() == http_category && ec != bhttp::error::end_of_stream &&
           ec != bhttp::error::partial_message && ec != bhttp::error::body_limit && ec != bhttp::error::header_limit;
}

Request to_request(bhttp::request<bhttp::string_body>&& msg, const std::string& remote)
{
    Request r;
    r.method = parse_method(msg.method_string());
    r.target = std::string(msg.target());
    r.version = msg.version();
    for (const auto& field : msg) {
        r.headers.add(field.name_string(), std::string(field.value()));
    }
    r.body = std::move(msg.body());
    r.remote_address = remote;
    return r;
}

Request headers_only(const bhttp::request_parser<bhttp::string_body>& parser, const std::string& remote)
{
    Request r;
    if (parser.is_header_done()) {
        const auto& msg = parser.get();
        r.method = parse_method(msg.method_string());
        r.target = std::string(msg.target());
        for (const auto& field : msg) {
            r.headers.add(field.name_string(), std::string(field.value()));
        }
    }
    r.remote_address = remote;
    return r;
}

// Header text from our own code, but never trusted to be free of line breaks.
void append_header_text(std::string& out, std::string_view text)
{
    if (text.find_first_of("\r\n") == std::string_view::npos) {
        out.append(text);
        return;
    }
    for (char c : text) {
        out.push_back(c == '\r' || c == '\n' ? ' ' : c);
    }
}

// The status line and headers of a response, serialised once into one buffer.
std::string serialize_head(const Response& response, unsigned version, bool keep_alive, bool head_request)
{
    auto status = static_cast<unsigned>(response.status);
    std::string out;
    out.reserve(384);
    out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += std::to_string(status);
    out += ' ';
    out += bhttp::obsolete_reason(static_cast<bhttp::status>(status));
    out += "\r\n";
    for (const auto& h : response.headers.list()) {
        append_header_text(out, h.name);
        out += ": ";
        append_header_text(out, h.value);
        out += "\r\n";
    }
    if (!response.content_type.empty()) {
        out += "Content-Type: ";
        append_header_text(out, response.content_type);
        out += "\r\n";
    }
    bool bodiless_status = status < 200 || status == 204 || status == 304;
    if (!bodiless_status) {
        out += "Content-Length: ";
        out += std::to_string(response.body.size());
        out += "\r\n";
    }
    if (!keep_alive) {
        out += "Connection: close\r\n";
    } else if (version == 10) {
        out += "Connection: keep-alive\r\n";
    }
    out += "\r\n";
    (void)head_request;  // HEAD: same head (with the GET body's length), no body
    return out;
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Impl> {
    Impl(std::vector<asio::io_context*> contexts_, RequestHandler& handler_, ServerLimits limits_)
        : contexts(std::move(contexts_)),
          io(*contexts.front()),
          handler(handler_),
          limits(limits_),
          acceptor(asio::make_strand(io))
    {
        auto shortest = std::min({limits.read_timeout, limits.write_timeout, limits.idle_timeout, limits.handler_timeout});
        tick = std::clamp(shortest / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
    }

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> run_session(std::shared_ptr<Connection> c);
    asio::awaitable<void> watchdog(std::shared_ptr<Connection> c);
    asio::awaitable<bool> write(Connection& c, const Response& response, Method method, unsigned version,
                                bool keep_alive);
    asio::awaitable<void> close(Connection& c, bool drain);

    asio::io_context& next_context()
    {
        return *contexts[next++ % contexts.size()];
    }

    std::vector<asio::io_context*> contexts;
    std::size_t next = 0;  // touched only by the accept loop
    asio::io_context& io;
    RequestHandler& handler;
    ServerLimits limits;
    std::chrono::milliseconds tick{1000};
    tcp::acceptor acceptor;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex;
    std::set<std::shared_ptr<Connection>> connections;
};

Server::Server(std::vector<asio::io_context*> contexts, RequestHandler& handler, ServerLimits limits)
    : impl_(std::make_shared<Impl>(std::move(contexts), handler, limits))
{
}

Server::Server(asio::io_context& io, RequestHandler& handler, ServerLimits limits)
    : Server(std::vector<asio::io_context*>{&io}, handler, limits)
{
}

Server::~Server() = default;

Endpoint Server::listen(const Endpoint& where)
{
    tcp::resolver resolver(impl_->io);
    auto results = resolver.resolve(where.host, std::to_string(where.port), tcp::resolver::passive);
    tcp::endpoint endpoint = results.begin()->endpoint();
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    auto local = acceptor.local_endpoint();
    return Endpoint{local.address().to_string(), local.port()};
}

void Server::start()
{
    auto impl = impl_;
    asio::co_spawn(impl->acceptor.get_executor(), impl->accept_loop(), [](std::exception_ptr e) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                log::error("accept_loop_failed", {{"error", ex.what()}});
            }
        }
    });
}

std::size_t Server::connections() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->connections.size();
}

void Server::shutdown(std::function<void()> done)
{
    auto impl = impl_;
    impl->stopping = true;
    asio::post(impl->acceptor.get_executor(), [impl] {
        boost::system::error_code ignored;
        impl->acceptor.close(ignored);
    });
    {
        std::lock_guard lock(impl->mutex);
        for (const auto& c : impl->connections) {
            asio::post(c->socket.get_executor(), [c] {
                if (c->phase == Connection::Phase::idle) {
                    boost::system::error_code ignored;
                    c->socket.cancel(ignored);
                }
            });
        }
    }
    // Wait for the connections to finish their requests, up to the grace period.
    asio::co_spawn(
        impl->io,
        [impl, done = std::move(done)]() -> asio::awaitable<void> {
            auto deadline = std::chrono::steady_clock::now() + impl->limits.shutdown_grace;
            asio::steady_timer timer(impl->io);
            for (;;) {
                std::size_t left = 0;
                {
                    std::lock_guard lock(impl->mutex);
                    left = impl->connections.size();
                }
                if (left == 0 || std::chrono::steady_clock::now() >= deadline) {
                    if (left > 0) {
                        log::warn("shutdown_grace_expired", {{"connections", left}});
                    }
                    break;
                }
                timer.expires_after(std::chrono::milliseconds(10));
                co_await timer.async_wait(kAwait);
            }
            done();
        },
        asio::detached);
}

asio::awaitable<void> Server::Impl::accept_loop()
{
    auto self = shared_from_this();
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(next_context()), kAwait);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted || !acceptor.is_open()) {
                co_return;
            }
            log::warn("accept_failed", {{"error", ec.message()}});
            asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
            co_await pause.async_wait(kAwait);
            continue;
        }
        auto connection = std::make_shared<Connection>(std::move(socket));
        {
            std::lock_guard lock(mutex);
            if (connections.size() >= limits.max_connections) {
                boost::system::error_code ignored;
                connection->socket.close(ignored);
                continue;
            }
            connections.insert(connection);
        }
        boost::system::error_code ignored;
        connection->socket.set_option(tcp::no_delay(true), ignored);
        auto log_failure = [](std::exception_ptr e) {
            // A bug in one connection ends that connection only.
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& ex) {
                    log::error("connection_failed", {{"error", ex.what()}});
                }
            }
        };
        auto executor = connection->socket.get_executor();
        asio::co_spawn(executor, watchdog(connection), log_failure);
        asio::co_spawn(executor, run_session(connection), log_failure);
    }
}

asio::awaitable<void> Server::Impl::watchdog(std::shared_ptr<Connection> c)
{
    // Wakes every `tick` and ends whatever phase has overrun its budget: a silent or slow client
    // is disconnected, an overrunning handler is answered with 503 (the handler finishes in the
    // background; its response is dropped).
    for (;;) {
        c->tick.expires_after(tick);
        co_await c->tick.async_wait(kAwait);
        if (c->phase == Connection::Phase::closed) {
            co_return;
        }
        if (coarse_now() < c->deadline) {
            continue;
        }
        if (c->phase == Connection::Phase::busy && c->in_flight != nullptr) {
            c->answered_by_watchdog = true;
            log::warn("handler_timeout", {{"target", c->in_flight->target}});
            auto response = handler.reject(*c->in_flight, make_error(ErrorCode::unavailable, "error.handler_timeout"));
            c->deadline = coarse_now() + limits.write_timeout;
            co_await write(*c, response, c->in_flight->method, c->in_flight->version, false);
            co_await close(*c, false);
            co_return;
        }
        boost::system::error_code ignored;
        c->socket.close(ignored);  // the pending read or write fails; the session ends
        co_return;
    }
}

asio::awaitable<void> Server::Impl::run_session(std::shared_ptr<Connection> c)
{
    auto self = shared_from_this();
    struct Finish {
        Impl& impl;
        std::shared_ptr<Connection> c;
        ~Finish()
        {
            if (!c->answered_by_watchdog) {
                c->phase = Connection::Phase::closed;
            }
            c->tick.cancel();
            std::lock_guard lock(impl.mutex);
            impl.connections.erase(c);
        }
    } finish{*this, c};

    boost::system::error_code ec_remote;
    auto remote_ep = c->socket.remote_endpoint(ec_remote);
    std::string remote = ec_remote ? std::string() : remote_ep.address().to_string();
    beast::flat_buffer buffer;
    for (;;) {
        // Idle: wait for the first byte of the next request (pipelined bytes may already be here).
        c->enter(Connection::Phase::idle, limits.idle_timeout);
        if (stopping) {
            break;
        }
        if (buffer.size() == 0) {
            auto [ec, n] = co_await c->socket.async_read_some(buffer.prepare(4096), kAwait);
            if (ec) {
                break;  // closed by the peer, idle timeout, or shutdown
            }
            buffer.commit(n);
        }

        // Reading: the whole request must arrive within the read budget.
        c->enter(Connection::Phase::reading, limits.read_timeout);
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
        auto [ec_header, n_header] = co_await bhttp::async_read_header(c->socket, buffer, parser, kAwait);
        if (ec_header) {
            if (ec_header == bhttp::error::header_limit) {
                co_await write(*c, handler.reject(headers_only(parser, remote), make_error(ErrorCode::headers_too_large)),
                               Method::get, 11, false);
                co_await close(*c, true);
            } else if (is_malformed(ec_header)) {
                co_await write(*c, handler.reject(headers_only(parser, remote), make_error(ErrorCode::bad_request)),
                               Method::get, 11, false);
                co_await close(*c, true);
            }
            co_return;
        }
        auto& header = parser.get();
        auto method = parse_method(header.method_string());
        bool has_body = parser.content_length().value_or(0) > 0 || parser.chunked();
        std::size_t limit = has_body ? handler.body_limit(method, header.target()) : 0;
        parser.body_limit(limit);
        if (parser.content_length() && *parser.content_length() > limit) {
            co_await write(*c, handler.reject(headers_only(parser, remote), make_error(ErrorCode::payload_too_large)),
                           method, header.version(), false);
            co_await close(*c, true);
            co_return;
        }
        if (has_body && beast::iequals(header[bhttp::field::expect], "100-continue")) {
            static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            auto [ec_continue, n_continue] = co_await asio::async_write(c->socket, asio::buffer(kContinue), kAwait);
            if (ec_continue) {
                co_return;
            }
        }
        auto [ec_body, n_body] = co_await bhttp::async_read(c->socket, buffer, parser, kAwait);
        if (ec_body) {
            if (ec_body == bhttp::error::body_limit) {
                co_await write(*c, handler.reject(headers_only(parser, remote), make_error(ErrorCode::payload_too_large)),
                               method, header.version(), false);
                co_await close(*c, true);
            } else if (is_malformed(ec_body)) {
                co_await write(*c, handler.reject(headers_only(parser, remote), make_error(ErrorCode::bad_request)),
                               method, header.version(), false);
                co_await close(*c, true);
            }
            co_return;  // read timeout (slow client) or the peer went away
        }

        // Busy: the request is in flight and will be answered even during shutdown.
        bool keep_alive = parser.keep_alive();
        unsigned version = parser.get().version();
        Request request = to_request(parser.release(), remote);
        c->in_flight = &request;
        c->enter(Connection::Phase::busy, limits.handler_timeout);
        Response response = co_await handler.handle(request);
        c->in_flight = nullptr;
        if (c->answered_by_watchdog) {
            co_return;  // too late: the client already has its 503 and the watchdog closes
        }
        keep_alive = keep_alive && !stopping;
        c->enter(Connection::Phase::writing, limits.write_timeout);
        if (!co_await write(*c, response, method, version, keep_alive)) {
            co_return;
        }
        if (!keep_alive) {
            break;
        }
    }
    co_await close(*c, false);
}

asio::awaitable<bool> Server::Impl::write(Connection& c, const Response& response, Method method, unsigned version,
                                          bool keep_alive)
{
    std::string head = serialize_head(response, version, keep_alive, method == Method::head);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head),
                                              method == Method::head ? asio::const_buffer() : asio::buffer(response.body)};
    auto [ec, n] = co_await asio::async_write(c.socket, buffers, kAwait);
    co_return !ec;
}

asio::awaitable<void> Server::Impl::close(Connection& c, bool drain)
{
    boost::system::error_code ignored;
    c.socket.shutdown(tcp::socket::shutdown_send, ignored);
    if (drain) {
        // Read and discard what the client is still sending (an oversized body), briefly, so
        // closing does not reset the connection before the client has read our answer.
        c.enter(Connection::Phase::writing, std::chrono::milliseconds(500));
        std::array<char, 16384> sink{};
        std::size_t total = 0;
        while (total < 4 * 1024 * 1024) {
            auto [ec, n] = co_await c.socket.async_read_some(asio::buffer(sink), kAwait);
            if (ec) {
                break;
            }
            total += n;
        }
    }
    c.socket.close(ignored);
}

}  // namespace sala::http
