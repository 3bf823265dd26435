// The transport's own error codes, next to Beast's and Asio's: what the transport itself refuses
// (a URL it cannot use, a listen address it cannot parse, a websocket already closed).
#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace openfloor::transport {

enum class error {
    bad_url = 1,        // not a URL, or no host
    unsupported_scheme, // not http/https (client) or ws/wss (websocket)
    bad_listen_address, // server.listen is not "host:port"
    connection_closed,  // the websocket was closed or failed earlier
};

const boost::system::error_category& error_category() noexcept;
boost::system::error_code make_error_code(error e) noexcept;

} // namespace openfloor::transport

template <>
struct boost::system::is_error_code_enum<openfloor::transport::error> : std::true_type {};
