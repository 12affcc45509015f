// What only a real connection shows: keep-alive, limits and the connection closing after them,
// the four timeouts, many connections at once, and a graceful shutdown with a request in flight.
#include "http/json.hpp"
#include "http/pipeline.hpp"
#include "support/wire.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace sala::http {
namespace {

using namespace std::chrono_literals;
using test::RunningServer;
using test::WireClient;

// A pipeline over a few test routes, and a server in front of it with short timeouts.
class ServerTest : public ::testing::Test {
protected:
    ServerTest() : workers_(4), clock_(std::chrono::system_clock::now())
    {
        router_.add(RouteSpec{.method = Method::get, .path = "/healthz", .scope = Scope::root},
                    [](RequestContext&) -> boost::asio::awaitable<Response> {
                        co_return Response::data(Status::ok, R"({"status":"ok"})");
                    });
        router_.add(RouteSpec{.method = Method::post, .path = "/echo", .scope = Scope::root},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        co_return Response::raw(Status::ok, "text/plain", ctx.request().body);
                    });
        router_.add(RouteSpec{.method = Method::get, .path = "/slow", .scope = Scope::root},
                    [](RequestContext& ctx) -> boost::asio::awaitable<Response> {
                        co_await ctx.offload([] { std::this_thread::sleep_for(400ms); });
                        co_return Response::data(Status::ok, R"({"slow":true})");
                    });
        router_.add(RouteSpec{.method = Method::get, .path = "/boom", .scope = Scope::root},
                    [](RequestContext&) -> boost::asio::awaitable<Response> {
                        throw std::logic_error("bug");
                        co_return Response::empty();
                    });
        metrics_.bind(router_);
        PipelineOptions options;
        options.access_log = false;
        options.json_body_limit = 1024;
        pipeline_ = std::make_unique<Pipeline>(router_, metrics_, workers_, clock_, options);
        limits_.header_limit = 1024;
        limits_.read_timeout = 300ms;
        limits_.write_timeout = 1s;
        limits_.idle_timeout = 300ms;
        limits_.handler_timeout = 2s;
        limits_.shutdown_grace = 3s;
    }

    std::unique_ptr<RunningServer> start() { return std::make_unique<RunningServer>(*pipeline_, limits_); }

    WorkerPool workers_;
    ManualClock clock_;
    Router router_;
    Metrics metrics_;
    std::unique_ptr<Pipeline> pipeline_;
    ServerLimits limits_;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection)
{
    auto server = start();
    WireClient client(server->port());
    for (int i = 0; i < 5; ++i) {
        auto r = client.request("GET", "/healthz");
        EXPECT_EQ(r.reply.status, 200u);
        EXPECT_TRUE(r.keep_alive);
        EXPECT_EQ(r.reply.data().at("status"), "ok");
    }
    EXPECT_EQ(server->server().connections(), 1u);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder)
{
    auto server = start();
    WireClient client(server->port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\none"
                "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\ntwo"
                "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(client.read().reply.body, "one");
    EXPECT_EQ(client.read().reply.body, "two");
    auto last = client.read();
    EXPECT_EQ(last.reply.status, 200u);
    EXPECT_FALSE(last.keep_alive);
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(ServerTest, OversizedBodyIs413ThenClose)
{
    auto server = start();
    WireClient client(server->port());
    std::string body(4096, 'x');
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4096\r\n\r\n" + body);
    auto r = client.read();
    EXPECT_EQ(r.reply.status, 413u);
    EXPECT_EQ(r.reply.error_code(), "PAYLOAD_TOO_LARGE");
    EXPECT_FALSE(r.keep_alive);
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(ServerTest, OversizedChunkedBodyIs413ThenClose)
{
    auto server = start();
    WireClient client(server->port());
    std::string chunk(800, 'y');
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
    client.send("320\r\n" + chunk + "\r\n");
    (void)client.try_send("320\r\n" + chunk + "\r\n0\r\n\r\n");  // the server may already have answered
    auto r = client.read();
    EXPECT_EQ(r.reply.status, 413u);
    EXPECT_FALSE(r.keep_alive);
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(ServerTest, OversizedHeaderIs431)
{
    auto server = start();
    WireClient client(server->port());
    client.send("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(2000, 'h') + "\r\n\r\n");
    auto r = client.read();
    EXPECT_EQ(r.reply.status, 431u);
    EXPECT_EQ(r.reply.error_code(), "REQUEST_HEADER_FIELDS_TOO_LARGE");
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(ServerTest, MalformedRequestIs400)
{
    auto server = start();
    WireClient client(server->port());
    client.send("THIS IS NOT HTTP\r\n\r\n");
    auto r = client.read();
    EXPECT_EQ(r.reply.status, 400u);
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterTheIdleTimeout)
{
    auto server = start();
    WireClient fresh(server->port());
    WireClient used(server->port());
    EXPECT_EQ(used.request("GET", "/healthz").reply.status, 200u);
    auto start_time = std::chrono::steady_clock::now();
    EXPECT_TRUE(fresh.closed_within(3s));
    EXPECT_TRUE(used.closed_within(3s));
    auto waited = std::chrono::steady_clock::now() - start_time;
    EXPECT_GE(waited, 200ms);  // not before the idle timeout (300 ms)
    EXPECT_LT(waited, 2s);
}

TEST_F(ServerTest, SlowWritingClientIsCutOff)
{
    auto server = start();
    WireClient client(server->port());
    // Headers trickle in one byte every 50 ms: each byte resets no deadline, so the 300 ms read
    // budget for the whole request runs out.
    std::string request = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: 0123456789012345678901234567890123456789\r\n\r\n";
    auto start_time = std::chrono::steady_clock::now();
    bool cut = false;
    for (char c : request) {
        if (!client.try_send(std::string_view(&c, 1))) {
            cut = true;
            break;
        }
        std::this_thread::sleep_for(50ms);
        if (std::chrono::steady_clock::now() - start_time > 1500ms) {
            break;
        }
    }
    EXPECT_TRUE(cut || client.closed_within(2s));
    EXPECT_LT(std::chrono::steady_clock::now() - start_time, 3s);
}

TEST_F(ServerTest, TwoHundredConcurrentConnectionsAreAllAnswered)
{
    auto server = start();
    constexpr int kConnections = 200;
    std::vector<std::unique_ptr<WireClient>> clients;
    for (int i = 0; i < kConnections; ++i) {
        clients.push_back(std::make_unique<WireClient>(server->port()));
    }
    for (auto& c : clients) {
        c->send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    }
    int answered = 0;
    for (auto& c : clients) {
        answered += c->read().reply.status == 200u ? 1 : 0;
    }
    EXPECT_EQ(answered, kConnections);
    EXPECT_EQ(server->server().connections(), static_cast<std::size_t>(kConnections));
}

TEST_F(ServerTest, HandlerOverItsDeadlineGets503AndTheConnectionCloses)
{
    limits_.handler_timeout = 100ms;
    auto server = start();
    WireClient client(server->port());
    auto start_time = std::chrono::steady_clock::now();
    auto r = client.request("GET", "/slow");
    EXPECT_EQ(r.reply.status, 503u);
    EXPECT_EQ(r.reply.error_code(), "SERVICE_UNAVAILABLE");
    EXPECT_LT(std::chrono::steady_clock::now() - start_time, 350ms);
    EXPECT_FALSE(r.keep_alive);
    EXPECT_TRUE(client.closed_within(2s));
    // The server carries on.
    WireClient next(server->port());
    EXPECT_EQ(next.request("GET", "/healthz").reply.status, 200u);
    // The abandoned handler finishes in the background; let it before the server goes away.
    workers_.join();
}

TEST_F(ServerTest, AnExceptionIs500AndTheConnectionStaysUsable)
{
    auto server = start();
    WireClient client(server->port());
    EXPECT_EQ(client.request("GET", "/boom").reply.status, 500u);
    EXPECT_EQ(client.request("GET", "/healthz").reply.status, 200u);
}

TEST_F(ServerTest, HeadSendsTheLengthButNoBody)
{
    auto server = start();
    WireClient client(server->port());
    auto head = client.request("HEAD", "/healthz");
    EXPECT_EQ(head.reply.status, 200u);
    EXPECT_TRUE(head.reply.body.empty());
    EXPECT_GT(std::stoul(head.reply.header("Content-Length")), 20u);
    // The connection is still in sync: the next response parses.
    EXPECT_EQ(client.request("GET", "/healthz").reply.status, 200u);
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponse)
{
    auto server = start();
    WireClient client(server->port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    auto interim = client.read();
    EXPECT_EQ(interim.reply.status, 100u);
    client.send("hello");
    EXPECT_EQ(client.read().reply.body, "hello");
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequestsAndClosesIdleOnes)
{
    auto server = start();
    WireClient idle(server->port());
    EXPECT_EQ(idle.request("GET", "/healthz").reply.status, 200u);
    WireClient busy(server->port());
    busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
    std::this_thread::sleep_for(100ms);  // the slow request is in its handler

    std::thread stopper([&] { EXPECT_TRUE(server->shutdown(5s)); });
    auto r = busy.read();
    EXPECT_EQ(r.reply.status, 200u);
    EXPECT_EQ(r.reply.data().at("slow"), true);
    EXPECT_FALSE(r.keep_alive);  // answered, then closed
    EXPECT_TRUE(idle.closed_within(2s));
    stopper.join();
    // No new connections are accepted.
    EXPECT_ANY_THROW(WireClient late(server->port()));
}

}  // namespace
}  // namespace sala::http
