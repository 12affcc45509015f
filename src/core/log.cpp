// The log writer: formats each line here and hands it to an spdlog asynchronous logger, whose
// single background thread does the I/O.
#include "core/log.hpp"

#include "core/clock.hpp"
#include "core/json_text.hpp"
#include "core/time.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace sala::log {
namespace {

std::atomic<int> g_min_level{static_cast<int>(Level::info)};
std::mutex g_mutex;
// Loggers are kept alive for the life of the process, so a line written while configure() swaps
// destinations never touches a destroyed logger; the hot path reads one atomic pointer.
std::vector<std::shared_ptr<spdlog::logger>> g_loggers;
std::atomic<spdlog::logger*> g_current{nullptr};

// Counts the flushes the background thread has carried out, so flush() can wait for its own:
// spdlog's asynchronous flush only queues the request, and messages are handled in order.
class FlushBarrier final : public spdlog::sinks::base_sink<std::mutex> {
public:
    std::uint64_t completed() const
    {
        std::lock_guard lock(state_);
        return flushes_;
    }
    void wait_beyond(std::uint64_t count)
    {
        std::unique_lock lock(state_);
        done_.wait_for(lock, std::chrono::seconds(5), [&] { return flushes_ > count; });
    }

protected:
    void sink_it_(const spdlog::details::log_msg&) override {}
    void flush_() override
    {
        {
            std::lock_guard lock(state_);
            ++flushes_;
        }
        done_.notify_all();
    }

private:
    mutable std::mutex state_;
    std::condition_variable done_;
    std::uint64_t flushes_ = 0;
};

std::shared_ptr<FlushBarrier> g_barrier;

std::shared_ptr<spdlog::logger> make_logger(const std::string& destination)
{
    if (spdlog::thread_pool() == nullptr) {
        spdlog::init_thread_pool(16384, 1);
    }
    spdlog::sink_ptr sink;
    if (destination.empty() || destination == "-") {
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    } else {
        sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(destination);
    }
    g_barrier = std::make_shared<FlushBarrier>();
    spdlog::sinks_init_list sinks{std::move(sink), g_barrier};
    auto logger = std::make_shared<spdlog::async_logger>("sala", sinks, spdlog::thread_pool(),
                                                         spdlog::async_overflow_policy::block);
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::warn);
    return logger;
}

void install(std::shared_ptr<spdlog::logger> logger)
{
    g_current = logger.get();
    g_loggers.push_back(std::move(logger));
}

spdlog::logger& logger()
{
    if (auto* current = g_current.load(std::memory_order_acquire)) {
        return *current;
    }
    std::lock_guard lock(g_mutex);
    if (g_current.load() == nullptr) {
        install(make_logger({}));
    }
    return *g_current.load();
}

std::string_view level_name(Level level)
{
    switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
    case Level::off: return "off";
    }
    return "info";
}

void append_value(std::string& out, const Field::Value& value)
{
    if (auto s = std::get_if<std::string_view>(&value)) {
        append_json_string(out, *s);
    } else if (auto i = std::get_if<std::int64_t>(&value)) {
        out += std::to_string(*i);
    } else if (auto d = std::get_if<double>(&value)) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        out.append(buf, ec == std::errc{} ? end : buf);
    } else if (auto b = std::get_if<bool>(&value)) {
        out += *b ? "true" : "false";
    } else {
        out += "null";
    }
}

}  // namespace

std::optional<Level> parse_level(std::string_view name)
{
    for (auto level : {Level::debug, Level::info, Level::warn, Level::error, Level::off}) {
        if (name == level_name(level)) {
            return level;
        }
    }
    return std::nullopt;
}

void configure(Level min_level, const std::string& destination)
{
    g_min_level = static_cast<int>(min_level);
    std::lock_guard lock(g_mutex);
    if (auto* current = g_current.load()) {
        current->flush();
    }
    install(make_logger(destination));
}

void flush()
{
    auto& current = logger();
    std::shared_ptr<FlushBarrier> barrier;
    {
        std::lock_guard lock(g_mutex);
        barrier = g_barrier;
    }
    auto before = barrier->completed();
    current.flush();
    barrier->wait_beyond(before);
}

bool enabled(Level level)
{
    return level != Level::off && static_cast<int>(level) >= g_min_level.load(std::memory_order_relaxed);
}

void write(Level level, std::string_view event, std::initializer_list<Field> fields)
{
    if (!enabled(level)) {
        return;
    }
    std::string line;
    line.reserve(160);
    line += R"({"ts":")";
    line += format_timestamp_ms(std::chrono::system_clock::now());
    line += R"(","level":")";
    line += level_name(level);
    line += R"(","event":)";
    append_json_string(line, event);
    for (const auto& f : fields) {
        line += ',';
        append_json_string(line, f.key);
        line += ':';
        append_value(line, f.value);
    }
    line += '}';
    logger().info(line);
}

}  // namespace sala::log
