// Non-template helpers of json.hpp, and the one translation unit that compiles Boost.JSON.
#include "http/json.hpp"

#include <boost/json/src.hpp>

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
