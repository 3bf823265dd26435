// The core's error codes, registered with Boost.System like Beast's http::error.
#pragma once

#include <boost/system/error_code.hpp>

#include <string>
#include <type_traits>

namespace openfloor::bot {

enum class error {
    storage_failure = 1, // the database refused; the detail went to the log
    malformed_payload,   // stored bytes that do not decode (or do not unseal)
    seal_failed,         // OpenSSL refused to seal
};

const boost::system::error_category& error_category();

inline boost::system::error_code make_error_code(error e) {
    return {static_cast<int>(e), error_category()};
}

} // namespace openfloor::bot

template <>
struct boost::system::is_error_code_enum<openfloor::bot::error> : std::true_type {};
