// connection: connect lazily, write, read, and drop the stream on any failure.
#include "bench/load/connection.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace openfloor::bench {
namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

} // namespace

connection::connection(asio::any_io_executor ex, unsigned short port,
                       std::chrono::milliseconds timeout)
    : stream_(std::move(ex))
    , port_(port)
    , timeout_(timeout) {}

asio::awaitable<bool> connection::ensure_open() {
    if (open_) {
        co_return true;
    }
    stream_.expires_after(timeout_);
    const asio::ip::tcp::endpoint peer(asio::ip::make_address("127.0.0.1"), port_);
    auto [ec] = co_await stream_.async_connect(peer, use_tuple);
    if (ec) {
        close();
        co_return false;
    }
    stream_.socket().set_option(asio::ip::tcp::no_delay(true));
    buffer_.clear();
    open_ = true;
    co_return true;
}

void connection::close() {
    beast::error_code ignored; // it may never have opened
    stream_.socket().close(ignored);
    open_ = false;
}

asio::awaitable<exchange_result> connection::exchange(const http::request<http::string_body>& req) {
    exchange_result out;
    const bool opened = co_await ensure_open(); // awaited first: g++ 12 and co_await in an if
    if (!opened) {
        co_return out;
    }
    stream_.expires_after(timeout_);
    auto [write_ec, sent] = co_await http::async_write(stream_, req, use_tuple);
    if (write_ec) {
        close();
        co_return out;
    }
    http::response_parser<http::string_body> parser;
    auto [read_ec, received] = co_await http::async_read(stream_, buffer_, parser, use_tuple);
    if (read_ec) {
        close();
        co_return out;
    }
    out.answered = true;
    out.status = parser.get().result_int();
    out.body = std::move(parser.get().body());
    if (!parser.get().keep_alive()) {
        close();
    }
    co_return out;
}

std::string host_of(unsigned short port) {
    return "127.0.0.1:" + std::to_string(port);
}

} // namespace openfloor::bench
