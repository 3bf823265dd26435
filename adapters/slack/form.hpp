// application/x-www-form-urlencoded bodies (slash commands, interactivity in HTTP mode), decoded
// by Boost.URL with '+' read as a space. Internal to slack/.
#pragma once

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openfloor::slack::detail {

using form_fields = std::vector<std::pair<std::string, std::string>>;

// Every key=value pair in order, decoded; error::malformed_payload if Boost.URL refuses the text
// (a stray space, a bad %-escape).
boost::system::result<form_fields> decode_form(std::string_view body);

// The first value of `key`, or null.
const std::string* find_field(const form_fields& fields, std::string_view key);

} // namespace openfloor::slack::detail
