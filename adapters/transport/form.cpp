// Form decoding over boost::urls::parse_query: the percent-decoding is Boost's, not ours.
#include "adapters/transport/form.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_encoded_view.hpp>
#include <boost/url/parse_query.hpp>

#include <string>

namespace openfloor::transport::payload {

std::optional<form_fields> decode_form(std::string_view body) {
    // Boost.URL 1.81's parse_query measures a non-empty query again with strlen (it builds its
    // detail::query_ref from s.data() alone), so it must get a NUL-terminated copy: a view into a
    // larger buffer, such as a GET's query string inside the request target, was read past its
    // end (found by tests/fuzz; regressions/mattermost/get-command-query-overread).
    const std::string terminated(body);
    const auto params = boost::urls::parse_query(terminated);
    if (!params) {
        return std::nullopt;
    }
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true; // HTML forms write a space as '+', and a real '+' as %2B
    form_fields fields;
    fields.reserve(params->size());
    for (const auto param : *params) {
        fields.emplace_back(param.key.decode(opts), param.value.decode(opts));
    }
    return fields;
}

const std::string* find_field(const form_fields& fields, std::string_view key) {
    for (const auto& [name, value] : fields) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

} // namespace openfloor::transport::payload
