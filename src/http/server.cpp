// The only file that includes Beast. One coroutine per connection on its own strand; a new parser
// per request with header and body limits; separate idle, read, write and handler deadlines;
// errors and exceptions end the connection, never the server.
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
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <mutex>
#include <set>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace sala::http {
namespace {

constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

// What the shutdown logic needs to know about a live connection; touched only on its strand.
struct SessionState {
    enum class Phase { idle, reading, busy } phase = Phase::idle;
    beast::tcp_stream* stream = nullptr;
    asio::any_io_executor executor;
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

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Impl> {
    Impl(asio::io_context& io_, RequestHandler& handler_, ServerLimits limits_)
        : io(io_), handler(handler_), limits(limits_), acceptor(asio::make_strand(io_))
    {
    }

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> run_session(tcp::socket socket);
    struct Answer {
        Response response;
        bool close = false;  // the handler overran its deadline: answer, then close the connection
    };
    asio::awaitable<Answer> call_handler(Request request);
    asio::awaitable<bool> write(beast::tcp_stream& stream, Response response, Method method, unsigned version,
                                bool keep_alive);
    asio::awaitable<void> close(beast::tcp_stream& stream, bool drain);

    asio::io_context& io;
    RequestHandler& handler;
    ServerLimits limits;
    tcp::acceptor acceptor;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex;
    std::set<std::shared_ptr<SessionState>> sessions;
};

Server::Server(asio::io_context& io, RequestHandler& handler, ServerLimits limits)
    : impl_(std::make_shared<Impl>(io, handler, limits))
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
    return impl_->sessions.size();
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
        for (const auto& s : impl->sessions) {
            asio::post(s->executor, [s] {
                if (s->phase == SessionState::Phase::idle && s->stream != nullptr) {
                    s->stream->cancel();
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
                    left = impl->sessions.size();
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
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kAwait);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted || !acceptor.is_open()) {
                co_return;
            }
            log::warn("accept_failed", {{"error", ec.message()}});
            asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
            co_await pause.async_wait(kAwait);
            continue;
        }
        {
            std::lock_guard lock(mutex);
            if (sessions.size() >= limits.max_connections) {
                boost::system::error_code ignored;
                socket.close(ignored);
                continue;
            }
        }
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        auto executor = socket.get_executor();
        asio::co_spawn(executor, run_session(std::move(socket)), [](std::exception_ptr e) {
            // A bug in one connection ends that connection only.
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& ex) {
                    log::error("connection_failed", {{"error", ex.what()}});
                }
            }
        });
    }
}

asio::awaitable<void> Server::Impl::run_session(tcp::socket socket)
{
    auto self = shared_from_this();
    boost::system::error_code ec_remote;
    auto remote_ep = socket.remote_endpoint(ec_remote);
    std::string remote = ec_remote ? std::string() : remote_ep.address().to_string();
    beast::tcp_stream stream(std::move(socket));

    auto state = std::make_shared<SessionState>();
    state->stream = &stream;
    state->executor = stream.get_executor();
    {
        std::lock_guard lock(mutex);
        sessions.insert(state);
    }
    struct Unregister {
        Impl& impl;
        std::shared_ptr<SessionState> state;
        ~Unregister()
        {
            state->stream = nullptr;
            std::lock_guard lock(impl.mutex);
            impl.sessions.erase(state);
        }
    } unregister{*this, state};

    beast::flat_buffer buffer;
    for (;;) {
        // Idle: wait for the first byte of the next request (pipelined bytes may already be here).
        state->phase = SessionState::Phase::idle;
        if (stopping) {
            break;
        }
        if (buffer.size() == 0) {
            stream.expires_after(limits.idle_timeout);
            auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kAwait);
            if (ec) {
                break;  // closed by the peer, idle timeout, or shutdown
            }
            buffer.commit(n);
        }

        // Reading: the whole request must arrive within the read deadline.
        state->phase = SessionState::Phase::reading;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
        stream.expires_after(limits.read_timeout);
        auto [ec_header, n_header] = co_await bhttp::async_read_header(stream, buffer, parser, kAwait);
        if (ec_header) {
            if (ec_header == bhttp::error::header_limit) {
                co_await write(stream, handler.reject(headers_only(parser, remote), make_error(ErrorCode::headers_too_large)),
                               Method::get, 11, false);
                co_await close(stream, true);
            } else if (is_malformed(ec_header)) {
                co_await write(stream, handler.reject(headers_only(parser, remote), make_error(ErrorCode::bad_request)),
                               Method::get, 11, false);
                co_await close(stream, true);
            }
            co_return;
        }
        auto& header = parser.get();
        auto method = parse_method(header.method_string());
        std::size_t limit = 0;
        bool has_body = parser.content_length().value_or(0) > 0 || parser.chunked();
        limit = has_body ? handler.body_limit(method, header.target()) : 0;
        parser.body_limit(limit);
        if (parser.content_length() && *parser.content_length() > limit) {
            co_await write(stream, handler.reject(headers_only(parser, remote), make_error(ErrorCode::payload_too_large)),
                           method, header.version(), false);
            co_await close(stream, true);
            co_return;
        }
        if (has_body && beast::iequals(header[bhttp::field::expect], "100-continue")) {
            bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
            stream.expires_after(limits.write_timeout);
            auto [ec_continue, n_continue] = co_await bhttp::async_write(stream, cont, kAwait);
            if (ec_continue) {
                co_return;
            }
            stream.expires_after(limits.read_timeout);
        }
        auto [ec_body, n_body] = co_await bhttp::async_read(stream, buffer, parser, kAwait);
        if (ec_body) {
            if (ec_body == bhttp::error::body_limit) {
                co_await write(stream,
                               handler.reject(headers_only(parser, remote), make_error(ErrorCode::payload_too_large)),
                               method, header.version(), false);
                co_await close(stream, true);
            } else if (is_malformed(ec_body)) {
                co_await write(stream, handler.reject(headers_only(parser, remote), make_error(ErrorCode::bad_request)),
                               method, header.version(), false);
                co_await close(stream, true);
            }
            co_return;  // timeout (slow client) or the peer went away
        }

        // Busy: the request is in flight and will be answered even during shutdown.
        state->phase = SessionState::Phase::busy;
        bool keep_alive = parser.keep_alive();
        unsigned version = parser.get().version();
        Request request = to_request(parser.release(), remote);
        Answer answer = co_await call_handler(std::move(request));
        keep_alive = keep_alive && !stopping && !answer.close;
        if (!co_await write(stream, std::move(answer.response), method, version, keep_alive)) {
            co_return;
        }
        if (!keep_alive) {
            break;
        }
    }
    co_await close(stream, false);
}

asio::awaitable<Server::Impl::Answer> Server::Impl::call_handler(Request request)
{
    // The handler runs as its own coroutine so that, past the handler deadline, this connection
    // can answer 503 while the handler (which owns its request) finishes in the background.
    struct Pending {
        Pending(Request r, const asio::any_io_executor& ex) : request(std::move(r)), timer(ex) {}
        Request request;
        std::optional<Response> response;
        bool done = false;
        asio::steady_timer timer;
    };
    auto executor = co_await asio::this_coro::executor;
    auto pending = std::make_shared<Pending>(std::move(request), executor);
    asio::co_spawn(
        executor,
        [pending, &handler = handler]() -> asio::awaitable<void> { pending->response = co_await handler.handle(pending->request); },
        [pending](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& ex) {
                    log::error("pipeline_failed", {{"error", ex.what()}});
                }
            }
            pending->done = true;
            pending->timer.cancel();
        });
    pending->timer.expires_after(limits.handler_timeout);
    co_await pending->timer.async_wait(kAwait);
    if (pending->done && pending->response) {
        co_return Answer{std::move(*pending->response), false};
    }
    if (pending->done) {
        co_return Answer{handler.reject(pending->request, make_error(ErrorCode::internal)), true};
    }
    log::warn("handler_timeout", {{"target", pending->request.target}});
    co_return Answer{handler.reject(pending->request, make_error(ErrorCode::unavailable, "error.handler_timeout")),
                     true};
}

asio::awaitable<bool> Server::Impl::write(beast::tcp_stream& stream, Response response, Method method,
                                          unsigned version, bool keep_alive)
{
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(static_cast<unsigned>(response.status)),
                                            version};
    for (const auto& h : response.headers.list()) {
        out.insert(h.name, h.value);
    }
    if (!response.content_type.empty()) {
        out.set(bhttp::field::content_type, response.content_type);
    }
    out.keep_alive(keep_alive);
    if (method == Method::head) {
        out.content_length(response.body.size());
    } else {
        out.body() = std::move(response.body);
        out.prepare_payload();
    }
    stream.expires_after(limits.write_timeout);
    auto [ec, n] = co_await bhttp::async_write(stream, out, kAwait);
    co_return !ec;
}

asio::awaitable<void> Server::Impl::close(beast::tcp_stream& stream, bool drain)
{
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (drain) {
        // Read and discard what the client is still sending (an oversized body), briefly, so
        // closing does not reset the connection before the client has read our answer.
        stream.expires_after(std::chrono::milliseconds(500));
        std::array<char, 16384> sink{};
        std::size_t total = 0;
        while (total < 4 * 1024 * 1024) {
            auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kAwait);
            if (ec) {
                break;
            }
            total += n;
        }
    }
    stream.socket().close(ignored);
}

}  // namespace sala::http
