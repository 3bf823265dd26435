// The Mattermost adapter's error codes: why a request from Mattermost was refused before it
// reached the core, or a payload could not be read, and why the adapter could not start.
#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace openfloor::mattermost {

enum class error {
    malformed_payload = 1, // not JSON / not a form, or a field of the wrong type
    unknown_payload,       // well-formed, but not a payload we handle
    bad_command_token,     // a slash command without the configured command_token
    forged_action,         // an action callback whose context HMAC does not match
    auth_failed,           // users/me refused the bot token, or the server did not answer
};

const boost::system::error_category& error_category() noexcept;
boost::system::error_code make_error_code(error e) noexcept;

} // namespace openfloor::mattermost

template <>
struct boost::system::is_error_code_enum<openfloor::mattermost::error> : std::true_type {};
