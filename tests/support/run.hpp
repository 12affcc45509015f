// Runs a coroutine to completion on a private io_context (the Boost.MySQL test helper shape):
// exceptions surface in the test, and worker-pool hops resume on this io_context.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace sala::test {

template <class T>
T run(boost::asio::awaitable<T> coroutine)
{
    boost::asio::io_context io;
    auto future = boost::asio::co_spawn(io, std::move(coroutine), boost::asio::use_future);
    io.run();
    return future.get();
}

}  // namespace sala::test
