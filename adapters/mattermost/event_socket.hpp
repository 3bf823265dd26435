// The bot account's websocket (platforms.md §B3): authenticated by the upgrade header and the
// authentication_challenge, events read in order with their `seq` tracked, an application ping
// beside Beast's keep-alive, and reconnects with backoff and jitter that resume the same
// connection id (the server replays what we missed) or, when the server starts afresh, catch
// up through REST on every direct channel seen and every configured channel. Repeats are
// dropped by the core on the post id.
#pragma once

#include "adapters/mattermost/inbound.hpp"
#include "adapters/transport/backoff.hpp"
#include "adapters/transport/websocket_client.hpp"
#include "bot/environment.hpp"

#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <set>
#include <string>

namespace openfloor::mattermost {

class event_socket {
public:
    event_socket(asio::any_io_executor ex, rest_api& api, transport::http_client& http,
                 const config::mattermost_settings& settings, inbound& in,
                 bot::random_source& random);

    void start();
    void stop();
    bool connected() const { return connected_; }
    std::uint64_t connections_opened() const { return opened_; }
    std::uint64_t catch_ups() const { return catch_ups_; }
    // Tests: how long a dead peer may go unnoticed, and the pause before reconnecting.
    void set_idle_timeout(std::chrono::milliseconds t) { idle_timeout_ = t; }
    void set_reconnect_backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max) {
        pause_ = transport::backoff(initial, max);
    }

private:
    using connection = std::shared_ptr<transport::websocket_connection>;

    asio::awaitable<void> run();
    asio::awaitable<bool> serve(connection ws);
    asio::awaitable<void> pinger(connection ws);
    asio::awaitable<void> dispatch(ws_posted ev);
    asio::awaitable<void> catch_up(std::int64_t since_ms);
    std::string url() const;
    void note_seq(std::int64_t seq);
    std::int64_t catch_up_from(std::int64_t lost_at_ms) const;

    asio::any_io_executor ex_;
    rest_api& api_;
    transport::http_client& http_;
    const config::mattermost_settings& settings_;
    inbound& in_;
    bot::random_source& random_;
    transport::backoff pause_{std::chrono::seconds(1), std::chrono::seconds(60)};
    std::chrono::milliseconds idle_timeout_{90'000};
    asio::steady_timer wait_;
    connection current_;
    bool stopping_ = false;
    bool connected_ = false;
    std::uint64_t opened_ = 0;
    std::uint64_t catch_ups_ = 0;

    // Where we are in the server's event stream: resume from here after a drop.
    std::string connection_id_;
    std::int64_t next_seq_ = 0;
    std::int64_t request_seq_ = 0;
    // The newest create_at seen (server clock, ms): a catch-up asks for what came after it.
    std::int64_t last_post_ms_ = 0;
    std::int64_t lost_at_ms_ = 0; // our clock, when the last connection ended
    // Direct channels that wrote to us while this process ran. Memory only, never stored or
    // logged: a catch-up must know where to look, the database must not know who talked to us.
    std::set<std::string> direct_channels_;
};

} // namespace openfloor::mattermost
