// See serve.hpp. Shutdown: the signal stops the server accepting, in-flight requests finish within
// the grace period, then the I/O threads stop, the worker pool drains and the log is flushed.
#include "app/serve.hpp"

#include "app/app.hpp"
#include "app/demo.hpp"
#include "core/log.hpp"
#include "http/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>

#include <iostream>
#include <malloc.h>
#include <thread>

namespace asio = boost::asio;

namespace sala::app {
namespace {

// Responses of tens of kilobytes (a page of students) are allocated and freed thousands of times
// a second. With glibc's defaults the freed memory goes back to the kernel at once (heap trimming,
// and mmap for the larger buffers), and every next response faults its pages in again: that cost
// a third of the throughput of such pages. Keep buffers below 4 MiB in the heap, and return free
// memory only once 64 MiB of it has accumulated.
void keep_freed_memory()
{
    ::mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
}

}  // namespace

int serve(const Config& config)
{
    keep_freed_memory();
    SystemClock clock;
    auto endpoint = parse_listen(config.listen);
    App app(config, clock);
    std::vector<DemoAccount> demo_accounts;
    std::optional<demo::DemoSchoolSummary> demo_school;
    if (config.demo) {
        // Before listening: the accounts first (the demo school gives the demo teacher classes).
        demo_accounts = ensure_demo_accounts(app.database(), clock, config);
        demo_school = ensure_demo_school(app.database(), clock, config);
    }

    // One io_context per I/O thread: a connection lives on one thread, and threads never
    // contend for a shared scheduler.
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::io_context*> pointers;
    for (std::size_t i = 0; i < config.io_threads(); ++i) {
        contexts.push_back(std::make_unique<asio::io_context>(1));
        pointers.push_back(contexts.back().get());
    }
    asio::io_context& io = *contexts.front();
    http::Server server(pointers, app.pipeline(), config.server);
    auto bound = server.listen(endpoint);
    // Signals are caught before anyone can learn the address, so an early SIGTERM is graceful too.
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec) {
            return;
        }
        log::info("shutdown_started", {{"signal", signal}, {"connections", server.connections()}});
        server.shutdown([&contexts] {
            for (auto& c : contexts) {
                c->stop();
            }
        });
    });
    server.start();

    std::string host = bound.host.find(':') != std::string::npos ? "[" + bound.host + "]" : bound.host;
    std::cout << "Sala " << kVersion << " is listening on http://" << host << ":" << bound.port << "/ ("
              << app.database().describe() << ")\n";
    for (const auto& account : demo_accounts) {
        std::cout << "  demo " << account.role << ": username " << account.username << "  password "
                  << account.password << "\n";
    }
    if (demo_school && demo_school->created) {
        std::cout << "  demo school: " << demo::describe(*demo_school) << "\n";
    }
    std::cout << std::flush;
    log::info("listening", {{"host", bound.host},
                            {"port", static_cast<std::int64_t>(bound.port)},
                            {"database", app.database().describe()},
                            {"ioThreads", config.io_threads()},
                            {"workers", config.worker_threads()}});

    auto run = [](asio::io_context& context) {
        // Keep running until stopped, even while a context has no connection.
        auto guard = asio::make_work_guard(context);
        try {
            context.run();
        } catch (const std::exception& e) {
            log::error("io_thread_failed", {{"error", e.what()}});
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < contexts.size(); ++i) {
        threads.emplace_back([&run, &contexts, i] { run(*contexts[i]); });
    }
    run(io);
    for (auto& t : threads) {
        t.join();
    }
    app.workers().join();
    app.writers().join();
    app.hashing().join();
    log::info("stopped");
    log::flush();
    return 0;
}

}  // namespace sala::app
