// The ceiling reference for bench/run: the smallest correct Boost.Beast HTTP/1.1 keep-alive server
// (strand per connection, parser per request) that answers every request with {"status":"ok"}.
// Two layouts: the canonical one (one io_context shared by all threads, as in Beast's examples)
// and --per-thread (one io_context per thread, the layout Sala itself uses). Whatever Sala's
// /healthz costs beyond the matching layout is Sala's own overhead.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view kBody = R"({"status":"ok"})";

asio::awaitable<void> session(tcp::socket socket)
{
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        auto [read_ec, read_n] = co_await http::async_read(stream, buffer, parser, kAwait);
        if (read_ec) {
            break;  // end_of_stream (the client closed) or a broken request: either way, done
        }
        const auto& request = parser.get();
        http::response<http::string_body> response{http::status::ok, request.version()};
        response.set(http::field::content_type, "application/json");
        response.keep_alive(request.keep_alive());
        response.body() = kBody;
        response.prepare_payload();
        auto [write_ec, write_n] = co_await http::async_write(stream, response, kAwait);
        if (write_ec || !response.keep_alive()) {
            break;
        }
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, std::vector<asio::io_context*> contexts)
{
    for (std::size_t next = 0;; ++next) {
        // Each connection gets its own strand, so its handlers never run concurrently.
        auto& io = *contexts[next % contexts.size()];
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kAwait);
        if (ec == asio::error::operation_aborted) {
            co_return;
        }
        if (!ec) {
            auto executor = socket.get_executor();
            asio::co_spawn(executor, session(std::move(socket)), asio::detached);
        }
    }
}

int usage(const char* program)
{
    std::cerr << "usage: " << program << " [--port P] [--threads N] [--per-thread]\n";
    return 2;
}

// A whole-string unsigned number in [low, high], or false.
bool parse_number(std::string_view text, unsigned low, unsigned high, unsigned& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && out >= low && out <= high;
}

}  // namespace

int main(int argc, char** argv)
{
    unsigned port = 0;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool per_thread = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--per-thread") {
            per_thread = true;
            continue;
        }
        const std::string_view value = i + 1 < argc ? argv[++i] : "";
        const bool ok = (arg == "--port" && parse_number(value, 0, 65535, port)) ||
                        (arg == "--threads" && parse_number(value, 1, 1024, threads));
        if (!ok) {
            return usage(argv[0]);
        }
    }

    // Shared layout: one context run by every thread. Per-thread layout: one context per thread.
    std::vector<std::unique_ptr<asio::io_context>> owned;
    for (unsigned i = 0; i < (per_thread ? threads : 1u); ++i) {
        owned.push_back(std::make_unique<asio::io_context>(per_thread ? 1 : static_cast<int>(threads)));
    }
    std::vector<asio::io_context*> contexts;
    for (auto& c : owned) {
        contexts.push_back(c.get());
    }
    asio::io_context& io = *contexts.front();
    tcp::acceptor acceptor(asio::make_strand(io),
                           {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
    std::cout << "listening on " << acceptor.local_endpoint().port() << std::endl;

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const beast::error_code&, int) {
        for (auto* c : contexts) {
            c->stop();
        }
    });
    asio::co_spawn(acceptor.get_executor(), accept_loop(acceptor, contexts), asio::detached);

    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) {
        auto& context = *contexts[per_thread ? i : 0];
        pool.emplace_back([&context] {
            auto guard = asio::make_work_guard(context);
            context.run();
        });
    }
    io.run();
    for (auto& t : pool) {
        t.join();
    }
    return 0;
}
