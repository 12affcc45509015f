// What a client sees of a response, and a way to send requests straight into a pipeline (no
// sockets): status, headers, the parsed JSON body.
#pragma once

#include "http/message.hpp"
#include "http/server.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <utility>
#include <vector>

namespace sala::test {

struct Reply {
    unsigned status = 0;
    http::Headers headers;
    std::string body;
    boost::json::value json;  // null unless the body is JSON

    [[nodiscard]] std::string header(std::string_view name) const { return std::string(headers.get(name).value_or("")); }
    // Shortcuts into the envelope.
    [[nodiscard]] const boost::json::value& data() const;
    [[nodiscard]] std::string error_code() const;
    [[nodiscard]] std::vector<std::string> error_fields() const;  // details[].field
};

struct Call {
    http::Method method = http::Method::get;
    std::string target;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string remote_address = "127.0.0.1";  // the peer, as the server would see it
};

// Sends one request through the handler (the pipeline) and renders what the server would send.
Reply send(http::RequestHandler& handler, const Call& call);

// Builds a Reply from a fully rendered Response (used by the e2e client too).
Reply to_reply(unsigned status, http::Headers headers, std::string body);

}  // namespace sala::test
