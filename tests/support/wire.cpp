// See wire.hpp. The client uses Beast's response parser over a blocking socket with SO_RCVTIMEO.
#include "support/wire.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <future>
#include <sys/socket.h>

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace sala::test {

struct RunningServer::Io {
    asio::io_context context;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
};

RunningServer::RunningServer(http::RequestHandler& handler, http::ServerLimits limits, std::size_t threads)
    : io_(std::make_unique<Io>())
{
    io_->guard.emplace(io_->context.get_executor());
    server_ = std::make_unique<http::Server>(io_->context, handler, limits);
    port_ = server_->listen(http::Endpoint{"127.0.0.1", 0}).port;
    server_->start();
    for (std::size_t i = 0; i < threads; ++i) {
        threads_.emplace_back([this] { io_->context.run(); });
    }
}

bool RunningServer::shutdown(std::chrono::milliseconds timeout)
{
    std::promise<void> done;
    auto future = done.get_future();
    server_->shutdown([&done] { done.set_value(); });
    bool finished = future.wait_for(timeout) == std::future_status::ready;
    io_->guard.reset();
    io_->context.stop();
    for (auto& t : threads_) {
        t.join();
    }
    threads_.clear();
    stopped_ = true;
    return finished;
}

RunningServer::~RunningServer()
{
    // A graceful stop, as SIGTERM would: work a request still has on the app's worker pools
    // resumes on this server's threads, so they run until every request has finished.
    if (!stopped_) {
        (void)shutdown(std::chrono::seconds(10));
    }
    server_.reset();
}

struct WireClient::Impl {
    asio::io_context io;
    tcp::socket socket{io};
    boost::beast::flat_buffer buffer;

    void set_timeout(std::chrono::milliseconds t)
    {
        timeval tv{};
        tv.tv_sec = static_cast<long>(t.count() / 1000);
        tv.tv_usec = static_cast<long>((t.count() % 1000) * 1000);
        ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
};

WireClient::WireClient(unsigned short port) : impl_(std::make_unique<Impl>())
{
    impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

WireClient::~WireClient() = default;

void WireClient::send(std::string_view bytes)
{
    asio::write(impl_->socket, asio::buffer(bytes.data(), bytes.size()));
}

bool WireClient::try_send(std::string_view bytes)
{
    boost::system::error_code ec;
    asio::write(impl_->socket, asio::buffer(bytes.data(), bytes.size()), ec);
    return !ec;
}

WireReply WireClient::read(bool head, std::chrono::milliseconds timeout)
{
    impl_->set_timeout(timeout);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    bhttp::read(impl_->socket, impl_->buffer, parser);
    auto message = parser.release();
    http::Headers headers;
    for (const auto& f : message) {
        headers.add(f.name_string(), std::string(f.value()));
    }
    WireReply out;
    out.keep_alive = message.keep_alive();
    out.version = message.version();
    out.reply = to_reply(message.result_int(), std::move(headers), std::move(message.body()));
    return out;
}

bool WireClient::closed_within(std::chrono::milliseconds within)
{
    impl_->set_timeout(within);
    char c;
    boost::system::error_code ec;
    std::size_t n = impl_->socket.read_some(asio::buffer(&c, 1), ec);
    if (!ec && n > 0) {
        return false;  // the server sent more bytes
    }
    return ec == asio::error::eof || ec == asio::error::connection_reset;
}

WireReply WireClient::request(std::string_view method, std::string_view target, std::string_view body,
                              std::string_view extra_headers)
{
    std::string raw = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" +
                      std::string(extra_headers);
    if (!body.empty()) {
        if (extra_headers.find("Content-Type:") == std::string_view::npos) {
            raw += "Content-Type: application/json\r\n";
        }
        raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    raw += "\r\n";
    raw += body;
    send(raw);
    return read(method == "HEAD");
}

}  // namespace sala::test
