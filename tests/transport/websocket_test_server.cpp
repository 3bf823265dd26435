// websocket_test_server: reads the upgrade request itself (to record its headers), accepts it,
// then echoes or holds the stream without reading.
#include "tests/transport/websocket_test_server.hpp"

#include "adapters/transport/spawn.hpp"

#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

namespace openfloor::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using transport::use_tuple;

websocket_test_server::websocket_test_server(asio::io_context& ioc, behaviour b,
                                             asio::ssl::context* tls)
    : ioc_(ioc)
    , behaviour_(b)
    , tls_(tls)
    , acceptor_(ioc, {asio::ip::make_address("127.0.0.1"), 0}) {
    port_ = acceptor_.local_endpoint().port();
    transport::spawn_logged(ioc_.get_executor(), "test.ws_accept", accept_loop());
}

websocket_test_server::~websocket_test_server() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
}

asio::awaitable<void> websocket_test_server::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor_.async_accept(use_tuple);
        if (ec) {
            co_return;
        }
        transport::spawn_logged(ioc_.get_executor(), "test.ws_session", session(std::move(socket)));
    }
}

asio::awaitable<void> websocket_test_server::session(asio::ip::tcp::socket socket) {
    if (tls_ != nullptr) {
        websocket::stream<asio::ssl::stream<beast::tcp_stream>> ws(std::move(socket), *tls_);
        auto [ec] =
            co_await ws.next_layer().async_handshake(asio::ssl::stream_base::server, use_tuple);
        if (!ec) {
            co_await serve(ws);
        }
    } else {
        websocket::stream<beast::tcp_stream> ws(std::move(socket));
        co_await serve(ws);
    }
}

template <class Ws>
asio::awaitable<void> websocket_test_server::serve(Ws& ws) {
    beast::flat_buffer buffer;
    http::request<http::string_body> upgrade;
    auto [read_ec, n] = co_await http::async_read(ws.next_layer(), buffer, upgrade, use_tuple);
    if (read_ec) {
        co_return;
    }
    ++seen_.upgrades;
    seen_.host = std::string(upgrade[http::field::host]);
    seen_.authorization = std::string(upgrade[http::field::authorization]);
    seen_.user_agent = std::string(upgrade[http::field::user_agent]);
    auto [accept_ec] = co_await ws.async_accept(upgrade, use_tuple);
    if (accept_ec) {
        co_return;
    }
    if (behaviour_ == behaviour::silent) {
        // Hold the connection open and never read: pings go unanswered, like a dead peer.
        asio::steady_timer forever(ioc_, asio::steady_timer::time_point::max());
        co_await forever.async_wait(use_tuple);
        co_return;
    }
    for (;;) {
        beast::flat_buffer message;
        auto [ec, size] = co_await ws.async_read(message, use_tuple);
        if (ec) {
            seen_.closed_by_client = ec == websocket::error::closed;
            co_return;
        }
        ws.text(ws.got_text());
        auto [write_ec, sent] = co_await ws.async_write(message.data(), use_tuple);
        if (write_ec) {
            co_return;
        }
    }
}

} // namespace openfloor::testing
