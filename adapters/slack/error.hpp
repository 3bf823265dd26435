// The Slack adapter's error codes: why a request from Slack was refused before it reached the
// core (unsigned, replayed, forged) or could not be read (malformed, of a shape we do not know),
// and why the adapter could not start.
#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace openfloor::slack {

enum class error {
    missing_signature = 1, // no X-Slack-Signature or X-Slack-Request-Timestamp
    stale_timestamp,       // timestamp unreadable or outside the 5-minute window
    bad_signature,         // the HMAC does not match
    malformed_payload,     // not JSON / not a form, or a field of the wrong type
    unknown_payload,       // well-formed, but not a payload we handle
    auth_failed,           // auth.test refused the bot token, or the Web API did not answer
};

const boost::system::error_category& error_category() noexcept;
boost::system::error_code make_error_code(error e) noexcept;

} // namespace openfloor::slack

template <>
struct boost::system::is_error_code_enum<openfloor::slack::error> : std::true_type {};
