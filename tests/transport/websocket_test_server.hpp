// A small Beast websocket server on 127.0.0.1 port 0 for the client tests: it echoes, or it
// accepts and then goes silent (never reads, so it never answers a ping) to play a dead peer.
#pragma once

#include "adapters/transport/net.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <optional>
#include <string>

namespace openfloor::testing {

class websocket_test_server {
public:
    enum class behaviour { echo, silent };

    // `tls` (optional) must outlive the server.
    websocket_test_server(boost::asio::io_context& ioc, behaviour b,
                          boost::asio::ssl::context* tls = nullptr);
    ~websocket_test_server();

    unsigned short port() const { return port_; }

    // What the last upgrade request carried, and how its session ended.
    struct observed {
        int upgrades = 0;
        std::string host;
        std::string authorization;
        std::string user_agent;
        bool closed_by_client = false; // a close frame arrived
    };
    const observed& seen() const { return seen_; }

private:
    boost::asio::awaitable<void> accept_loop();
    boost::asio::awaitable<void> session(boost::asio::ip::tcp::socket socket);
    template <class Ws>
    boost::asio::awaitable<void> serve(Ws& ws);

    boost::asio::io_context& ioc_;
    behaviour behaviour_;
    boost::asio::ssl::context* tls_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_ = 0;
    observed seen_;
};

} // namespace openfloor::testing
