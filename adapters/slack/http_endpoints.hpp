// Slack's HTTP mode: POST /slack/events, /slack/commands and /slack/interactivity. Each request
// is verified (v0 signature, 5-minute window) before a byte of it is parsed, then acked at once;
// the slow work runs after the answer has gone out.
#pragma once

#include "adapters/slack/inbound.hpp"
#include "adapters/transport/http_server.hpp"

namespace openfloor::slack {

class http_endpoints {
public:
    http_endpoints(asio::any_io_executor ex, inbound& in, const config::slack_settings& settings);
    void add_routes(transport::router& routes);

    asio::awaitable<transport::response> events(transport::request req);
    asio::awaitable<transport::response> commands(transport::request req);
    asio::awaitable<transport::response> interactivity(transport::request req);

private:
    bool verified(const transport::request& req) const;

    asio::any_io_executor ex_;
    inbound& in_;
    const config::slack_settings& settings_;
};

} // namespace openfloor::slack
