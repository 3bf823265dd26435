// websocket_connection: dial, upgrade with our headers, then one writer coroutine draining an
// outbox (Asio's cpp20 chat_server pattern) while the owner reads; Beast's timers watch the peer.
#include "adapters/transport/websocket_client.hpp"

#include "adapters/transport/client_connect.hpp"
#include "adapters/transport/error.hpp"
#include "adapters/transport/spawn.hpp"
#include "adapters/transport/url.hpp"
#include "adapters/transport/user_agent.hpp"
#include "bot/log.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <deque>
#include <variant>

namespace openfloor::transport {

class websocket_session : public std::enable_shared_from_this<websocket_session> {
    using plain_ws = websocket::stream<beast::tcp_stream>;
    using secure_ws = websocket::stream<tls_stream>;
    using any_ws = std::variant<plain_ws, secure_ws>;

public:
    websocket_session(asio::any_io_executor ex, ssl::context& tls, bool secure,
                      websocket_options options)
        : ws_(make_stream(ex, tls, secure))
        , wake_(ex, asio::steady_timer::time_point::max()) // parked until send() or close()
        , options_(options) {}

    asio::awaitable<boost::system::error_code> open(const url_parts& u, header_list headers) {
        co_return co_await std::visit(
            [&](auto& ws) { return dial_and_upgrade(ws, u, std::move(headers), options_); }, ws_);
    }

    void start_writer() {
        spawn_logged(wake_.get_executor(), "websocket.writer", write_loop(shared_from_this()));
    }

    asio::awaitable<boost::system::result<std::string>> read() {
        if (!is_open()) {
            co_return error::connection_closed;
        }
        inbox_.clear();
        auto [ec, n] =
            co_await std::visit([this](auto& ws) { return ws.async_read(inbox_, use_tuple); }, ws_);
        if (ec) {
            fail(ec);
            co_return ec;
        }
        co_return beast::buffers_to_string(inbox_.data());
    }

    void send(std::string text) {
        if (!is_open()) {
            return;
        }
        outbox_.push_back(std::move(text));
        wake_.cancel_one();
    }

    asio::awaitable<void> close() {
        if (!is_open()) {
            co_return;
        }
        closing_ = true;
        wake_.cancel();
        // Beast bounds the close handshake by the handshake timeout, and lets it overlap a
        // pending read (which then ends with websocket::error::closed) and the writer's write.
        auto [ec] = co_await std::visit(
            [](auto& ws) { return ws.async_close(websocket::close_code::normal, use_tuple); }, ws_);
        if (ec) {
            bot::log::debug("websocket.close_failed", {{"reason", ec.message()}});
        }
    }

    // The owner let go without close(): nobody would await a handshake, so just end the stream.
    void abandon() {
        if (!is_open()) {
            return;
        }
        closing_ = true;
        wake_.cancel();
        std::visit(
            [](auto& ws) {
                beast::error_code ignored;
                beast::get_lowest_layer(ws).socket().close(ignored);
            },
            ws_);
    }

    bool is_open() const {
        return !closing_ && !failed_ && std::visit([](auto& ws) { return ws.is_open(); }, ws_);
    }

private:
    static any_ws make_stream(asio::any_io_executor ex, ssl::context& tls, bool secure) {
        if (secure) {
            return any_ws(std::in_place_index<1>, ex, tls);
        }
        return any_ws(std::in_place_index<0>, ex);
    }

    static asio::awaitable<boost::system::error_code> dial(plain_ws& ws, const url_parts& u,
                                                           std::chrono::milliseconds timeout) {
        return connect_tcp(ws.next_layer(), u, timeout);
    }
    static asio::awaitable<boost::system::error_code> dial(secure_ws& ws, const url_parts& u,
                                                           std::chrono::milliseconds timeout) {
        return connect_tls(ws.next_layer(), u, timeout);
    }

    // `ws` and `u` belong to the awaiting caller.
    template <class Ws>
    static asio::awaitable<boost::system::error_code>
    dial_and_upgrade(Ws& ws, const url_parts& u, header_list headers, websocket_options options) {
        if (auto ec = co_await dial(ws, u, options.handshake_timeout)) {
            co_return ec;
        }
        // From here the websocket's own timers watch the connection; a tcp_stream deadline
        // would fire in the middle of a long, healthy session.
        beast::get_lowest_layer(ws).expires_never();
        auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::client);
        timeouts.handshake_timeout = options.handshake_timeout;
        timeouts.idle_timeout = options.idle_timeout;
        timeouts.keep_alive_pings = true; // a peer that stops answering pings is dead
        ws.set_option(timeouts);
        ws.set_option(websocket::stream_base::decorator(
            [extra = std::move(headers)](websocket::request_type& req) {
                req.set(http::field::user_agent, user_agent());
                for (const auto& [name, value] : extra) {
                    req.set(name, value);
                }
            }));
        auto [ec] = co_await ws.async_handshake(u.host_header(), u.target, use_tuple);
        if (!ec) {
            ws.text(true);
        }
        co_return ec;
    }

    // The one writer: exactly one async_write in flight, messages in the order sent.
    static asio::awaitable<void> write_loop(std::shared_ptr<websocket_session> self) {
        while (self->is_open()) {
            if (self->outbox_.empty()) {
                co_await self->wake_.async_wait(use_tuple); // cancel() wakes us: not an error
                continue;
            }
            std::string message = std::move(self->outbox_.front());
            self->outbox_.pop_front();
            auto [ec, n] = co_await std::visit(
                [&message](auto& ws) { return ws.async_write(asio::buffer(message), use_tuple); },
                self->ws_);
            if (ec) {
                self->fail(ec);
            }
        }
        self->outbox_.clear();
    }

    void fail(const boost::system::error_code& ec) {
        if (failed_ || closing_) {
            return; // the first failure is the one worth reporting
        }
        failed_ = true;
        wake_.cancel();
        bot::log::info("websocket.failed", {{"reason", ec.message()}});
    }

    any_ws ws_;
    asio::steady_timer wake_;
    websocket_options options_;
    std::deque<std::string> outbox_;
    beast::flat_buffer inbox_;
    bool closing_ = false;
    bool failed_ = false;
};

asio::awaitable<boost::system::result<std::shared_ptr<websocket_connection>>>
websocket_connection::connect(asio::any_io_executor ex, ssl::context& tls, std::string url,
                              header_list headers, std::chrono::milliseconds handshake_timeout) {
    websocket_options options;
    options.handshake_timeout = handshake_timeout;
    co_return co_await connect(std::move(ex), tls, std::move(url), std::move(headers), options);
}

asio::awaitable<boost::system::result<std::shared_ptr<websocket_connection>>>
websocket_connection::connect(asio::any_io_executor ex, ssl::context& tls, std::string url,
                              header_list headers, websocket_options options) {
    auto u = parse_url(url, /*websocket=*/true);
    if (!u) {
        co_return u.error();
    }
    auto session = std::make_shared<websocket_session>(ex, tls, u->secure, options);
    if (auto ec = co_await session->open(*u, std::move(headers))) {
        co_return ec;
    }
    session->start_writer();
    bot::log::info("websocket.connected", {{"host", u->host}}); // never the URL: it holds tickets
    co_return std::make_shared<websocket_connection>(key{}, std::move(session));
}

websocket_connection::websocket_connection(key, std::shared_ptr<websocket_session> session)
    : session_(std::move(session)) {}

websocket_connection::~websocket_connection() {
    session_->abandon();
}

asio::awaitable<boost::system::result<std::string>> websocket_connection::read() {
    auto session = session_; // alive until the read completes, whatever the owner does meanwhile
    co_return co_await session->read();
}

void websocket_connection::send(std::string text) {
    session_->send(std::move(text));
}

asio::awaitable<void> websocket_connection::close() {
    auto session = session_;
    co_await session->close();
}

bool websocket_connection::is_open() const {
    return session_->is_open();
}

} // namespace openfloor::transport
