// JSON Schemas for described types, mirroring exactly the rules of json.hpp (what write() produces
// and read accepts), so the OpenAPI document cannot drift from the wire. Routes point at
// `&http::schema<T>` in their RouteSpec.
#pragma once

#include "http/json.hpp"
#include "http/router.hpp"

#include <boost/core/demangle.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <typeindex>

namespace sala::http {

class SchemaRegistry {
public:
    // The component name for a type: its unqualified C++ name, qualified only on a clash.
    std::string name_for(std::type_index type, const std::string& demangled);
    [[nodiscard]] bool has(const std::string& name) const { return schemas_.contains(name); }
    void add(const std::string& name, boost::json::object schema) { schemas_[name] = std::move(schema); }
    [[nodiscard]] const boost::json::object& schemas() const { return schemas_; }

private:
    boost::json::object schemas_;
    std::map<std::type_index, std::string> names_;
};

namespace schema_detail {

namespace bj = boost::json;

bj::object nullable(bj::object schema);
bj::object component_ref(const std::string& name);

template <class T>
bj::object of(SchemaRegistry& registry);

template <class T>
void add_member(SchemaRegistry& registry, bj::object& properties, bj::array& required, const std::string& key)
{
    using json::is_omittable;
    using json::is_optional;
    using json::is_patch;
    if constexpr (is_patch<T>::value) {
        properties[key] = nullable(of<decltype(std::declval<T>().value)>(registry));
    } else if constexpr (is_optional<T>::value) {
        properties[key] = of<T>(registry);
    } else if constexpr (is_omittable<T>::value) {
        properties[key] = of<typename T::value_type>(registry);
    } else {
        properties[key] = of<T>(registry);
        required.push_back(bj::value(key));
    }
}

template <class T>
bj::object of(SchemaRegistry& registry)
{
    if constexpr (std::is_same_v<T, bj::value>) {
        return bj::object{};
    } else if constexpr (std::is_same_v<T, bool>) {
        return bj::object{{"type", "boolean"}};
    } else if constexpr (std::is_integral_v<T>) {
        return bj::object{{"type", "integer"}, {"format", sizeof(T) > 4 ? "int64" : "int32"}};
    } else if constexpr (std::is_floating_point_v<T>) {
        return bj::object{{"type", "number"}};
    } else if constexpr (std::is_convertible_v<T, std::string_view>) {
        return bj::object{{"type", "string"}};
    } else if constexpr (std::is_same_v<T, Date>) {
        return bj::object{{"type", "string"}, {"format", "date"}};
    } else if constexpr (std::is_same_v<T, TimePoint>) {
        return bj::object{{"type", "string"}, {"format", "date-time"}};
    } else if constexpr (json::is_optional<T>::value || json::is_omittable<T>::value) {
        return nullable(of<typename T::value_type>(registry));
    } else if constexpr (json::is_vector<T>::value) {
        return bj::object{{"type", "array"}, {"items", of<typename T::value_type>(registry)}};
    } else if constexpr (json::is_string_map<T>::value) {
        return bj::object{{"type", "object"}, {"additionalProperties", of<typename T::mapped_type>(registry)}};
    } else if constexpr (std::is_enum_v<T>) {
        bj::array values;
        for (const auto& n : json::enum_names<T>()) {
            values.push_back(bj::value(n));
        }
        return bj::object{{"type", "string"}, {"enum", std::move(values)}};
    } else {
        static_assert(boost::describe::has_describe_members<T>::value, "type has no JSON form: describe it");
        auto name = registry.name_for(typeid(T), boost::core::demangle(typeid(T).name()));
        if (!registry.has(name)) {
            registry.add(name, bj::object{});  // placeholder: stops recursion on self-reference
            bj::object properties;
            bj::array required;
            const auto& keys = json::member_keys<T>();
            std::size_t i = 0;
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
                using M = std::remove_cvref_t<decltype(std::declval<T>().*d.pointer)>;
                add_member<M>(registry, properties, required, keys[i++]);
            });
            bj::object schema{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
            if (!required.empty()) {
                schema["required"] = std::move(required);
            }
            registry.add(name, std::move(schema));
        }
        return component_ref(name);
    }
}

}  // namespace schema_detail

// For RouteSpec::request / RouteSpec::response.
template <class T>
std::string schema(SchemaRegistry& registry)
{
    return boost::json::serialize(schema_detail::of<T>(registry));
}

}  // namespace sala::http
