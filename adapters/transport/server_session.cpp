// One inbound connection: an optional TLS handshake, then read a request, dispatch it, write the
// response, until the peer closes, a deadline passes, or the server stops.
#include "adapters/transport/server_state.hpp"
#include "bot/log.hpp"

#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <type_traits>

namespace openfloor::transport {
namespace {

using tls_stream = ssl::stream<beast::tcp_stream>;
using state_ptr = std::shared_ptr<http_server::state>;

// How long a refused client gets to finish sending what we will never read, and how much of it
// we swallow: closing with unread bytes makes the kernel send a reset, which can destroy the
// refusal before the client reads it.
constexpr std::chrono::milliseconds drain_time_limit{2'000};
constexpr std::size_t drain_byte_limit = 16 * 1024 * 1024;
// A TLS close_notify exchange is a courtesy; a peer that never answers must not hold us long.
constexpr std::chrono::milliseconds tls_shutdown_limit{1'000};

bool is_http_error(const boost::system::error_code& ec) {
    return ec.category() == http::make_error_code(http::error::end_of_stream).category();
}

// The status a failed read deserves, if the peer is still worth answering.
std::optional<http::status> refusal_for(const boost::system::error_code& ec) {
    if (ec == http::error::body_limit) {
        return http::status::payload_too_large;
    }
    if (ec == http::error::header_limit) {
        return http::status::request_header_fields_too_large;
    }
    if (is_http_error(ec) && ec != http::error::end_of_stream &&
        ec != http::error::partial_message) {
        return http::status::bad_request; // malformed: bad method, target, header, chunk...
    }
    return std::nullopt;
}

std::string refusal_body(http::status status) {
    switch (status) {
    case http::status::payload_too_large:
        return R"({"error":"payload too large"})";
    case http::status::request_header_fields_too_large:
        return R"({"error":"headers too large"})";
    default:
        return R"({"error":"bad request"})";
    }
}

void note_read_end(const boost::system::error_code& ec) {
    // end_of_stream is the normal way out. stream_truncated means a TLS peer closed without a
    // close_notify; HTTP framing is by length, so no truncation attack is possible here and
    // clients commonly do it (see the server-flex-awaitable example).
    if (ec == http::error::end_of_stream || ec == ssl::error::stream_truncated ||
        ec == asio::error::operation_aborted) {
        return;
    }
    if (ec == beast::error::timeout) {
        bot::log::debug("http.request_timeout");
        return;
    }
    bot::log::debug("http.connection_ended", {{"reason", ec.message()}});
}

template <class Stream>
asio::awaitable<void> refuse(Stream& stream, http::status status, const state_ptr& s) {
    bot::log::info("http.request_refused", {{"status", static_cast<int>(status)}});
    response res{status, 11};
    res.set(http::field::content_type, "application/json");
    res.body() = refusal_body(status);
    res.keep_alive(false);
    res.prepare_payload();
    auto& lowest = beast::get_lowest_layer(stream);
    lowest.expires_after(s->settings.request_timeout);
    auto [ec, sent] = co_await http::async_write(stream, res, use_tuple);
    if (ec) {
        co_return;
    }
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
        beast::error_code ignored; // tells the client we are done, so it stops sending
        lowest.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    }
    lowest.expires_after(std::min(s->settings.request_timeout, drain_time_limit));
    std::array<char, 16 * 1024> scratch{};
    std::size_t drained = 0;
    while (drained < drain_byte_limit) {
        auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(scratch), use_tuple);
        if (read_ec) {
            break;
        }
        drained += n;
    }
}

asio::awaitable<response> handle(const state_ptr& s, request req) {
    const auto version = req.version();
    try {
        co_return co_await s->routes.dispatch(std::move(req));
    } catch (const std::exception& e) { // a handler bug must not take the connection's peer down
        bot::log::error("http.handler_failed", {{"error", e.what()}});
    }
    response res{http::status::internal_server_error, version};
    res.set(http::field::content_type, "application/json");
    res.body() = R"({"error":"internal error"})";
    res.keep_alive(false);
    co_return res;
}

// `stream` and `status` live in the caller's frame, which awaits this one to the end.
template <class Stream>
asio::awaitable<void> serve_requests(state_ptr s, Stream& stream, connection_status& status) {
    beast::flat_buffer buffer;
    status.buffer = &buffer;
    auto& lowest = beast::get_lowest_layer(stream);
    while (!s->stopping) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(s->settings.max_body_bytes);
        status.parser = &parser;
        status.now = connection_status::phase::awaiting_request;
        // One deadline for the whole request: a client that drips bytes cannot extend it.
        lowest.expires_after(s->settings.request_timeout);
        auto [ec, received] = co_await http::async_read(stream, buffer, parser, use_tuple);
        status.parser = nullptr;
        status.now = connection_status::phase::busy;
        if (ec) {
            if (auto refusal = refusal_for(ec)) {
                co_await refuse(stream, *refusal, s);
            } else {
                note_read_end(ec);
            }
            break;
        }
        request req = parser.release();
        const bool client_keeps_alive = req.keep_alive();
        response res = co_await handle(s, std::move(req));
        ++status.requests;
        res.keep_alive(client_keeps_alive && res.keep_alive() && !s->stopping);
        res.prepare_payload();
        lowest.expires_after(s->settings.request_timeout);
        auto [write_ec, sent] = co_await http::async_write(stream, res, use_tuple);
        if (write_ec || !res.keep_alive()) {
            break;
        }
    }
    status.buffer = nullptr;
}

asio::awaitable<void> serve_plain(state_ptr s, asio::ip::tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    connection_status status;
    status.lowest = &stream;
    status.now = connection_status::phase::awaiting_request;
    connection_registration registration(s, status);
    co_await serve_requests(s, stream, status);
    beast::error_code ignored; // the peer may already have gone
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> serve_tls(state_ptr s, asio::ip::tcp::socket socket) {
    tls_stream stream(std::move(socket), *s->tls);
    connection_status status;
    status.lowest = &stream.next_layer();
    connection_registration registration(s, status);
    stream.next_layer().expires_after(s->settings.request_timeout);
    auto [ec] = co_await stream.async_handshake(ssl::stream_base::server, use_tuple);
    if (ec) {
        bot::log::debug("http.tls_handshake_failed", {{"reason", ec.message()}});
        co_return;
    }
    co_await serve_requests(s, stream, status);
    stream.next_layer().expires_after(std::min(s->settings.request_timeout, tls_shutdown_limit));
    co_await stream.async_shutdown(use_tuple); // best effort, see above: errors change nothing
}

} // namespace

asio::awaitable<void> serve_connection(std::shared_ptr<http_server::state> s,
                                       asio::ip::tcp::socket socket) {
    if (s->tls) {
        co_await serve_tls(std::move(s), std::move(socket));
    } else {
        co_await serve_plain(std::move(s), std::move(socket));
    }
}

} // namespace openfloor::transport
