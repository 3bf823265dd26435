// Mattermost's use of the shared guarded JSON reads (adapters/transport/json_read.hpp): decode()
// fails with error::malformed_payload, and int64 fields are range-checked. Internal to mattermost/.
#pragma once

#include "adapters/mattermost/error.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "adapters/transport/json_read.hpp"

#include <boost/system/result.hpp>

#include <cstdint>
#include <string_view>
#include <utility>

namespace openfloor::mattermost {

// The post object of §B2 (props.from_bot as "true" or true; parent_id when root_id is empty).
void from_json(const nlohmann::json& j, post& out);

namespace detail {

using transport::payload::json;
using transport::payload::member;
using transport::payload::read;
using transport::payload::read_if_string;
using transport::payload::require_object;

// Parses `text` (an object, nested at most limit::max_json_depth) and builds a T with `build`.
template <class T, class Build>
boost::system::result<T> decode(std::string_view text, Build&& build) {
    return transport::payload::decode<T>(text, error::malformed_payload, std::forward<Build>(build),
                                         limit::max_json_depth);
}

// Throws json::type_error: how a reader says "malformed" from inside decode().
[[noreturn]] void wrong_type(const json& value, const char* what);

// An int64 (Mattermost's times and seqs), or type_error for a float, a string or one too large.
std::int64_t to_int64(const json& value);
void read_int64(const json& object, std::string_view key, std::int64_t& out);

// `p`, or type_error when it has no id (it could be neither answered nor de-duplicated).
post checked(post p);

} // namespace detail
} // namespace openfloor::mattermost
