// application/x-www-form-urlencoded bodies and query strings (Slack's slash commands and
// interactivity in HTTP mode, Mattermost's slash commands), decoded by Boost.URL with '+' read as
// a space. Shared by slack/ and mattermost/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openfloor::transport::payload {

using form_fields = std::vector<std::pair<std::string, std::string>>;

// Every key=value pair in order, decoded; nullopt if Boost.URL refuses the text (a stray space,
// a bad %-escape). Each adapter turns nullopt into its own malformed_payload.
std::optional<form_fields> decode_form(std::string_view body);

// The first value of `key`, or null.
const std::string* find_field(const form_fields& fields, std::string_view key);

} // namespace openfloor::transport::payload
