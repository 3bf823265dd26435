// Slack's names for the shared guarded JSON reads (adapters/transport/json_read.hpp), and a
// decode() whose failure is error::malformed_payload. Internal to slack/.
#pragma once

#include "adapters/slack/error.hpp"
#include "adapters/transport/json_read.hpp"

#include <boost/system/result.hpp>

#include <string_view>
#include <utility>

namespace openfloor::slack::detail {

using transport::payload::first_of;
using transport::payload::json;
using transport::payload::member;
using transport::payload::put_nonempty;
using transport::payload::read;
using transport::payload::read_if_string;
using transport::payload::require_object;

// Parses `text` (an object, nested at most 64 deep) and builds a T with `build(doc)`.
template <class T, class Build>
boost::system::result<T> decode(std::string_view text, Build&& build) {
    return transport::payload::decode<T>(text, error::malformed_payload,
                                         std::forward<Build>(build));
}

} // namespace openfloor::slack::detail
