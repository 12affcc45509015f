// Values going into and coming out of SQL, and typed access to result rows. Both backends
// convert to and from these, so repositories never see a driver type.
#pragma once

#include "core/error.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace sala::db {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, bool>;

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

// A C++ value as an SQL parameter. Dates and timestamps travel as their wire text, which both
// backends store in TEXT columns and which sorts in time order.
template <class T>
Value to_value(const T& v)
{
    if constexpr (std::is_same_v<T, Value>) {
        return v;
    } else if constexpr (std::is_same_v<T, std::nullptr_t>) {
        return nullptr;
    } else if constexpr (std::is_same_v<T, bool>) {
        return v;
    } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
        return static_cast<std::int64_t>(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        return static_cast<double>(v);
    } else if constexpr (std::is_same_v<T, Date>) {
        return format_date(v);
    } else if constexpr (std::is_same_v<T, TimePoint>) {
        return format_timestamp(v);
    } else if constexpr (is_optional<T>::value) {
        return v ? to_value(*v) : Value(nullptr);
    } else {
        static_assert(std::is_convertible_v<T, std::string_view>, "no SQL form for this type");
        return std::string(std::string_view(v));
    }
}

// Conversions from a column value; mismatches are bugs (schema and code disagree) and throw.
std::int64_t as_int(const Value& v);
double as_double(const Value& v);
std::string as_string(const Value& v);
bool as_bool(const Value& v);

class Row {
public:
    Row(const std::vector<std::string>* columns, const Value* cells) : columns_(columns), cells_(cells) {}

    [[nodiscard]] std::size_t size() const { return columns_->size(); }
    [[nodiscard]] const Value& at(std::size_t i) const;
    [[nodiscard]] const Value& at(std::string_view column) const;
    [[nodiscard]] bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(at(i)); }
    [[nodiscard]] const std::string& column_name(std::size_t i) const { return (*columns_)[i]; }

    template <class T, class Key>
    [[nodiscard]] T get(Key key) const
    {
        return convert<T>(at(key));
    }

    template <class T>
    static T convert(const Value& v)
    {
        if constexpr (is_optional<T>::value) {
            if (std::holds_alternative<std::nullptr_t>(v)) {
                return std::nullopt;
            }
            return convert<typename T::value_type>(v);
        } else if constexpr (std::is_same_v<T, bool>) {
            return as_bool(v);
        } else if constexpr (std::is_integral_v<T>) {
            return static_cast<T>(as_int(v));
        } else if constexpr (std::is_floating_point_v<T>) {
            return static_cast<T>(as_double(v));
        } else if constexpr (std::is_same_v<T, Date>) {
            auto d = parse_date(as_string(v));
            if (!d) {
                throw Failure("column holds no date: " + as_string(v));
            }
            return *d;
        } else if constexpr (std::is_same_v<T, TimePoint>) {
            auto t = parse_timestamp(as_string(v));
            if (!t) {
                throw Failure("column holds no timestamp: " + as_string(v));
            }
            return *t;
        } else {
            return as_string(v);
        }
    }

private:
    const std::vector<std::string>* columns_;
    const Value* cells_;
};

// A materialised result set.
class Rows {
public:
    Rows() : columns_(std::make_shared<std::vector<std::string>>()) {}
    explicit Rows(std::vector<std::string> columns)
        : columns_(std::make_shared<std::vector<std::string>>(std::move(columns)))
    {
    }

    void append(std::vector<Value>&& row);  // row.size() must equal the column count
    [[nodiscard]] std::size_t size() const { return width() == 0 ? 0 : cells_.size() / width(); }
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] std::size_t width() const { return columns_->size(); }
    [[nodiscard]] Row operator[](std::size_t i) const { return Row(columns_.get(), cells_.data() + i * width()); }
    [[nodiscard]] Row front() const { return (*this)[0]; }
    [[nodiscard]] const std::vector<std::string>& columns() const { return *columns_; }

    class iterator {
    public:
        iterator(const Rows* rows, std::size_t i) : rows_(rows), i_(i) {}
        Row operator*() const { return (*rows_)[i_]; }
        iterator& operator++()
        {
            ++i_;
            return *this;
        }
        bool operator!=(const iterator& o) const { return i_ != o.i_; }

    private:
        const Rows* rows_;
        std::size_t i_;
    };
    [[nodiscard]] iterator begin() const { return iterator(this, 0); }
    [[nodiscard]] iterator end() const { return iterator(this, size()); }

private:
    std::shared_ptr<std::vector<std::string>> columns_;
    std::vector<Value> cells_;
};

}  // namespace sala::db
