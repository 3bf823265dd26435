// The dialling shared by the HTTP and websocket clients: resolve with a deadline, connect a
// tcp_stream, and set up a verified TLS client handshake (SNI plus host-name verification).
// Internal to the transport: it pulls in Beast's stream headers.
#pragma once

#include "adapters/transport/net.hpp"
#include "adapters/transport/url.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace openfloor::transport {

using tls_stream = ssl::stream<beast::tcp_stream>;

// Resolves u.host and connects `stream`, all within `timeout`.
asio::awaitable<boost::system::error_code>
connect_tcp(beast::tcp_stream& stream, const url_parts& u, std::chrono::milliseconds timeout);

// Connects, then runs the client TLS handshake with the peer verified against `u.host`, all
// within `timeout`. The stream's tcp timer is left expired-after; callers reset it.
asio::awaitable<boost::system::error_code> connect_tls(tls_stream& stream, const url_parts& u,
                                                       std::chrono::milliseconds timeout);

// The client TLS context: verify_peer against the default paths plus `ca_file` when set.
// Throws std::runtime_error naming the file when it cannot be loaded (a startup error).
ssl::context make_client_tls_context(const std::optional<std::string>& ca_file);

} // namespace openfloor::transport
