// The demo adapter's error codes: why a request from the demo page was refused before it
// reached the core.
#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace openfloor::local {

enum class error {
    malformed_request = 1, // not JSON, not an object, or a field of the wrong type
    unknown_person,        // "as" names nobody in the demo's cast
    unknown_message,       // no such message where this person can see it
    unknown_action,        // the message has no button with this action id
    empty_text,            // a platform posts no empty messages
    no_open_form,          // a form submitted, but this person has none open
    unknown_reason,        // a flag form's reason is none of the offered ones
};

const boost::system::error_category& error_category() noexcept;
boost::system::error_code make_error_code(error e) noexcept;

} // namespace openfloor::local

template <>
struct boost::system::is_error_code_enum<openfloor::local::error> : std::true_type {};
