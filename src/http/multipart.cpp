// See multipart.hpp.
#include "http/multipart.hpp"

#include "http/message.hpp"

namespace sala::http {
namespace {

Error malformed()
{
    return make_error(ErrorCode::bad_request, "error.malformed_multipart");
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// The value of parameter `name` in a header value such as `form-data; name="file"; filename="a.png"`.
std::string_view parameter(std::string_view header, std::string_view name)
{
    std::size_t pos = 0;
    while ((pos = header.find(';', pos)) != std::string_view::npos) {
        auto rest = trim(header.substr(pos + 1));
        auto eq = rest.find('=');
        if (eq != std::string_view::npos && iequals(trim(rest.substr(0, eq)), name)) {
            auto value = rest.substr(eq + 1);
            if (value.starts_with('"')) {
                auto close = value.find('"', 1);
                return close == std::string_view::npos ? std::string_view{} : value.substr(1, close - 1);
            }
            return trim(value.substr(0, value.find(';')));
        }
        ++pos;
    }
    return {};
}

}  // namespace

bool is_multipart(std::string_view content_type)
{
    auto type = trim(content_type.substr(0, content_type.find(';')));
    return iequals(type, "multipart/form-data");
}

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body)
{
    auto boundary = parameter(content_type, "boundary");
    if (boundary.empty() || boundary.size() > 70) {
        return malformed();
    }
    const std::string delimiter = "--" + std::string(boundary);
    std::vector<FormPart> parts;
    auto pos = body.find(delimiter);
    if (pos == std::string_view::npos) {
        return malformed();
    }
    pos += delimiter.size();
    for (;;) {
        if (body.substr(pos, 2) == "--") {
            return parts;  // the closing delimiter
        }
        if (body.substr(pos, 2) != "\r\n") {
            return malformed();
        }
        pos += 2;
        auto headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) {
            return malformed();
        }
        FormPart part;
        auto headers = body.substr(pos, headers_end - pos);
        while (!headers.empty()) {
            auto eol = headers.find("\r\n");
            auto line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
            auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                return malformed();
            }
            auto name = trim(line.substr(0, colon));
            auto value = trim(line.substr(colon + 1));
            if (iequals(name, "Content-Disposition")) {
                part.name = parameter(value, "name");
                part.filename = parameter(value, "filename");
            } else if (iequals(name, "Content-Type")) {
                part.content_type = value;
            }
        }
        auto data_start = headers_end + 4;
        auto next = body.find("\r\n" + delimiter, data_start);
        if (next == std::string_view::npos) {
            return malformed();
        }
        part.data = body.substr(data_start, next - data_start);
        parts.push_back(part);
        pos = next + 2 + delimiter.size();
    }
}

}  // namespace sala::http
