// Route table as a segment trie: literal segments first, then one typed parameter per position,
// so "/students/next-id" wins over "/students/{id:int}" and matching costs one walk of the path.
#include "http/router.hpp"

#include "core/calendar.hpp"

#include <charconv>
#include <map>

namespace sala::http {

struct Router::Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    std::unique_ptr<Node> param;
    std::string param_name;
    ParamType param_type = ParamType::string;
    std::vector<std::pair<Method, Route*>> methods;
};

namespace {

std::vector<std::string_view> split_path(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        auto next = path.find('/', i);
        if (next == std::string_view::npos) {
            next = path.size();
        }
        out.push_back(path.substr(i, next - i));
        i = next;
    }
    return out;
}

ParamType parse_param_type(std::string_view name, const std::string& path)
{
    if (name.empty() || name == "string") {
        return ParamType::string;
    }
    if (name == "int") {
        return ParamType::integer;
    }
    if (name == "date") {
        return ParamType::date;
    }
    throw Failure("route " + path + ": unknown parameter type '" + std::string(name) + "'");
}

}  // namespace

std::string_view param_type_name(ParamType t)
{
    switch (t) {
    case ParamType::string: return "string";
    case ParamType::integer: return "integer";
    case ParamType::number: return "number";
    case ParamType::boolean: return "boolean";
    case ParamType::date: return "date";
    case ParamType::month: return "month (YYYY-MM)";
    }
    return "string";
}

bool value_has_type(std::string_view value, ParamType type)
{
    switch (type) {
    case ParamType::string: return !value.empty();
    case ParamType::integer: {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        return ec == std::errc{} && ptr == value.data() + value.size() && !value.empty() && value[0] != '+';
    }
    case ParamType::number: {
        double v = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        return ec == std::errc{} && ptr == value.data() + value.size() && !value.empty();
    }
    case ParamType::boolean: return value == "true" || value == "false" || value == "1" || value == "0";
    case ParamType::date: return parse_date(value).has_value();
    case ParamType::month: return parse_month(value).has_value();
    }
    return false;
}

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

Route& Router::add(RouteSpec spec, Handler handler)
{
    auto route = std::make_unique<Route>();
    route->full_path = (spec.scope == Scope::api ? std::string(kApiPrefix) : std::string()) + spec.path;
    if (route->full_path.size() > 1 && route->full_path.back() == '/') {
        route->full_path.pop_back();
    }
    Node* node = root_.get();
    std::string display;
    for (auto segment : split_path(route->full_path)) {
        display += '/';
        if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
            auto inner = segment.substr(1, segment.size() - 2);
            auto colon = inner.find(':');
            std::string name(inner.substr(0, colon));
            ParamType type = parse_param_type(colon == std::string_view::npos ? std::string_view{} : inner.substr(colon + 1),
                                              route->full_path);
            if (!node->param) {
                node->param = std::make_unique<Node>();
                node->param_name = name;
                node->param_type = type;
            } else if (node->param_name != name || node->param_type != type) {
                throw Failure("route " + route->full_path + ": parameter {" + name +
                              "} conflicts with {" + node->param_name + "} at the same position");
            }
            node = node->param.get();
            display += '{' + name + '}';
        } else {
            auto it = node->literals.find(segment);
            if (it == node->literals.end()) {
                it = node->literals.emplace(std::string(segment), std::make_unique<Node>()).first;
            }
            node = it->second.get();
            display += segment;
        }
    }
    if (display.empty()) {
        display = "/";
    }
    for (const auto& [m, r] : node->methods) {
        if (m == spec.method) {
            throw Failure("route registered twice: " + std::string(method_name(m)) + " " + route->full_path);
        }
    }
    route->display_path = std::move(display);
    route->spec = std::move(spec);
    route->handler = std::move(handler);
    route->index = routes_.size();
    node->methods.emplace_back(route->spec.method, route.get());
    routes_.push_back(std::move(route));
    return *routes_.back();
}

Router::Match Router::match(Method method, std::span<const std::string> segments) const
{
    // Depth-first: a literal child is tried before the parameter child, and we backtrack when a
    // literal branch dead-ends ("/students/next-id/x" may still match "/students/{id}/x").
    std::vector<PathParam> params;
    const Node* found = nullptr;
    auto walk = [&](auto&& self, const Node* node, std::size_t depth) -> bool {
        if (depth == segments.size()) {
            if (node->methods.empty()) {
                return false;
            }
            found = node;
            return true;
        }
        const auto& segment = segments[depth];
        if (auto it = node->literals.find(segment); it != node->literals.end()) {
            if (self(self, it->second.get(), depth + 1)) {
                return true;
            }
        }
        if (node->param && !segment.empty()) {
            params.push_back(PathParam{node->param_name, node->param_type, segment});
            if (self(self, node->param.get(), depth + 1)) {
                return true;
            }
            params.pop_back();
        }
        return false;
    };
    Match result;
    if (!walk(walk, root_.get(), 0)) {
        return result;
    }
    for (const auto& [m, route] : found->methods) {
        result.allowed.push_back(m);
        if (m == method || (method == Method::head && m == Method::get)) {
            result.route = route;
        }
    }
    result.outcome = result.route ? Match::Outcome::found : Match::Outcome::method_not_allowed;
    result.params = std::move(params);
    return result;
}

RequestContext::RequestContext(const Request& request, std::string request_id, Locale locale, Workers workers,
                               const Clock& clock, std::string client_ip, bool secure)
    : request_(request),
      request_id_(std::move(request_id)),
      locale_(locale),
      workers_(workers),
      clock_(clock),
      client_ip_(client_ip.empty() ? request.remote_address : std::move(client_ip)),
      secure_(secure || request.secure)
{
}

void RequestContext::bind(const Route* route, std::vector<PathParam> params,
                          std::vector<std::pair<std::string, std::string>> query)
{
    route_ = route;
    params_ = std::move(params);
    query_ = std::move(query);
}

std::string_view RequestContext::path_param(std::string_view name) const
{
    for (const auto& p : params_) {
        if (p.name == name) {
            return p.value;
        }
    }
    throw Failure("no path parameter '" + std::string(name) + "' on this route");
}

std::int64_t RequestContext::path_int(std::string_view name) const
{
    auto text = path_param(name);
    std::int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

Date RequestContext::path_date(std::string_view name) const
{
    auto d = parse_date(path_param(name));
    if (!d) {
        throw Failure("path parameter '" + std::string(name) + "' is not a date");
    }
    return *d;
}

std::optional<std::string_view> RequestContext::query(std::string_view name) const
{
    for (const auto& [k, v] : query_) {
        if (k == name) {
            return std::string_view(v);
        }
    }
    return std::nullopt;
}

std::optional<std::int64_t> RequestContext::query_int(std::string_view name) const
{
    auto text = query(name);
    std::int64_t v = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), v).ec != std::errc{}) {
        return std::nullopt;
    }
    return v;
}

std::optional<double> RequestContext::query_number(std::string_view name) const
{
    auto text = query(name);
    double v = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), v).ec != std::errc{}) {
        return std::nullopt;
    }
    return v;
}

std::optional<bool> RequestContext::query_bool(std::string_view name) const
{
    auto text = query(name);
    if (!text) {
        return std::nullopt;
    }
    return *text == "true" || *text == "1";
}

std::optional<Date> RequestContext::query_date(std::string_view name) const
{
    auto text = query(name);
    return text ? parse_date(*text) : std::nullopt;
}

}  // namespace sala::http
