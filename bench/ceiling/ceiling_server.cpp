// bench_ceiling: what Beast alone does on this machine, the ceiling openfloor is measured against.
// It reads each request the way openfloor's server does (one io_context thread, a coroutine per
// keep-alive connection, a body limit and a deadline) and answers 200 without looking at it.
// Usage: bench_ceiling [port] (0 or none: any free port). Prints "listening <port>" on stdout;
// SIGTERM or SIGINT stops it.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint64_t max_body_bytes = 1024 * 1024; // openfloor's default server limit
constexpr auto request_timeout = std::chrono::seconds(10);

asio::awaitable<void> serve(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(max_body_bytes);
        stream.expires_after(request_timeout);
        auto [ec, received] = co_await http::async_read(stream, buffer, parser, use_tuple);
        if (ec) {
            break; // end_of_stream is the normal way out; nothing else is worth reporting here
        }
        http::response<http::empty_body> res{http::status::ok, parser.get().version()};
        res.keep_alive(parser.get().keep_alive());
        res.prepare_payload();
        auto [write_ec, sent] = co_await http::async_write(stream, res, use_tuple);
        if (write_ec || !res.keep_alive()) {
            break;
        }
    }
    beast::error_code ignored; // the peer may already have gone
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
        if (ec == asio::error::operation_aborted) {
            co_return;
        }
        if (!ec) {
            // detached: a connection's failure ends only that connection, and it reports nothing
            asio::co_spawn(acceptor.get_executor(), serve(beast::tcp_stream(std::move(socket))),
                           asio::detached);
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    const auto port = static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 0);
    asio::io_context ioc{1};
    tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    std::cout << "listening " << acceptor.local_endpoint().port() << std::endl;
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { ioc.stop(); });
    asio::co_spawn(ioc, accept_loop(acceptor), asio::detached);
    ioc.run();
    return 0;
}
