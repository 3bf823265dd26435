// hostile_clients: raw sockets driven by coroutines; every outcome is recorded in shared state
// that the test reads while it runs the io_context.
#include "tests/process/hostile_clients.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <array>

namespace openfloor::testing {
namespace {

using tcp = asio::ip::tcp;
using transport::use_tuple;
namespace beast = transport::beast;
namespace http = transport::http;

tcp::endpoint loopback(unsigned short port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

} // namespace

asio::awaitable<raw_answer> exchange(unsigned short port, std::string bytes,
                                     std::chrono::milliseconds deadline) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(deadline);
    raw_answer out;
    auto [connect_ec] = co_await stream.async_connect(loopback(port), use_tuple);
    if (connect_ec) {
        out.error = "connect: " + connect_ec.message();
        co_return out;
    }
    auto [write_ec, written] = co_await asio::async_write(stream, asio::buffer(bytes), use_tuple);
    if (write_ec) {
        // The bot may answer and close before a large body is all written; read what it said.
        out.error = "write: " + write_ec.message();
    }
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    auto [read_ec, read] = co_await http::async_read(stream, buffer, res, use_tuple);
    if (read_ec) {
        out.error += (out.error.empty() ? "read: " : "; read: ") + read_ec.message();
        co_return out;
    }
    out.status = res.result_int();
    out.body = res.body();
    co_return out;
}

// ---- idle_crowd ----

struct idle_crowd::state {
    state(asio::io_context& io, unsigned short p, std::size_t size, std::chrono::milliseconds pause)
        : ioc(io)
        , port(p)
        , reconnect_pause(pause) {
        sockets.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            sockets.emplace_back(io);
        }
    }
    asio::io_context& ioc;
    unsigned short port;
    std::chrono::milliseconds reconnect_pause;
    std::vector<tcp::socket> sockets;
    bool stopping = false;
    std::size_t open = 0;
    std::size_t peak = 0;
    std::size_t closed_by_bot = 0;
    std::size_t bytes_received = 0;
    std::size_t connect_failures = 0;
    std::size_t finished = 0;
};

namespace {

asio::awaitable<void> hold(std::shared_ptr<idle_crowd::state> s, std::size_t slot) {
    asio::steady_timer pause(s->ioc);
    while (!s->stopping) {
        tcp::socket& socket = s->sockets[slot];
        socket = tcp::socket(s->ioc);
        auto [ec] = co_await socket.async_connect(loopback(s->port), use_tuple);
        if (ec) {
            ++s->connect_failures;
            pause.expires_after(std::chrono::milliseconds(20));
            co_await pause.async_wait(use_tuple);
            continue;
        }
        s->peak = std::max(s->peak, ++s->open);
        std::array<char, 256> scratch{};
        for (;;) { // until the bot closes it, or stop() does
            auto [read_ec, n] = co_await socket.async_read_some(asio::buffer(scratch), use_tuple);
            s->bytes_received += n;
            if (read_ec) {
                break;
            }
        }
        --s->open;
        if (!s->stopping) {
            ++s->closed_by_bot;
            pause.expires_after(s->reconnect_pause);
            co_await pause.async_wait(use_tuple);
        }
    }
    ++s->finished;
}

} // namespace

idle_crowd::idle_crowd(asio::io_context& ioc, unsigned short port, std::size_t size,
                       std::chrono::milliseconds reconnect_pause)
    : state_(std::make_shared<state>(ioc, port, size, reconnect_pause)) {
    for (std::size_t slot = 0; slot < size; ++slot) {
        asio::co_spawn(ioc, hold(state_, slot), asio::detached);
    }
}

idle_crowd::~idle_crowd() {
    stop();
}

void idle_crowd::stop() {
    state_->stopping = true;
    for (auto& socket : state_->sockets) {
        boost::system::error_code ignored; // a slot between connections has nothing open
        socket.close(ignored);
    }
}

std::size_t idle_crowd::open() const {
    return state_->open;
}
std::size_t idle_crowd::peak() const {
    return state_->peak;
}
std::size_t idle_crowd::closed_by_bot() const {
    return state_->closed_by_bot;
}
std::size_t idle_crowd::bytes_received() const {
    return state_->bytes_received;
}
std::size_t idle_crowd::connect_failures() const {
    return state_->connect_failures;
}
bool idle_crowd::finished() const {
    return state_->finished == state_->sockets.size();
}

// ---- drips ----

namespace {

struct drip_state {
    explicit drip_state(asio::io_context& ioc)
        : socket(ioc) {}
    tcp::socket socket;
    std::shared_ptr<drip_outcome> outcome = std::make_shared<drip_outcome>();
    std::chrono::steady_clock::time_point began;
};

// Reads until the bot closes the connection, keeping what it wrote.
asio::awaitable<void> watch_for_close(std::shared_ptr<drip_state> d) {
    std::array<char, 1024> chunk{};
    for (;;) {
        auto [ec, n] = co_await d->socket.async_read_some(asio::buffer(chunk), use_tuple);
        d->outcome->received.append(chunk.data(), n);
        if (ec) {
            break;
        }
    }
    d->outcome->lasted = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - d->began);
    d->outcome->closed = true;
}

asio::awaitable<void> drip(std::shared_ptr<drip_state> d, unsigned short port, std::string prefix,
                           std::string dripped, std::chrono::milliseconds interval) {
    auto [ec] = co_await d->socket.async_connect(loopback(port), use_tuple);
    if (ec) {
        d->outcome->closed = true; // nothing to measure; the test sees lasted == 0
        co_return;
    }
    d->began = std::chrono::steady_clock::now();
    asio::co_spawn(d->socket.get_executor(), watch_for_close(d), asio::detached);
    if (!prefix.empty()) {
        auto [write_ec, n] = co_await asio::async_write(d->socket, asio::buffer(prefix), use_tuple);
        d->outcome->bytes_sent += n;
    }
    asio::steady_timer tick(d->socket.get_executor());
    for (std::size_t next = 0; !d->outcome->closed; ++next) {
        if (next < dripped.size()) {
            auto [write_ec, n] =
                co_await asio::async_write(d->socket, asio::buffer(&dripped[next], 1), use_tuple);
            d->outcome->bytes_sent += n;
        }
        tick.expires_after(interval);
        co_await tick.async_wait(use_tuple);
    }
}

} // namespace

std::shared_ptr<drip_outcome> start_drip(asio::io_context& ioc, unsigned short port,
                                         std::string prefix, std::string dripped,
                                         std::chrono::milliseconds interval) {
    auto d = std::make_shared<drip_state>(ioc);
    auto outcome = d->outcome;
    asio::co_spawn(ioc, drip(std::move(d), port, std::move(prefix), std::move(dripped), interval),
                   asio::detached);
    return outcome;
}

} // namespace openfloor::testing
