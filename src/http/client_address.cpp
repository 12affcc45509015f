// See client_address.hpp.
#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>

namespace sala::http {
namespace {

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

bool parse_address(std::string_view text, std::array<unsigned char, 16>& bytes, bool& v6)
{
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(text), ec);
    if (ec) {
        return false;
    }
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
    }
    bytes.fill(0);
    v6 = address.is_v6();
    if (v6) {
        auto b = address.to_v6().to_bytes();
        std::copy(b.begin(), b.end(), bytes.begin());
    } else {
        auto b = address.to_v4().to_bytes();
        std::copy(b.begin(), b.end(), bytes.begin());
    }
    return true;
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& specs)
{
    for (const auto& spec : specs) {
        std::string_view text = trim(spec);
        auto slash = text.find('/');
        Network n;
        if (!parse_address(text.substr(0, slash), n.bytes, n.v6)) {
            throw Failure("not an IP address or network: '" + spec + "'");
        }
        unsigned max_prefix = n.v6 ? 128 : 32;
        n.prefix = max_prefix;
        if (slash != std::string_view::npos) {
            auto bits = text.substr(slash + 1);
            auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n.prefix);
            if (ec != std::errc{} || ptr != bits.data() + bits.size() || n.prefix > max_prefix) {
                throw Failure("bad network prefix in '" + spec + "'");
            }
        }
        networks_.push_back(n);
    }
}

bool TrustedProxies::contains(std::string_view address) const
{
    std::array<unsigned char, 16> bytes{};
    bool v6 = false;
    if (networks_.empty() || !parse_address(trim(address), bytes, v6)) {
        return false;
    }
    for (const auto& n : networks_) {
        if (n.v6 != v6) {
            continue;
        }
        unsigned full = n.prefix / 8;
        unsigned rest = n.prefix % 8;
        bool match = std::equal(bytes.begin(), bytes.begin() + full, n.bytes.begin());
        if (match && rest > 0) {
            auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
            match = (bytes[full] & mask) == (n.bytes[full] & mask);
        }
        if (match) {
            return true;
        }
    }
    return false;
}

std::string client_address(const Request& request, const TrustedProxies& proxies)
{
    if (!proxies.contains(request.remote_address)) {
        return request.remote_address;
    }
    // Repeated header lines form one list (RFC 9110 §5.3); some proxies add a line of their own.
    std::string joined;
    for (const auto& h : request.headers.list()) {
        if (iequals(h.name, "X-Forwarded-For")) {
            joined += (joined.empty() ? "" : ",") + h.value;
        }
    }
    if (joined.empty()) {
        return request.remote_address;
    }
    std::string_view list = joined;
    std::string leftmost;
    // Right to left: the nearest hop first; the first address that is not one of our proxies is
    // the client (anything further left could have been written by the client itself).
    while (!list.empty()) {
        auto comma = list.rfind(',');
        auto item = trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(0, comma);
        std::array<unsigned char, 16> bytes{};
        bool v6 = false;
        if (!parse_address(item, bytes, v6)) {
            break;  // garbage: trust nothing beyond this point
        }
        if (!proxies.contains(item)) {
            return std::string(item);
        }
        leftmost = std::string(item);
    }
    return leftmost.empty() ? request.remote_address : leftmost;
}

bool client_secure(const Request& request, const TrustedProxies& proxies)
{
    if (request.secure) {
        return true;
    }
    if (!proxies.contains(request.remote_address)) {
        return false;
    }
    auto proto = request.headers.get("X-Forwarded-Proto");
    return proto && iequals(trim(*proto), "https");
}

}  // namespace sala::http
