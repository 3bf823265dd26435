// The HTTP body of vector C3: "payload=" + the JSON form-urlencoded the way Python's urlencode
// does it (unreserved characters kept, space as '+', everything else %XX), via Boost.URL.
#pragma once

#include "tests/slack/vectors.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <string>

namespace openfloor::slack::vectors {

inline std::string form_encode(std::string_view text) {
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    return boost::urls::encode(text, boost::urls::unreserved_chars, opts);
}

inline std::string c3_form_body() {
    return "payload=" + form_encode(c3_json);
}

} // namespace openfloor::slack::vectors
