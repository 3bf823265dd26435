// Slack Socket Mode: apps.connections.open with the app token, a websocket to the URL it hands
// out, every envelope acked within Slack's 3 s, and refreshes handled by opening the next
// connection before the old one closes, so no event is lost (and repeats are deduped by id).
#pragma once

#include "adapters/slack/inbound.hpp"
#include "adapters/transport/backoff.hpp"
#include "adapters/transport/metrics.hpp"
#include "adapters/transport/websocket_client.hpp"
#include "bot/environment.hpp"

#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <vector>

namespace openfloor::slack {

class socket_mode {
public:
    socket_mode(asio::any_io_executor ex, web_api& api, transport::http_client& http, inbound& in,
                bot::random_source& random);

    void start();
    void stop();
    bool connected() const { return live_ > 0; }
    std::uint64_t connections_opened() const { return opened_; }
    // Tests and /healthz: how long a dead peer may go unnoticed.
    void set_idle_timeout(std::chrono::milliseconds t) { idle_timeout_ = t; }
    // From now on, times each envelope from arrival to ack, by type. `r` must outlive this.
    void measure(transport::metrics::registry& r);

private:
    using connection = std::shared_ptr<transport::websocket_connection>;

    asio::awaitable<void> run();
    asio::awaitable<bool> open_one();
    asio::awaitable<void> serve(connection ws);
    asio::awaitable<void> handle(connection ws, socket_envelope env);
    void ask_for_new_connection();
    void retire_others(const connection& keep);
    void acked(const socket_envelope& env, std::chrono::steady_clock::time_point received);

    asio::any_io_executor ex_;
    web_api& api_;
    transport::http_client& http_;
    inbound& in_;
    bot::random_source& random_;
    asio::steady_timer need_new_;
    bool need_new_flag_ = true;
    bool lost_ = false; // the last connection died unasked: wait before the next one
    transport::backoff pause_{std::chrono::seconds(1), std::chrono::seconds(60)};
    bool stopping_ = false;
    int live_ = 0;
    std::uint64_t opened_ = 0;
    std::chrono::milliseconds idle_timeout_{30'000};
    std::vector<connection> connections_; // newest last
    transport::metrics::family<transport::metrics::histogram>* ack_time_ = nullptr;
};

} // namespace openfloor::slack
