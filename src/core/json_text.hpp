// JSON string escaping without Boost.JSON, for the few places that write JSON text directly:
// log lines and the response envelope around already-serialised data.
#pragma once

#include <string>
#include <string_view>

namespace sala {

// Appends `text` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD, so a hostile header
// cannot break a log line or a response.
void append_json_string(std::string& out, std::string_view text);

}  // namespace sala
