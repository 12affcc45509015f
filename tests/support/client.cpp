// See client.hpp.
#include "support/client.hpp"

#include "support/run.hpp"

#include <boost/json/parse.hpp>

namespace sala::test {

const boost::json::value& Reply::data() const
{
    static const boost::json::value null;
    if (!json.is_object()) {
        return null;
    }
    const auto* d = json.as_object().if_contains("data");
    return d != nullptr ? *d : null;
}

std::string Reply::error_code() const
{
    if (!json.is_object()) {
        return {};
    }
    const auto* e = json.as_object().if_contains("error");
    if (e == nullptr || !e->is_object()) {
        return {};
    }
    return std::string(e->as_object().at("code").as_string());
}

std::vector<std::string> Reply::error_fields() const
{
    std::vector<std::string> out;
    if (!json.is_object() || !json.as_object().contains("error")) {
        return out;
    }
    for (const auto& d : json.at("error").at("details").as_array()) {
        out.emplace_back(d.at("field").as_string());
    }
    return out;
}

Reply to_reply(unsigned status, http::Headers headers, std::string body)
{
    Reply r;
    r.status = status;
    r.headers = std::move(headers);
    r.body = std::move(body);
    if (r.header("Content-Type").starts_with("application/json") && !r.body.empty()) {
        boost::system::error_code ec;
        r.json = boost::json::parse(r.body, ec);
    }
    return r;
}

Reply send(http::RequestHandler& handler, const Call& call)
{
    http::Request request;
    request.method = call.method;
    request.target = call.target;
    request.body = call.body;
    request.remote_address = call.remote_address;
    for (const auto& [k, v] : call.headers) {
        request.headers.add(k, v);
    }
    if (!call.body.empty() && !request.headers.has("Content-Type")) {
        request.headers.add("Content-Type", "application/json");
    }
    http::Response response = run(handler.handle(request));
    http::Headers headers = response.headers;
    if (!response.content_type.empty()) {
        headers.set("Content-Type", response.content_type);
    }
    return to_reply(static_cast<unsigned>(response.status), std::move(headers), std::move(response.body));
}

}  // namespace sala::test
