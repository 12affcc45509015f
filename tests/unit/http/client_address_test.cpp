// Who the client is behind a reverse proxy: trusted-proxy matching (IPv4, IPv6, CIDR), the
// rightmost-untrusted rule for X-Forwarded-For, and X-Forwarded-Proto believed only from a proxy.
#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace sala::http {
namespace {

Request from(std::string peer, std::vector<std::pair<std::string, std::string>> headers = {}, bool secure = false)
{
    Request r;
    r.remote_address = std::move(peer);
    r.secure = secure;
    for (auto& [k, v] : headers) {
        r.headers.add(k, std::move(v));
    }
    return r;
}

TEST(TrustedProxies, MatchesAddressesAndNetworks)
{
    struct Case {
        std::vector<std::string> specs;
        std::string address;
        bool expected;
    };
    const Case cases[] = {
        {{"10.0.0.1"}, "10.0.0.1", true},
        {{"10.0.0.1"}, "10.0.0.2", false},
        {{" 10.0.0.1 "}, "10.0.0.1", true},  // spaces around a configured value
        {{"10.0.0.0/8"}, "10.255.3.4", true},
        {{"10.0.0.0/8"}, "11.0.0.1", false},
        {{"192.168.1.0/25"}, "192.168.1.127", true},  // a prefix that splits a byte
        {{"192.168.1.0/25"}, "192.168.1.128", false},
        {{"172.16.0.0/12"}, "172.31.255.255", true},
        {{"172.16.0.0/12"}, "172.32.0.1", false},
        {{"0.0.0.0/0"}, "203.0.113.9", true},
        {{"0.0.0.0/0"}, "::1", false},  // an IPv4 network never holds an IPv6 address
        {{"::1"}, "::1", true},
        {{"::1"}, "127.0.0.1", false},
        {{"2001:db8::/32"}, "2001:db8:ffff::1", true},
        {{"2001:db8::/32"}, "2001:db9::1", false},
        {{"fd00::/8"}, "fdab:1::2", true},
        {{"10.0.0.0/8"}, "::ffff:10.1.2.3", true},  // IPv4-mapped IPv6 is the IPv4 address
        {{"::ffff:10.0.0.1"}, "10.0.0.1", true},
        {{"10.0.0.1", "192.168.0.0/16"}, "192.168.7.7", true},
        {{}, "127.0.0.1", false},
        {{"10.0.0.0/8"}, "not-an-ip", false},
        {{"10.0.0.0/8"}, "", false},
        {{"10.0.0.0/8"}, "10.0.0.1:8080", false},
    };
    for (const auto& c : cases) {
        TrustedProxies proxies(c.specs);
        EXPECT_EQ(proxies.contains(c.address), c.expected)
            << "'" << c.address << "' in " << (c.specs.empty() ? std::string("{}") : c.specs.front());
    }
}

TEST(TrustedProxies, RefusesWhatIsNotAnAddressOrNetwork)
{
    for (std::string bad :
         {"proxy.example", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8x", "10.0.0.0/-1", "300.1.1.1", ""}) {
        EXPECT_THROW(TrustedProxies({bad}), Failure) << "'" << bad << "'";
    }
}

TEST(ClientAddress, FollowsTheRightmostUntrustedForwardedAddress)
{
    struct Case {
        std::string what;
        std::string peer;
        std::vector<std::pair<std::string, std::string>> headers;
        std::string expected;
    };
    const std::vector<std::string> specs{"127.0.0.1", "10.0.0.0/8", "fd00::/8"};
    const Case cases[] = {
        {"no proxy: the peer", "198.51.100.4", {}, "198.51.100.4"},
        {"an untrusted peer's header is ignored", "198.51.100.4", {{"X-Forwarded-For", "203.0.113.7"}}, "198.51.100.4"},
        {"a proxy without the header: the peer", "127.0.0.1", {}, "127.0.0.1"},
        {"one hop", "127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}}, "203.0.113.7"},
        {"the client's own prefix is not believed",
         "127.0.0.1",
         {{"X-Forwarded-For", "1.2.3.4, 203.0.113.7"}},
         "203.0.113.7"},
        {"trusted hops are skipped",
         "10.0.0.5",
         {{"X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.0.0.9, 10.0.0.8"}},
         "203.0.113.7"},
        {"spaces and tabs", "127.0.0.1", {{"X-Forwarded-For", " 1.2.3.4 ,\t203.0.113.7 "}}, "203.0.113.7"},
        {"IPv6 client", "127.0.0.1", {{"X-Forwarded-For", "2001:db8::42"}}, "2001:db8::42"},
        {"IPv6 proxy hop", "127.0.0.1", {{"X-Forwarded-For", "203.0.113.7, fd00::1"}}, "203.0.113.7"},
        {"every hop trusted: the farthest", "127.0.0.1", {{"X-Forwarded-For", "10.0.0.3, 10.0.0.2"}}, "10.0.0.3"},
        {"garbage at the right: nothing beyond is believed",
         "127.0.0.1",
         {{"X-Forwarded-For", "203.0.113.7, garbage"}},
         "127.0.0.1"},
        {"garbage further left is never reached",
         "127.0.0.1",
         {{"X-Forwarded-For", "garbage, 203.0.113.7"}},
         "203.0.113.7"},
        {"garbage behind a trusted hop stops the walk there",
         "127.0.0.1",
         {{"X-Forwarded-For", "203.0.113.7, <script>, 10.0.0.2"}},
         "10.0.0.2"},
        {"an address with a port is not an address",
         "127.0.0.1",
         {{"X-Forwarded-For", "203.0.113.7:4444"}},
         "127.0.0.1"},
        {"empty header", "127.0.0.1", {{"X-Forwarded-For", ""}}, "127.0.0.1"},
        {"only commas", "127.0.0.1", {{"X-Forwarded-For", " , ,"}}, "127.0.0.1"},
        {"unknown", "127.0.0.1", {{"X-Forwarded-For", "unknown"}}, "127.0.0.1"},
    };
    TrustedProxies proxies(specs);
    for (const auto& c : cases) {
        EXPECT_EQ(client_address(from(c.peer, c.headers), proxies), c.expected) << c.what;
    }
}

TEST(ClientAddress, WithoutConfiguredProxiesTheHeaderIsIgnored)
{
    TrustedProxies none;
    EXPECT_EQ(client_address(from("127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}}), none), "127.0.0.1");
}

TEST(ClientAddress, SeveralForwardedForHeadersAreOneList)
{
    // RFC 9110 §5.3: repeated fields are one comma-separated list. A proxy that adds its own
    // X-Forwarded-For line (HAProxy's `option forwardfor`) leaves the client's line first; taking
    // only the first line would let the client choose its own address.
    TrustedProxies proxies({"127.0.0.1"});
    auto r = from("127.0.0.1", {{"X-Forwarded-For", "1.2.3.4"}, {"X-Forwarded-For", "203.0.113.7"}});
    EXPECT_EQ(client_address(r, proxies), "203.0.113.7");
}

TEST(ClientSecure, BelievesXForwardedProtoOnlyFromATrustedProxy)
{
    struct Case {
        std::string what;
        Request request;
        bool expected;
    };
    TrustedProxies proxies({"10.0.0.0/8"});
    const Case cases[] = {
        {"TLS on the connection itself", from("198.51.100.4", {}, true), true},
        {"plain connection", from("198.51.100.4"), false},
        {"an untrusted peer claiming https", from("198.51.100.4", {{"X-Forwarded-Proto", "https"}}), false},
        {"a trusted proxy saying https", from("10.1.1.1", {{"X-Forwarded-Proto", "https"}}), true},
        {"case and spaces", from("10.1.1.1", {{"X-Forwarded-Proto", " HTTPS "}}), true},
        {"a trusted proxy saying http", from("10.1.1.1", {{"X-Forwarded-Proto", "http"}}), false},
        {"a trusted proxy saying nothing", from("10.1.1.1"), false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(client_secure(c.request, proxies), c.expected) << c.what;
    }
}

}  // namespace
}  // namespace sala::http
