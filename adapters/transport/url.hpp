// Splits an outbound URL (http, https, ws, wss) into what a connection needs: where to connect,
// whether to use TLS, the Host header and the request target.
#pragma once

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace openfloor::transport {

struct url_parts {
    std::string scheme; // lower case: "http", "https", "ws" or "wss"
    std::string host;   // a name or an IP address, IPv6 without brackets
    unsigned short port = 0;
    std::string target; // path and query, "/" at least
    bool secure = false;

    std::string host_header() const; // "host" or "host:port" when the port is not the default
    std::string pool_key() const;    // "scheme://host:port": one connection pool per key
};

// Accepts http/https; ws/wss when `websocket` is set.
boost::system::result<url_parts> parse_url(std::string_view url, bool websocket = false);

} // namespace openfloor::transport
