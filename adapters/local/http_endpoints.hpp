// The demo page and its JSON endpoints (protocol.hpp's routes): the page itself, the state of
// every pane, and one POST per thing a person can do. POSTs must say Content-Type:
// application/json, which a cross-site form cannot send, so another web page open in the same
// browser cannot act for the demo's people.
#pragma once

#include "adapters/local/inbound.hpp"
#include "adapters/local/review_switch.hpp"
#include "adapters/local/world.hpp"
#include "adapters/transport/http_server.hpp"

namespace openfloor::local {

namespace asio = transport::asio;

class http_endpoints {
public:
    http_endpoints(inbound& in, const world& w, review_switch& review);
    void add_routes(transport::router& routes);

    asio::awaitable<transport::response> page(transport::request req);
    asio::awaitable<transport::response> state(transport::request req);
    asio::awaitable<transport::response> message(transport::request req);
    asio::awaitable<transport::response> click(transport::request req);
    asio::awaitable<transport::response> command(transport::request req);
    asio::awaitable<transport::response> form(transport::request req);
    asio::awaitable<transport::response> review(transport::request req);

private:
    inbound& in_;
    const world& world_;
    review_switch& review_;
};

} // namespace openfloor::local
