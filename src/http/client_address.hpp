// Who the client is when Sala sits behind a reverse proxy: X-Forwarded-For and
// X-Forwarded-Proto are believed only when the connection comes from a configured proxy address.
#pragma once

#include "http/message.hpp"

#include <array>

#include <string>
#include <vector>

namespace sala::http {

class TrustedProxies {
public:
    // Addresses or CIDR networks ("10.0.0.1", "10.0.0.0/8", "::1"). Throws Failure on a bad one.
    explicit TrustedProxies(const std::vector<std::string>& specs = {});
    [[nodiscard]] bool contains(std::string_view address) const;
    [[nodiscard]] bool empty() const { return networks_.empty(); }

private:
    struct Network {
        std::array<unsigned char, 16> bytes{};
        unsigned prefix = 0;  // bits that must match
        bool v6 = false;
    };
    std::vector<Network> networks_;
};

// The client's address: the peer, or — from a trusted proxy — the last address in
// X-Forwarded-For that is not itself a trusted proxy.
std::string client_address(const Request& request, const TrustedProxies& proxies);

// Whether the client reached us over TLS (directly, or through a trusted proxy that says so).
bool client_secure(const Request& request, const TrustedProxies& proxies);

}  // namespace sala::http
