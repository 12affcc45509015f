// See validation.hpp.
#include "core/validation.hpp"

namespace sala {

std::string trimmed(std::string_view text)
{
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string ascii_lowered(std::string_view text)
{
    std::string out(text);
    for (auto& c : out) {
        c = ascii_lower(c);
    }
    return out;
}

std::size_t utf8_length(std::string_view text)
{
    std::size_t n = 0;
    for (unsigned char c : text) {
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

void require_text(FieldErrors& errors, const std::string& field, std::string& value, std::size_t max)
{
    value = trimmed(value);
    if (value.empty()) {
        errors.add(field, "REQUIRED");
    } else if (utf8_length(value) > max) {
        errors.add(field, "TOO_LONG", {{"max", std::to_string(max)}});
    }
}

void optional_text(FieldErrors& errors, const std::string& field, std::optional<std::string>& value, std::size_t max)
{
    if (!value) {
        return;
    }
    *value = trimmed(*value);
    if (value->empty()) {
        value.reset();
    } else if (utf8_length(*value) > max) {
        errors.add(field, "TOO_LONG", {{"max", std::to_string(max)}});
    }
}

bool is_phone(std::string_view text)
{
    if (text.size() < 6 || text.size() > 20) {
        return false;
    }
    int digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
            return false;
        }
    }
    return digits >= 6;
}

bool is_email(std::string_view text)
{
    if (text.empty() || text.size() > 254 || text.find_first_of(" \t\r\n<>()[],;:\"\\") != std::string_view::npos) {
        return false;
    }
    auto at = text.find('@');
    if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    auto domain = text.substr(at + 1);
    auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

void check_phone(FieldErrors& errors, const std::string& field, const std::optional<std::string>& value)
{
    if (value && !is_phone(*value)) {
        errors.add(field, "INVALID_FORMAT");
    }
}

void check_email(FieldErrors& errors, const std::string& field, const std::optional<std::string>& value)
{
    if (value && !is_email(*value)) {
        errors.add(field, "INVALID_FORMAT");
    }
}

void check_one_of(FieldErrors& errors, const std::string& field, std::string_view value,
                  std::initializer_list<std::string_view> allowed)
{
    std::string list;
    for (auto a : allowed) {
        if (a == value) {
            return;
        }
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    errors.add(field, "INVALID_VALUE", {{"allowed", list}});
}

}  // namespace sala
