// Slack request signing (platforms.md §A1): verify the v0 HMAC of an HTTP request before anything
// else reads it, and sign bodies the way Slack does (for tests and fake platforms).
#pragma once

#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace openfloor::slack {

// Checks `signature_header` ("v0=<hex>") against HMAC-SHA256(secret, "v0:<ts>:<raw body>").
// `raw_body` must be the bytes as received, before any form or JSON decoding. Refuses a
// timestamp more than max_signature_age away from `now`, in either direction.
boost::system::result<void> verify_signature(std::string_view signing_secret,
                                             std::string_view timestamp_header,
                                             std::string_view signature_header,
                                             std::string_view raw_body,
                                             std::chrono::system_clock::time_point now);

// "v0=" + lowercase hex HMAC: the X-Slack-Signature Slack would send for this body.
std::string sign(std::string_view secret, std::string_view timestamp, std::string_view body);

} // namespace openfloor::slack
