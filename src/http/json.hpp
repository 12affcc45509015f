// Described structs to and from JSON: one Boost.Describe declaration gives a type its wire form
// (camelCase keys from snake_case members), its request validation (every bad field reported by
// its JSON path) and, in json_schema.hpp, its OpenAPI schema. Include only from .cpp files.
#pragma once

#include "core/error.hpp"
#include "core/time.hpp"
#include "http/message.hpp"

#include <boost/describe.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace sala::json {

namespace bj = boost::json;

std::string camel_case(std::string_view snake);  // "student_id" → "studentId"

// A member that is left out of the JSON entirely when empty (instead of `null`): for fields a
// caller may not be allowed to see, which must be absent rather than null.
template <class T>
struct Omittable : std::optional<T> {
    using std::optional<T>::optional;
    using std::optional<T>::operator=;
};

// A PATCH member: absent (leave alone), null (clear) or a value.
template <class T>
struct Patch {
    bool present = false;
    std::optional<T> value;  // nullopt with present == true means "set to null"
};

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_omittable : std::false_type {};
template <class T> struct is_omittable<Omittable<T>> : std::true_type {};
template <class T> struct is_patch : std::false_type {};
template <class T> struct is_patch<Patch<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_string_map : std::false_type {};
template <class T> struct is_string_map<std::map<std::string, T>> : std::true_type {};

// Member keys of a described struct, converted once.
template <class T>
const std::vector<std::string>& member_keys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto d) { out.push_back(camel_case(d.name)); });
        return out;
    }();
    return keys;
}

template <class E>
std::string_view enum_name(E value)
{
    std::string_view out = "";
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (d.value == value) {
            out = d.name;
        }
    });
    return out;
}

template <class E>
std::vector<std::string> enum_names()
{
    std::vector<std::string> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out.emplace_back(d.name); });
    return out;
}

template <class E>
std::optional<E> enum_from_name(std::string_view name)
{
    std::optional<E> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (name == d.name) {
            out = d.value;
        }
    });
    return out;
}

// ---------------------------------------------------------------------------------------------
// Writing: straight into a string (no intermediate DOM); numbers in their shortest round-trip
// form ("87.5", not "8.75E1").

void write_string(std::string& out, std::string_view s);
void write_double(std::string& out, double d);
void write_value(std::string& out, const bj::value& v);

template <class T>
void write(std::string& out, const T& v);

template <class T>
void write_member(std::string& out, bool& first, std::string_view key, const T& v)
{
    if constexpr (is_omittable<T>::value) {
        if (!v.has_value()) {
            return;
        }
    }
    out += first ? "" : ",";
    first = false;
    write_string(out, key);
    out += ':';
    write(out, v);
}

template <class T>
void write(std::string& out, const T& v)
{
    if constexpr (std::is_same_v<T, bj::value>) {
        write_value(out, v);
    } else if constexpr (std::is_same_v<T, bj::object> || std::is_same_v<T, bj::array>) {
        write_value(out, bj::value(v));
    } else if constexpr (std::is_same_v<T, bool>) {
        out += v ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
        out += std::to_string(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        write_double(out, static_cast<double>(v));
    } else if constexpr (std::is_convertible_v<T, std::string_view>) {
        write_string(out, std::string_view(v));
    } else if constexpr (std::is_same_v<T, Date>) {
        write_string(out, format_date(v));
    } else if constexpr (std::is_same_v<T, TimePoint>) {
        write_string(out, format_timestamp(v));
    } else if constexpr (is_optional<T>::value || is_omittable<T>::value) {
        if (v) {
            write(out, *v);
        } else {
            out += "null";
        }
    } else if constexpr (is_vector<T>::value) {
        out += '[';
        bool first = true;
        for (const auto& item : v) {
            out += first ? "" : ",";
            first = false;
            write(out, item);
        }
        out += ']';
    } else if constexpr (is_string_map<T>::value) {
        out += '{';
        bool first = true;
        for (const auto& [k, item] : v) {
            write_member(out, first, k, item);
        }
        out += '}';
    } else if constexpr (std::is_enum_v<T>) {
        write_string(out, enum_name(v));
    } else {
        static_assert(boost::describe::has_describe_members<T>::value, "type has no JSON form: describe it");
        out += '{';
        bool first = true;
        const auto& keys = member_keys<T>();
        std::size_t i = 0;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto d) { write_member(out, first, keys[i++], v.*d.pointer); });
        out += '}';
    }
}

template <class T>
std::string dump(const T& v)
{
    std::string out;
    out.reserve(128);
    write(out, v);
    return out;
}

// A data response: `data` is `value` in the envelope the pipeline adds.
template <class T>
http::Response respond(http::Status status, const T& value)
{
    return http::Response::data(status, dump(value));
}

template <class T>
http::Response respond(const T& value)
{
    return respond(http::Status::ok, value);
}

template <class T>
http::Response respond_list(const std::vector<T>& items, http::Pagination pagination)
{
    return http::Response::list(dump(items), std::move(pagination));
}

// A Result: the value as `data`, or the error.
template <class T>
http::Response respond(http::Status status, const Result<T>& result)
{
    if (!result) {
        return http::Response::from_error(result.error());
    }
    return respond(status, *result);
}

// A write that answers nothing: the error, or 204 No Content.
template <class T>
http::Response respond_done(const Result<T>& result)
{
    if (!result) {
        return http::Response::from_error(result.error());
    }
    return http::Response::empty(http::Status::no_content);
}

// ---------------------------------------------------------------------------------------------
// Reading

std::string join_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);
void type_error(FieldErrors& errors, const std::string& path, std::string_view expected);
const char* json_kind_name(const bj::value& v);

template <class T>
void read(const bj::value& in, T& out, const std::string& path, FieldErrors& errors);

template <class T>
void read_member(const bj::object& obj, std::string_view key, T& out, const std::string& path, FieldErrors& errors)
{
    auto it = obj.find(key);
    bool absent = it == obj.end();
    if constexpr (is_patch<T>::value) {
        out.present = !absent;
        if (!absent && !it->value().is_null()) {
            typename decltype(out.value)::value_type v{};
            read(it->value(), v, join_path(path, key), errors);
            out.value = std::move(v);
        }
    } else if constexpr (is_optional<T>::value || is_omittable<T>::value) {
        if (!absent && !it->value().is_null()) {
            typename T::value_type v{};
            read(it->value(), v, join_path(path, key), errors);
            out = std::move(v);
        }
    } else {
        if (absent || it->value().is_null()) {
            errors.add(join_path(path, key), "REQUIRED");
            return;
        }
        read(it->value(), out, join_path(path, key), errors);
    }
}

template <class T>
void read(const bj::value& in, T& out, const std::string& path, FieldErrors& errors)
{
    if constexpr (std::is_same_v<T, bj::value>) {
        out = in;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!in.is_bool()) {
            return type_error(errors, path, "boolean");
        }
        out = in.get_bool();
    } else if constexpr (std::is_integral_v<T>) {
        std::int64_t v = 0;
        if (in.is_int64()) {
            v = in.get_int64();
        } else if (in.is_uint64() && in.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            v = static_cast<std::int64_t>(in.get_uint64());
        } else if (in.is_double() && std::trunc(in.get_double()) == in.get_double() &&
                   std::abs(in.get_double()) < 9.0e15) {
            v = static_cast<std::int64_t>(in.get_double());
        } else {
            return type_error(errors, path, "integer");
        }
        if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
            static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
            errors.add(path, "OUT_OF_RANGE",
                       {{"min", std::to_string(std::numeric_limits<T>::min())},
                        {"max", std::to_string(std::numeric_limits<T>::max())}});
            return;
        }
        out = static_cast<T>(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!in.is_number()) {
            return type_error(errors, path, "number");
        }
        out = static_cast<T>(in.to_number<double>());
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!in.is_string()) {
            return type_error(errors, path, "string");
        }
        out = std::string(in.get_string());
    } else if constexpr (std::is_same_v<T, Date>) {
        if (!in.is_string()) {
            return type_error(errors, path, "string");
        }
        auto d = parse_date(in.get_string());
        if (!d) {
            errors.add(path, "INVALID_FORMAT", {{"format", "YYYY-MM-DD"}});
            return;
        }
        out = *d;
    } else if constexpr (std::is_same_v<T, TimePoint>) {
        if (!in.is_string()) {
            return type_error(errors, path, "string");
        }
        auto t = parse_timestamp(in.get_string());
        if (!t) {
            errors.add(path, "INVALID_FORMAT", {{"format", "YYYY-MM-DDTHH:MM:SSZ"}});
            return;
        }
        out = *t;
    } else if constexpr (is_vector<T>::value) {
        if (!in.is_array()) {
            return type_error(errors, path, "array");
        }
        const auto& arr = in.get_array();
        out.clear();
        out.resize(arr.size());
        for (std::size_t i = 0; i < arr.size(); ++i) {
            read(arr[i], out[i], index_path(path, i), errors);
        }
    } else if constexpr (is_string_map<T>::value) {
        if (!in.is_object()) {
            return type_error(errors, path, "object");
        }
        out.clear();
        for (const auto& kv : in.get_object()) {
            read(kv.value(), out[std::string(kv.key())], join_path(path, kv.key()), errors);
        }
    } else if constexpr (std::is_enum_v<T>) {
        if (!in.is_string()) {
            return type_error(errors, path, "string");
        }
        auto v = enum_from_name<T>(in.get_string());
        if (!v) {
            std::string allowed;
            for (const auto& n : enum_names<T>()) {
                allowed += (allowed.empty() ? "" : ", ") + n;
            }
            errors.add(path, "INVALID_VALUE", {{"allowed", allowed}});
            return;
        }
        out = *v;
    } else {
        static_assert(boost::describe::has_describe_members<T>::value, "type has no JSON form: describe it");
        if (!in.is_object()) {
            return type_error(errors, path, "object");
        }
        const auto& obj = in.get_object();
        const auto& keys = member_keys<T>();
        for (const auto& kv : obj) {
            bool known = false;
            for (const auto& k : keys) {
                if (k == kv.key()) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                errors.add(join_path(path, kv.key()), "UNKNOWN_FIELD");
            }
        }
        std::size_t i = 0;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto d) { read_member(obj, keys[i++], out.*d.pointer, path, errors); });
    }
}

// Parses JSON text into T. Malformed JSON → 400 BAD_REQUEST; a wrong type, a missing required
// field or an unknown field → 422 VALIDATION_ERROR with one detail per offending field.
Result<bj::value> parse_json(std::string_view text);

template <class T>
Result<T> parse(std::string_view text)
{
    auto doc = parse_json(text);
    if (!doc) {
        return doc.error();
    }
    T out{};
    FieldErrors errors;
    read(*doc, out, std::string(), errors);
    if (!errors.empty()) {
        return errors.to_error();
    }
    return out;
}

}  // namespace sala::json

namespace sala::http {

class RequestContext;

// The body of the current request as T (see json::parse for the error rules).
template <class T>
Result<T> parse_body(const Request& request)
{
    return json::parse<T>(request.body);
}

}  // namespace sala::http
