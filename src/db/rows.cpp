// Column value conversions shared by both backends (PostgreSQL hands back text for numerics and
// 't'/'f' for booleans; SQLite hands back integers for booleans).
#include "db/rows.hpp"

#include <charconv>
#include <cmath>

namespace sala::db {

std::int64_t as_int(const Value& v)
{
    if (auto i = std::get_if<std::int64_t>(&v)) {
        return *i;
    }
    if (auto d = std::get_if<double>(&v)) {
        return static_cast<std::int64_t>(std::llround(*d));
    }
    if (auto b = std::get_if<bool>(&v)) {
        return *b ? 1 : 0;
    }
    if (auto s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc{} && p == s->data() + s->size()) {
            return out;
        }
        double d = 0;
        auto [p2, ec2] = std::from_chars(s->data(), s->data() + s->size(), d);
        if (ec2 == std::errc{} && p2 == s->data() + s->size()) {
            return static_cast<std::int64_t>(std::llround(d));
        }
        throw Failure("column value is not an integer: " + *s);
    }
    throw Failure("column value is NULL where an integer was expected");
}

double as_double(const Value& v)
{
    if (auto d = std::get_if<double>(&v)) {
        return *d;
    }
    if (auto i = std::get_if<std::int64_t>(&v)) {
        return static_cast<double>(*i);
    }
    if (auto s = std::get_if<std::string>(&v)) {
        double out = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc{} && p == s->data() + s->size()) {
            return out;
        }
        throw Failure("column value is not a number: " + *s);
    }
    throw Failure("column value is NULL or boolean where a number was expected");
}

std::string as_string(const Value& v)
{
    if (auto s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (auto i = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*i);
    }
    if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        return std::string(buf, ec == std::errc{} ? end : buf);
    }
    if (auto b = std::get_if<bool>(&v)) {
        return *b ? "true" : "false";
    }
    throw Failure("column value is NULL where text was expected");
}

bool as_bool(const Value& v)
{
    if (auto b = std::get_if<bool>(&v)) {
        return *b;
    }
    if (auto i = std::get_if<std::int64_t>(&v)) {
        return *i != 0;
    }
    if (auto s = std::get_if<std::string>(&v)) {
        return *s == "t" || *s == "true" || *s == "1";
    }
    throw Failure("column value is NULL where a boolean was expected");
}

const Value& Row::at(std::size_t i) const
{
    if (i >= columns_->size()) {
        throw Failure("column index out of range: " + std::to_string(i));
    }
    return cells_[i];
}

const Value& Row::at(std::string_view column) const
{
    for (std::size_t i = 0; i < columns_->size(); ++i) {
        if ((*columns_)[i] == column) {
            return cells_[i];
        }
    }
    throw Failure("no column named " + std::string(column));
}

void Rows::append(std::vector<Value>&& row)
{
    if (row.size() != width()) {
        throw Failure("row width does not match the column count");
    }
    for (auto& v : row) {
        cells_.push_back(std::move(v));
    }
}

}  // namespace sala::db
