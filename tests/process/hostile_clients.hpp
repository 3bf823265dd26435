// The attackers of the hostile-HTTP test, as coroutines on the test's io_context talking raw TCP
// to the bot on 127.0.0.1: a crowd of idle connections that reopens whatever the bot closes,
// slow-drip clients, and one-shot exchanges of exactly the bytes a case needs.
#pragma once

#include "adapters/transport/net.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace openfloor::testing {

namespace asio = transport::asio;

// What came back for one hostile request: the status and body of the answer, or none (status 0)
// with the reason in `error` (closed, timed out).
struct raw_answer {
    unsigned status = 0;
    std::string body;
    std::string error;
};

// co_await this: connects, writes `bytes` whole, and reads one response, within `deadline`.
asio::awaitable<raw_answer> exchange(unsigned short port, std::string bytes,
                                     std::chrono::milliseconds deadline);

// `size` connections that never send a byte. Each one the bot closes (its request timeout, its
// connection cap) is opened again, after `reconnect_pause`, until stop(): the bot faces `size`
// idle sockets throughout.
class idle_crowd {
public:
    idle_crowd(asio::io_context& ioc, unsigned short port, std::size_t size,
               std::chrono::milliseconds reconnect_pause = std::chrono::milliseconds(0));
    ~idle_crowd();
    idle_crowd(const idle_crowd&) = delete;
    idle_crowd& operator=(const idle_crowd&) = delete;

    void stop(); // closes every connection; nothing reopens
    std::size_t open() const;
    std::size_t peak() const;           // the most open at once
    std::size_t closed_by_bot() const;  // each then reopened
    std::size_t bytes_received() const; // the bot has nothing to say to a silent socket
    std::size_t connect_failures() const;
    bool finished() const; // every holder has returned after stop()

    struct state;

private:
    std::shared_ptr<state> state_;
};

// A client that sends `prefix` at once and then `dripped` one byte every `interval`, until the
// bot closes the connection. The outcome fills in as it goes.
struct drip_outcome {
    bool closed = false;
    std::chrono::milliseconds lasted{}; // from the first byte to the close
    std::size_t bytes_sent = 0;
    std::string received; // what the bot wrote before closing
};

std::shared_ptr<drip_outcome> start_drip(asio::io_context& ioc, unsigned short port,
                                         std::string prefix, std::string dripped,
                                         std::chrono::milliseconds interval);

} // namespace openfloor::testing
