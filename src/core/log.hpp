// Structured logging: one JSON object per line ({"ts","level","event",…fields}), written by a
// background thread so request threads never wait on the terminal or the disk.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sala::log {

enum class Level { debug, info, warn, error, off };

std::optional<Level> parse_level(std::string_view name);

struct Field {
    using Value = std::variant<std::string_view, std::int64_t, double, bool, std::nullptr_t>;
    std::string_view key;
    Value value;

    Field(std::string_view k, std::string_view v) : key(k), value(v) {}
    Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
    Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
    Field(std::string_view k, std::int64_t v) : key(k), value(v) {}
    Field(std::string_view k, int v) : key(k), value(std::int64_t{v}) {}
    Field(std::string_view k, unsigned v) : key(k), value(std::int64_t{v}) {}
    Field(std::string_view k, std::size_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
    Field(std::string_view k, double v) : key(k), value(v) {}
    Field(std::string_view k, bool v) : key(k), value(v) {}
    Field(std::string_view k, std::nullptr_t) : key(k), value(nullptr) {}
    Field(std::string_view k, Value v) : key(k), value(v) {}
};

// Where lines go: "-" or empty for standard error, otherwise a file path (appended).
void configure(Level min_level, const std::string& destination = {});
void flush();
[[nodiscard]] bool enabled(Level level);

void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void debug(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::debug, e, f); }
inline void info(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::info, e, f); }
inline void warn(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::warn, e, f); }
inline void error(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::error, e, f); }

}  // namespace sala::log
