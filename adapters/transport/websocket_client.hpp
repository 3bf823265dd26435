// A client websocket (ws:// or wss://) for Socket Mode and Mattermost events: verified TLS,
// custom upgrade headers, Beast's keep-alive pings for dead-peer detection, and an outbox with
// exactly one write in flight.
#pragma once

#include "adapters/transport/net.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace openfloor::transport {

struct websocket_options {
    // Bounds each step of opening (resolve, connect, TLS, upgrade), and later the close handshake.
    std::chrono::milliseconds handshake_timeout{30'000};
    // With no frame from the peer for half of this, Beast pings; with none for all of it, the
    // connection is declared dead and read() fails.
    std::chrono::milliseconds idle_timeout{60'000};
};

class websocket_session; // the stream and its outbox, kept alive by the writer coroutine

class websocket_connection : public std::enable_shared_from_this<websocket_connection> {
    struct key {}; // make_shared needs a public constructor; only connect() can call it
public:
    static asio::awaitable<boost::system::result<std::shared_ptr<websocket_connection>>>
    connect(asio::any_io_executor ex, ssl::context& tls, std::string url, header_list headers,
            std::chrono::milliseconds handshake_timeout);
    static asio::awaitable<boost::system::result<std::shared_ptr<websocket_connection>>>
    connect(asio::any_io_executor ex, ssl::context& tls, std::string url, header_list headers,
            websocket_options options);

    websocket_connection(key, std::shared_ptr<websocket_session> session);
    ~websocket_connection(); // closes the socket if still open (no handshake: nobody awaits it)
    websocket_connection(const websocket_connection&) = delete;
    websocket_connection& operator=(const websocket_connection&) = delete;

    // The next message (text or binary). An error once closed, failed, or the peer is dead.
    // One read at a time.
    asio::awaitable<boost::system::result<std::string>> read();
    // Queued; sent in order by the one writer. Dropped when the connection is closed or failed.
    void send(std::string text);
    // A clean close handshake, bounded by the handshake timeout. Queued messages not yet
    // written are dropped.
    asio::awaitable<void> close();
    bool is_open() const;

private:
    std::shared_ptr<websocket_session> session_;
};

} // namespace openfloor::transport
