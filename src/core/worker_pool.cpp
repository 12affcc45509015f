// WorkerPool on an asio::thread_pool; the hop is a co_spawn onto the pool awaited with
// use_awaitable, which resumes the caller on its own executor (its connection's strand).
#include "core/worker_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <future>
#include <latch>

namespace asio = boost::asio;

namespace sala {

struct WorkerPool::Impl {
    explicit Impl(std::size_t n) : pool(n) {}
    asio::thread_pool pool;
    bool joined = false;
};

WorkerPool::WorkerPool(std::size_t threads, const std::function<void(std::size_t index)>& setup)
    : impl_(std::make_unique<Impl>(threads == 0 ? 1 : threads)), threads_(threads == 0 ? 1 : threads)
{
    if (setup) {
        // One task per thread, each holding its thread until all have started, so every thread
        // runs the setup exactly once.
        auto started = std::make_shared<std::latch>(static_cast<std::ptrdiff_t>(threads_));
        for (std::size_t i = 0; i < threads_; ++i) {
            asio::post(impl_->pool, [started, setup, i] {
                setup(i);
                started->arrive_and_wait();
            });
        }
        started->wait();
    }
}

WorkerPool::~WorkerPool()
{
    join();
}

asio::awaitable<void> WorkerPool::run(std::function<void()> fn)
{
    ++queued_;
    co_await asio::co_spawn(
        impl_->pool,
        [this, fn = std::move(fn)]() -> asio::awaitable<void> {
            --queued_;
            ++active_;
            struct Done {
                std::atomic<std::size_t>& active;
                ~Done() { --active; }
            } done{active_};
            fn();
            co_return;
        },
        asio::use_awaitable);
}

void WorkerPool::run_and_wait(const std::function<void()>& fn)
{
    std::packaged_task<void()> task(fn);
    auto future = task.get_future();
    asio::post(impl_->pool, std::move(task));
    future.get();
}

void WorkerPool::join()
{
    if (!impl_->joined) {
        impl_->joined = true;
        impl_->pool.join();
    }
}

}  // namespace sala
