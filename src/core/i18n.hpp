// The message catalogue: every human-readable message Sala sends, in English and Khmer, keyed by
// message id, and the Accept-Language negotiation that picks one.
#pragma once

#include "core/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sala {

enum class Locale { en, km };

std::string_view locale_tag(Locale locale);                  // "en", "km"
std::optional<Locale> parse_locale(std::string_view tag);   // "km", "km-KH", "EN" …

// The best supported language in an Accept-Language header, by q-value; `fallback` when the
// header is empty or names nothing we speak.
Locale negotiate_locale(std::string_view accept_language, Locale fallback);

// The message for `key` with "{name}" placeholders replaced from `args`. An unknown key is
// returned as is (a unit test keeps the catalogue complete for every key the code uses).
std::string translate(Locale locale, std::string_view key, const MessageArgs& args = {});

// True when the catalogue has the key in every language (used by tests).
bool has_message(std::string_view key);

// The default message key of an error code ("error.not_found").
std::string default_message_key(ErrorCode code);

}  // namespace sala
