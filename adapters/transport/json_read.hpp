// Guarded reads of a platform's JSON for the adapters' payload decoders: an absent or null key
// keeps its default, a value of the wrong type throws nlohmann's type_error, and decode() turns
// that (and text that is not JSON, not an object, or nested absurdly deep) into the adapter's
// own error code. Shared by slack/ and mattermost/.
#pragma once

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace openfloor::transport::payload {

using json = nlohmann::json;

// Real payloads nest about a dozen levels (a rich_text list in a message in an envelope).
// Refusing far deeper text up front keeps dump() and later walks from recursing 10,000 deep.
inline constexpr std::size_t default_max_json_depth = 64;

// False for invalid JSON (never throws) or nesting deeper than `max_depth`.
bool parse_json(std::string_view text, json& out, std::size_t max_depth = default_max_json_depth);

// object[key], or null when `object` is null or lacks the key. A non-object throws type_error.
const json& member(const json& object, std::string_view key);

// Throws type_error unless `value` is an object: for members a payload cannot do without.
void require_object(const json& value);

// The first element of the array object[key], or null when absent or empty.
const json& first_of(const json& object, std::string_view key);

// An integer that fits in Int, or type_error. nlohmann's own get<int>() casts a float (and an
// integer too long for 64 bits, which it parses as one) without looking: undefined behaviour for
// 1e300 (found by tests/fuzz; regressions/slack/event-time-beyond-int64).
template <class Int>
Int integer_of(const json& value) {
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (std::in_range<Int>(u)) {
            return static_cast<Int>(u);
        }
    } else if (value.is_number_integer()) {
        const auto i = value.get<std::int64_t>();
        if (std::in_range<Int>(i)) {
            return static_cast<Int>(i);
        }
    } else if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^digits is exact as a double; the range is half-open because 2^digits does not fit.
        const double limit = std::ldexp(1.0, std::numeric_limits<Int>::digits);
        const double low = std::is_signed_v<Int> ? -limit : 0.0;
        if (std::isfinite(d) && std::trunc(d) == d && d >= low && d < limit) {
            return static_cast<Int>(d);
        }
    }
    throw json::type_error::create(302, "not an integer in range", &value);
}

template <class T>
void read(const json& object, std::string_view key, T& out) {
    const json& value = member(object, key);
    if (value.is_null()) {
        return;
    }
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        out = integer_of<T>(value);
    } else {
        value.get_to(out); // type_error when the platform sent another type
    }
}

// Reads a string if it is one and ignores it otherwise: for keys whose type depends on the
// event (Slack's `user` is a string in message events but an object in team_join).
void read_if_string(const json& object, std::string_view key, std::string& out);

// j[key] = value, unless value is empty: for platforms that omit absent keys rather than send "".
void put_nonempty(json& j, const char* key, const std::string& value);

// Parses `text` and builds a T with `build(doc)`; the one place their json exceptions stop.
// `on_failure` is what the adapter calls a malformed payload (every payload is an object).
template <class T, class Build>
boost::system::result<T> decode(std::string_view text, boost::system::error_code on_failure,
                                Build&& build, std::size_t max_depth = default_max_json_depth) {
    json doc;
    if (!parse_json(text, doc, max_depth) || !doc.is_object()) {
        return on_failure;
    }
    try {
        return std::forward<Build>(build)(doc);
    } catch (const json::exception&) { // a wrong type somewhere in the document
        return on_failure;
    }
}

} // namespace openfloor::transport::payload
