// The bounded pool where blocking work runs (database calls, password hashing, rendering), so the
// I/O threads only ever wait on sockets. A coroutine hops over with offload() and resumes on its
// own executor when the work is done; exceptions travel back with it.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace sala {

class WorkerPool {
public:
    // `setup` runs once on each thread before any work (to set a priority or CPU affinity).
    explicit WorkerPool(std::size_t threads, const std::function<void(std::size_t index)>& setup = {});
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs `fn` on a worker thread and returns its result to the awaiting coroutine.
    template <class F>
    boost::asio::awaitable<std::invoke_result_t<F&>> offload(F fn)
    {
        using R = std::invoke_result_t<F&>;
        if constexpr (std::is_void_v<R>) {
            co_await run(std::function<void()>([&fn] { fn(); }));
        } else {
            std::optional<R> out;
            co_await run(std::function<void()>([&fn, &out] { out.emplace(fn()); }));
            co_return std::move(*out);
        }
    }

    // Runs `fn` on a worker thread synchronously (for command-line paths with no event loop).
    void run_and_wait(const std::function<void()>& fn);

    [[nodiscard]] std::size_t size() const { return threads_; }
    [[nodiscard]] std::size_t queued() const { return queued_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::size_t active() const { return active_.load(std::memory_order_relaxed); }

    // Lets queued work finish, then joins the threads. Idempotent.
    void join();

private:
    boost::asio::awaitable<void> run(std::function<void()> fn);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::size_t threads_;
    std::atomic<std::size_t> queued_{0};
    std::atomic<std::size_t> active_{0};
};

}  // namespace sala
