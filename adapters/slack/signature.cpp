// Slack's v0 request signature: replay window first, then a constant-time HMAC comparison.
#include "adapters/slack/signature.hpp"

#include "adapters/slack/error.hpp"
#include "adapters/slack/protocol.hpp"
#include "bot/crypto.hpp"

#include <charconv>
#include <cstdint>

namespace openfloor::slack {
namespace {

namespace crypto = bot::crypto;

// The whole header must be a decimal number: "17e8", " 1700000000" or "" are refused.
bool parse_seconds(std::string_view text, std::int64_t& out) {
    const char* const end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return !text.empty() && ec == std::errc{} && ptr == end;
}

bool is_fresh(std::int64_t timestamp, std::chrono::system_clock::time_point now) {
    const std::int64_t now_s =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t window = max_signature_age.count();
    // Compared as bounds rather than |now - ts|: a hostile timestamp near INT64_MIN would
    // overflow the subtraction.
    return timestamp >= now_s - window && timestamp <= now_s + window;
}

} // namespace

std::string sign(std::string_view secret, std::string_view timestamp, std::string_view body) {
    std::string base;
    base.reserve(signature_version.size() + timestamp.size() + body.size() + 2);
    base.append(signature_version).append(":").append(timestamp).append(":").append(body);
    std::string out(signature_prefix);
    out += crypto::to_hex(crypto::hmac_sha256(secret, base));
    return out;
}

boost::system::result<void> verify_signature(std::string_view signing_secret,
                                             std::string_view timestamp_header,
                                             std::string_view signature_header,
                                             std::string_view raw_body,
                                             std::chrono::system_clock::time_point now) {
    if (timestamp_header.empty() || signature_header.empty()) {
        return error::missing_signature;
    }
    if (signing_secret.empty()) {
        return error::bad_signature; // anyone can compute an HMAC under an empty key
    }
    std::int64_t timestamp = 0;
    if (!parse_seconds(timestamp_header, timestamp) || !is_fresh(timestamp, now)) {
        return error::stale_timestamp;
    }
    // constant_time_equal checks the length first; the length of a signature is no secret.
    if (!crypto::constant_time_equal(sign(signing_secret, timestamp_header, raw_body),
                                     signature_header)) {
        return error::bad_signature;
    }
    return {};
}

} // namespace openfloor::slack
