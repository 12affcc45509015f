// Non-template helpers of json.hpp, and the one translation unit that compiles Boost.JSON.
#include "http/json.hpp"

#include "core/json_text.hpp"

#include <boost/json/src.hpp>

#include <charconv>
#include <cmath>

namespace sala::json {

std::string camel_case(std::string_view snake)
{
    std::string out;
    out.reserve(snake.size());
    bool upper = false;
    for (char c : snake) {
        if (c == '_') {
            upper = !out.empty();
            continue;
        }
        if (upper && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        upper = false;
        out.push_back(c);
    }
    return out;
}

void write_string(std::string& out, std::string_view s)
{
    append_json_string(out, s);
}

void write_double(std::string& out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, ec == std::errc{} ? end : buf);
}

void write_value(std::string& out, const bj::value& v)
{
    switch (v.kind()) {
    case bj::kind::null: out += "null"; break;
    case bj::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case bj::kind::int64: out += std::to_string(v.get_int64()); break;
    case bj::kind::uint64: out += std::to_string(v.get_uint64()); break;
    case bj::kind::double_: write_double(out, v.get_double()); break;
    case bj::kind::string: write_string(out, v.get_string()); break;
    case bj::kind::array: {
        out += '[';
        bool first = true;
        for (const auto& item : v.get_array()) {
            out += first ? "" : ",";
            first = false;
            write_value(out, item);
        }
        out += ']';
        break;
    }
    case bj::kind::object: {
        out += '{';
        bool first = true;
        for (const auto& kv : v.get_object()) {
            out += first ? "" : ",";
            first = false;
            write_string(out, kv.key());
            out += ':';
            write_value(out, kv.value());
        }
        out += '}';
        break;
    }
    }
}

std::string join_path(const std::string& base, std::string_view key)
{
    if (base.empty()) {
        return std::string(key);
    }
    return base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t index)
{
    return (base.empty() ? std::string("body") : base) + "[" + std::to_string(index) + "]";
}

void type_error(FieldErrors& errors, const std::string& path, std::string_view expected)
{
    errors.add(path.empty() ? std::string("body") : path, "INVALID_TYPE", {{"expected", std::string(expected)}});
}

Result<bj::value> parse_json(std::string_view text)
{
    boost::system::error_code ec;
    bj::parse_options options;
    options.max_depth = 32;
    bj::value doc = bj::parse(text, ec, {}, options);
    if (ec) {
        return make_error(ErrorCode::bad_request, "error.invalid_json");
    }
    return doc;
}

}  // namespace sala::json
