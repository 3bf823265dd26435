// Guarded reads of Slack JSON for the payload decoders: an absent or null key keeps its default,
// a value of the wrong type throws nlohmann's type_error, and decode() turns that (and text that
// is not JSON, or is nested absurdly deep) into error::malformed_payload. Internal to slack/.
#pragma once

#include "adapters/slack/error.hpp"

#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace openfloor::slack::detail {

using json = nlohmann::json;

// Real payloads nest about a dozen levels (a rich_text list in a message in an envelope).
// Refusing far deeper text up front keeps dump() and later walks from recursing 10,000 deep.
inline constexpr std::size_t max_json_depth = 64;

// False for invalid JSON (never throws) or nesting deeper than max_json_depth.
bool parse_json(std::string_view text, json& out);

// object[key], or null when `object` is null or lacks the key. A non-object throws type_error.
const json& member(const json& object, std::string_view key);

// Throws type_error unless `value` is an object: for members a payload cannot do without.
void require_object(const json& value);

// The first element of the array object[key], or null when absent or empty.
const json& first_of(const json& object, std::string_view key);

template <class T>
void read(const json& object, std::string_view key, T& out) {
    const json& value = member(object, key);
    if (!value.is_null()) {
        value.get_to(out); // type_error when Slack sent another type
    }
}

// Reads a string if it is one and ignores it otherwise: for keys whose type depends on the
// event (`user` is a string in message events but an object in team_join).
void read_if_string(const json& object, std::string_view key, std::string& out);

// j[key] = value, unless value is empty: Slack omits absent keys rather than sending "".
void put_nonempty(json& j, const char* key, const std::string& value);

// Parses `text` and builds a T with `build(doc)`; the one place their json exceptions stop.
template <class T, class Build>
boost::system::result<T> decode(std::string_view text, Build build) {
    json doc;
    if (!parse_json(text, doc) || !doc.is_object()) { // every Slack payload is an object
        return error::malformed_payload;
    }
    try {
        return build(doc);
    } catch (const json::exception&) { // a wrong type somewhere in the document
        return error::malformed_payload;
    }
}

} // namespace openfloor::slack::detail
