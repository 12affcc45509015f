// Field checks shared by every feature's input rules; each adds a field error rather than
// stopping, so one 422 can name every bad field.
#pragma once

#include "core/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sala {

std::string trimmed(std::string_view text);
// Lower case for the ASCII letters only (names in Khmer script and other UTF-8 pass unchanged).
inline char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string ascii_lowered(std::string_view text);
std::size_t utf8_length(std::string_view text);

// Required text: trims it in place, then checks it is non-empty and at most `max` characters.
void require_text(FieldErrors& errors, const std::string& field, std::string& value, std::size_t max);
// Optional text: trims it; an empty result becomes nullopt; checks the length.
void optional_text(FieldErrors& errors, const std::string& field, std::optional<std::string>& value, std::size_t max);

bool is_phone(std::string_view text);  // digits with optional +, spaces, dashes, parentheses; 6–20 chars
bool is_email(std::string_view text);  // one @, a dot in the domain, no spaces; ≤ 254 chars
void check_phone(FieldErrors& errors, const std::string& field, const std::optional<std::string>& value);
void check_email(FieldErrors& errors, const std::string& field, const std::optional<std::string>& value);

// "one of": adds INVALID_VALUE listing the allowed values.
void check_one_of(FieldErrors& errors, const std::string& field, std::string_view value,
                  std::initializer_list<std::string_view> allowed);

}  // namespace sala
