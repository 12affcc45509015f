// Derived configuration values and the --listen parser.
#include "app/config.hpp"

#include <charconv>
#include <thread>

namespace sala::app {

std::string Config::database_url() const
{
    if (!database.empty()) {
        return database;
    }
    return "sqlite:" + data_dir + "/sala.db";
}

std::size_t Config::io_threads() const
{
    if (threads > 0) {
        return threads;
    }
    return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

std::size_t Config::worker_threads() const
{
    if (workers > 0) {
        return workers;
    }
    return std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
}

std::size_t Config::hash_threads() const
{
    if (hash_concurrency > 0) {
        return hash_concurrency;
    }
    return std::max<std::size_t>(1, std::thread::hardware_concurrency() / 2);
}

std::size_t Config::write_threads() const
{
    auto url = database_url();
    bool postgres = url.starts_with("postgresql://") || url.starts_with("postgres://");
    return postgres ? worker_threads() : 1;
}

Locale Config::default_locale() const
{
    return parse_locale(locale).value_or(Locale::en);
}

std::size_t Config::response_cache_bytes() const
{
    if (response_cache_mb) {
        return *response_cache_mb * 1024 * 1024;
    }
    return write_threads() == 1 && !database_url().starts_with("postgres") ? 64 * 1024 * 1024 : 0;
}

http::Endpoint parse_listen(const std::string& text)
{
    auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        throw Failure("--listen must be HOST:PORT, got '" + text + "'");
    }
    std::string host = text.substr(0, colon);
    std::string port_text = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (host.empty()) {
        host = "0.0.0.0";
    }
    unsigned port = 0;
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || ptr != port_text.data() + port_text.size() || port > 65535) {
        throw Failure("--listen has an invalid port: '" + port_text + "'");
    }
    return http::Endpoint{host, static_cast<std::uint16_t>(port)};
}

}  // namespace sala::app
