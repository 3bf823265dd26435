// One keep-alive HTTP/1.1 connection of the load generator to 127.0.0.1: reconnects on demand,
// so a peer that closes (or a failed exchange) costs a reconnect, never the run.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <string>

namespace openfloor::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct exchange_result {
    bool answered = false; // false: connect, write or read failed (counted as an error)
    unsigned status = 0;
    std::string body;
};

class connection {
public:
    connection(asio::any_io_executor ex, unsigned short port,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));

    asio::awaitable<exchange_result> exchange(const http::request<http::string_body>& req);

private:
    asio::awaitable<bool> ensure_open();
    void close();

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    unsigned short port_;
    std::chrono::milliseconds timeout_;
    bool open_ = false;
};

// "127.0.0.1:<port>", the Host header of every request.
std::string host_of(unsigned short port);

} // namespace openfloor::bench
