// Slack's view of the shared form decoder (adapters/transport/form.hpp): a body Boost.URL
// refuses is error::malformed_payload. Internal to slack/.
#pragma once

#include "adapters/slack/error.hpp"
#include "adapters/transport/form.hpp"

#include <boost/system/result.hpp>

#include <string_view>
#include <utility>

namespace openfloor::slack::detail {

using transport::payload::find_field;
using transport::payload::form_fields;

inline boost::system::result<form_fields> decode_form(std::string_view body) {
    auto fields = transport::payload::decode_form(body);
    if (!fields) {
        return error::malformed_payload;
    }
    return std::move(*fields);
}

} // namespace openfloor::slack::detail
