// raw_client: a bare TCP client for poking the server with exactly the bytes a test wants
// (drips, garbage, pipelined keep-alive), reading asynchronously on the test's io_context.
#pragma once

#include "adapters/transport/http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace openfloor::testing {

class raw_client {
public:
    raw_client(boost::asio::io_context& ioc, unsigned short port); // connects (blocking)

    void write(std::string_view bytes); // blocking; small writes fit the kernel's buffer
    // The next response, or nullopt if none arrived before the deadline or the peer closed.
    std::optional<transport::response> read_response(std::chrono::milliseconds deadline);
    // True once the server closed the connection (end of stream or reset) before the deadline.
    // Bytes received meanwhile are appended to received().
    bool wait_closed(std::chrono::milliseconds deadline);
    const std::string& received() const { return received_; }

private:
    boost::asio::io_context& ioc_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
    std::string received_;
};

} // namespace openfloor::testing
