// See download.hpp.
#include "http/download.hpp"

#include "core/validation.hpp"

namespace sala::http {
namespace {

constexpr std::string_view kReserved = "\"*:<>?|";

// The length of the UTF-8 sequence a byte starts (continuation bytes count as one).
std::size_t sequence_length(unsigned char lead)
{
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() &&
           ascii_lowered(text.substr(text.size() - suffix.size())) == ascii_lowered(suffix);
}

std::string_view trim_ends(std::string_view s)
{
    auto first = s.find_first_not_of(" .");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" .") - first + 1);
}

// RFC 5987 attr-char: sent as is in filename*; everything else is percent-encoded.
bool is_attr_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string safe_filename(std::string_view wanted, std::string_view extension, std::string_view fallback)
{
    auto slash = wanted.find_last_of("/\\");
    if (slash != std::string_view::npos) {
        wanted = wanted.substr(slash + 1);
    }
    std::string kept;
    for (unsigned char c : wanted) {
        if (c >= 0x20 && c != 0x7F && kReserved.find(static_cast<char>(c)) == std::string_view::npos) {
            kept += static_cast<char>(c);
        }
    }
    std::string_view name = kept;
    name = name.substr(0, name.find_last_not_of(' ') + 1);
    if (ends_with_ignoring_case(name, extension)) {
        name = name.substr(0, name.size() - extension.size());
    }
    name = trim_ends(name);
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size() && characters < kMaxFilename; ++characters) {
        auto n = std::min(sequence_length(static_cast<unsigned char>(name[i])), name.size() - i);
        out += name.substr(i, n);
        i += n;
    }
    out = std::string(trim_ends(out));
    return (out.empty() ? std::string(fallback) : out) + std::string(extension);
}

std::string content_disposition(std::string_view filename)
{
    std::string ascii;
    std::string encoded;
    bool plain = true;
    for (std::size_t i = 0; i < filename.size();) {
        auto c = static_cast<unsigned char>(filename[i]);
        auto n = std::min(sequence_length(c), filename.size() - i);
        bool printable = n == 1 && c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        ascii += printable ? static_cast<char>(c) : '_';
        plain = plain && printable;
        for (auto byte : filename.substr(i, n)) {
            auto b = static_cast<unsigned char>(byte);
            if (is_attr_char(b)) {
                encoded += static_cast<char>(b);
            } else {
                constexpr char kHex[] = "0123456789ABCDEF";
                encoded += '%';
                encoded += kHex[b >> 4];
                encoded += kHex[b & 0x0F];
            }
        }
        i += n;
    }
    std::string out = "attachment; filename=\"" + ascii + "\"";
    if (!plain) {
        out += "; filename*=UTF-8''" + encoded;
    }
    return out;
}

Response download(std::string_view media_type, std::string bytes, std::string_view filename)
{
    auto response = Response::raw(Status::ok, std::string(media_type), std::move(bytes));
    response.headers.set("Content-Disposition", content_disposition(filename));
    return response;
}

}  // namespace sala::http
