// Builds the OpenAPI document: one operation per route, the envelope around each `data` schema,
// the error envelope for every failure a route can produce, and the security each route needs.
#include "http/openapi.hpp"

#include "http/json_schema.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace bj = boost::json;

namespace sala::http {

std::string SchemaRegistry::name_for(std::type_index type, const std::string& demangled)
{
    if (auto it = names_.find(type); it != names_.end()) {
        return it->second;
    }
    auto colon = demangled.rfind("::");
    std::string name = colon == std::string::npos ? demangled : demangled.substr(colon + 2);
    for (const auto& [t, n] : names_) {
        if (n == name) {
            name = demangled;
            for (auto pos = name.find("::"); pos != std::string::npos; pos = name.find("::")) {
                name.replace(pos, 2, ".");
            }
            break;
        }
    }
    names_[type] = name;
    return name;
}

namespace schema_detail {

bj::object nullable(bj::object schema)
{
    if (auto* type = schema.if_contains("type"); type != nullptr && type->is_string()) {
        schema["type"] = bj::array{*type, "null"};
        return schema;
    }
    return bj::object{{"anyOf", bj::array{std::move(schema), bj::object{{"type", "null"}}}}};
}

bj::object component_ref(const std::string& name)
{
    return bj::object{{"$ref", "#/components/schemas/" + name}};
}

}  // namespace schema_detail

namespace {

bj::object error_response(std::string_view description)
{
    return bj::object{{"description", description},
                      {"content", bj::object{{"application/json",
                                              bj::object{{"schema", schema_detail::component_ref("ErrorEnvelope")}}}}}};
}

void add_envelope_components(bj::object& schemas)
{
    schemas["Meta"] = bj::object{
        {"type", "object"},
        {"required", bj::array{"requestId", "timestamp"}},
        {"properties", bj::object{{"requestId", bj::object{{"type", "string"}}},
                                  {"timestamp", bj::object{{"type", "string"}, {"format", "date-time"}}}}}};
    schemas["Pagination"] = bj::object{
        {"type", "object"},
        {"required", bj::array{"page", "limit", "total", "totalPages", "hasNext", "hasPrev", "nextCursor"}},
        {"properties", bj::object{{"page", bj::object{{"type", "integer"}}},
                                  {"limit", bj::object{{"type", "integer"}}},
                                  {"total", bj::object{{"type", "integer"}}},
                                  {"totalPages", bj::object{{"type", "integer"}}},
                                  {"hasNext", bj::object{{"type", "boolean"}}},
                                  {"hasPrev", bj::object{{"type", "boolean"}}},
                                  {"nextCursor", bj::object{{"type", bj::array{"string", "null"}}}}}}};
    schemas["FieldError"] = bj::object{
        {"type", "object"},
        {"required", bj::array{"field", "code", "message"}},
        {"properties", bj::object{{"field", bj::object{{"type", "string"}}},
                                  {"code", bj::object{{"type", "string"}}},
                                  {"message", bj::object{{"type", "string"}}}}}};
    schemas["ErrorEnvelope"] = bj::object{
        {"type", "object"},
        {"required", bj::array{"success", "error", "meta"}},
        {"properties",
         bj::object{{"success", bj::object{{"const", false}}},
                    {"error", bj::object{{"type", "object"},
                                         {"required", bj::array{"code", "message", "details", "requestId"}},
                                         {"properties", bj::object{{"code", bj::object{{"type", "string"}}},
                                                                   {"message", bj::object{{"type", "string"}}},
                                                                   {"details", bj::object{{"type", "array"},
                                                                                          {"items", schema_detail::component_ref("FieldError")}}},
                                                                   {"requestId", bj::object{{"type", "string"}}}}}}},
                    {"meta", schema_detail::component_ref("Meta")}}}};
}

bj::object param_schema(ParamType type)
{
    switch (type) {
    case ParamType::integer: return bj::object{{"type", "integer"}, {"format", "int64"}, {"minimum", 1}};
    case ParamType::number: return bj::object{{"type", "number"}};
    case ParamType::boolean: return bj::object{{"type", "boolean"}};
    case ParamType::date: return bj::object{{"type", "string"}, {"format", "date"}};
    case ParamType::month: return bj::object{{"type", "string"}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$"}};
    case ParamType::string: return bj::object{{"type", "string"}};
    }
    return bj::object{{"type", "string"}};
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

std::string operation_id(const Route& route)
{
    std::string id = lower(method_name(route.spec.method));
    bool upper = true;
    for (char c : route.display_path) {
        if (c == '/' || c == '{' || c == '}' || c == '-' || c == '.' || c == '_') {
            upper = true;
            continue;
        }
        id.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        upper = false;
    }
    return id;
}

bj::object operation(const Route& route, SchemaRegistry& registry)
{
    const auto& spec = route.spec;
    bj::object op{{"operationId", operation_id(route)}, {"summary", spec.summary}};
    if (!spec.tag.empty()) {
        op["tags"] = bj::array{bj::value(spec.tag)};
    }
    bj::array parameters;
    // Path parameters, in template order.
    std::string_view path = route.full_path;
    for (auto open = path.find('{'); open != std::string_view::npos; open = path.find('{', open + 1)) {
        auto close = path.find('}', open);
        auto inner = path.substr(open + 1, close - open - 1);
        auto colon = inner.find(':');
        auto type = colon == std::string_view::npos ? std::string_view("string") : inner.substr(colon + 1);
        ParamType t = type == "int" ? ParamType::integer : type == "date" ? ParamType::date : ParamType::string;
        parameters.push_back(bj::object{{"name", inner.substr(0, colon)},
                                        {"in", "path"},
                                        {"required", true},
                                        {"schema", param_schema(t)}});
    }
    for (const auto& q : spec.query) {
        bj::object schema = param_schema(q.type);
        if (!q.allowed.empty()) {
            bj::array values;
            for (const auto& a : q.allowed) {
                values.push_back(bj::value(a));
            }
            schema["enum"] = std::move(values);
        }
        bj::object p{{"name", q.name}, {"in", "query"}, {"required", q.required}, {"schema", std::move(schema)}};
        if (!q.description.empty()) {
            p["description"] = q.description;
        }
        parameters.push_back(std::move(p));
    }
    if (!parameters.empty()) {
        op["parameters"] = std::move(parameters);
    }
    if (spec.request) {
        op["requestBody"] = bj::object{
            {"required", true},
            {"content", bj::object{{"application/json", bj::object{{"schema", bj::parse(spec.request(registry))}}}}}};
    } else if (!spec.consumes.empty()) {
        bj::object content;
        for (const auto& type : spec.consumes) {
            content[type] = bj::object{{"schema", bj::object{{"type", "string"}, {"format", "binary"}}}};
        }
        op["requestBody"] = bj::object{{"required", true}, {"content", std::move(content)}};
    }

    bj::object responses;
    auto status = std::to_string(static_cast<unsigned>(spec.success));
    if (!spec.produces.empty()) {
        bj::object content;
        std::string_view types = spec.produces;
        while (!types.empty()) {
            auto comma = types.find(", ");
            content[types.substr(0, comma)] = bj::object{{"schema", bj::object{}}};
            types = comma == std::string_view::npos ? std::string_view() : types.substr(comma + 2);
        }
        responses[status] = bj::object{{"description", "Success"}, {"content", std::move(content)}};
    } else if (spec.success == Status::no_content) {
        responses[status] = bj::object{{"description", "Success, no content"}};
    } else {
        bj::value data = spec.response ? bj::parse(spec.response(registry)) : bj::value(bj::object{});
        if (spec.list) {
            data = bj::object{{"type", "array"}, {"items", std::move(data)}};
        }
        bj::object properties{{"success", bj::object{{"const", true}}}, {"data", std::move(data)},
                              {"meta", schema_detail::component_ref("Meta")}};
        bj::array required{"success", "data", "meta"};
        if (spec.list) {
            properties["pagination"] = schema_detail::component_ref("Pagination");
            required.push_back("pagination");
        }
        responses[status] = bj::object{
            {"description", "Success"},
            {"content", bj::object{{"application/json",
                                    bj::object{{"schema", bj::object{{"type", "object"},
                                                                     {"required", std::move(required)},
                                                                     {"properties", std::move(properties)}}}}}}}};
    }
    if (route.full_path.find('{') != std::string::npos || !spec.query.empty()) {
        responses["400"] = error_response("Malformed parameters");
    }
    if (!spec.permission.empty()) {
        responses["401"] = error_response("Missing or invalid credentials");
        responses["403"] = error_response("Not permitted");
        op["security"] = bj::array{bj::object{{"bearerAuth", bj::array{}}}, bj::object{{"apiKey", bj::array{}}},
                                   bj::object{{"cookieAuth", bj::array{}}}};
        op["x-permission"] = spec.permission;
    }
    if (route.full_path.find('{') != std::string::npos) {
        responses["404"] = error_response("Not found");
    }
    if (spec.request) {
        responses["400"] = error_response("Malformed JSON");
        responses["413"] = error_response("Body too large");
        responses["415"] = error_response("Not application/json");
        responses["422"] = error_response("Invalid fields, one detail per field");
    }
    responses["500"] = error_response("Unexpected error");
    op["responses"] = std::move(responses);
    return op;
}

}  // namespace

std::string build_openapi(const Router& router, const ApiInfo& info)
{
    SchemaRegistry registry;
    bj::object paths;
    for (const auto& route : router.routes()) {
        auto& item = paths[route->display_path];
        if (!item.is_object()) {
            item = bj::object{};
        }
        item.as_object()[lower(method_name(route->spec.method))] = operation(*route, registry);
    }
    bj::object schemas = registry.schemas();
    add_envelope_components(schemas);
    bj::object doc{
        {"openapi", "3.1.0"},
        {"info", bj::object{{"title", info.title}, {"version", info.version}, {"description", info.description}}},
        {"servers", bj::array{bj::object{{"url", "/"}}}},
        {"paths", std::move(paths)},
        {"components",
         bj::object{{"schemas", std::move(schemas)},
                    {"securitySchemes",
                     bj::object{{"bearerAuth", bj::object{{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}},
                                {"apiKey", bj::object{{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}},
                                {"cookieAuth", bj::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "sala_access"}}}}}}}};
    return bj::serialize(doc);
}

}  // namespace sala::http
