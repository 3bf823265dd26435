// The local demo platform, assembled: the in-memory world, inbound calls from the demo page,
// its endpoints, and the outbox pump that delivers into the world. app/ builds one for
// `openfloor demo`; it plugs into the core exactly as the Slack and Mattermost adapters do.
#pragma once

#include "adapters/local/delivery.hpp"
#include "adapters/local/http_endpoints.hpp"
#include "adapters/local/inbound.hpp"
#include "adapters/local/review_switch.hpp"
#include "adapters/local/world.hpp"
#include "adapters/transport/outbox_pump.hpp"

namespace openfloor::local {

class adapter {
public:
    adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
            transport::group_commit& commits, transport::router& routes);

    void start();
    void stop();

    transport::outbox_pump& outbox() { return pump_; }
    review_switch& review() { return review_; }

private:
    world world_;
    review_switch review_;
    delivery delivery_;
    transport::outbox_pump pump_;
    inbound inbound_;
    http_endpoints endpoints_;
};

} // namespace openfloor::local
