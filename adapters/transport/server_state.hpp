// What the server and its connection coroutines share: the acceptor, the limits, the TLS context
// and a registry of live connections so stop() and the connection cap can close the idle ones.
// Internal to the transport.
#pragma once

#include "adapters/transport/http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

namespace openfloor::transport {

// One connection as stop() sees it. The coroutine that owns the stream keeps it up to date;
// all of it lives on the one io_context thread, so no lock guards it.
struct connection_status {
    enum class phase { tls_handshake, awaiting_request, busy };

    beast::tcp_stream* lowest = nullptr;
    phase now = phase::tls_handshake;
    const beast::flat_buffer* buffer = nullptr;
    const http::request_parser<http::string_body>* parser = nullptr;
    std::uint64_t requests = 0; // answered on this connection so far
    bool shedding = false;      // cancelled to make room; its coroutine has yet to unwind

    // Nothing of a request has arrived yet, so closing loses no one's request.
    bool idle() const {
        if (now == phase::tls_handshake) {
            return true;
        }
        return now == phase::awaiting_request && (buffer == nullptr || buffer->size() == 0) &&
               (parser == nullptr || !parser->got_some());
    }
};

struct http_server::state {
    state(asio::io_context& io, const router& r, const config::server_settings& s);

    asio::io_context& ioc;
    const router& routes;
    config::server_settings settings;
    std::optional<ssl::context> tls;
    asio::ip::tcp::acceptor acceptor;
    bool stopping = false;
    unsigned short port = 0;
    std::uint64_t next_connection = 0;
    // Ordered by id, which is the order of arrival: the first idle entry is the oldest.
    std::map<std::uint64_t, connection_status*> connections;
    std::size_t max_connections = 0; // 0 until listen() sets the default or a caller chose one
    std::size_t shedding_now = 0;    // entries of `connections` already cancelled
    std::uint64_t accept_failures = 0;
    std::uint64_t failures_in_a_row = 0; // the current episode of failed accepts
    std::uint64_t connections_shed = 0;
};

// Registers a connection for its lifetime (the coroutine frame's).
class connection_registration {
public:
    connection_registration(std::shared_ptr<http_server::state> s, connection_status& status)
        : state_(std::move(s))
        , id_(state_->next_connection++) {
        state_->connections.emplace(id_, &status);
    }
    ~connection_registration() {
        const auto it = state_->connections.find(id_);
        if (it->second->shedding) {
            --state_->shedding_now;
        }
        state_->connections.erase(it);
    }
    connection_registration(const connection_registration&) = delete;
    connection_registration& operator=(const connection_registration&) = delete;

private:
    std::shared_ptr<http_server::state> state_;
    std::uint64_t id_;
};

// The connection coroutine: TLS handshake when configured, then the keep-alive request loop.
asio::awaitable<void> serve_connection(std::shared_ptr<http_server::state> s,
                                       asio::ip::tcp::socket socket);

} // namespace openfloor::transport
