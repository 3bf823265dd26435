// Performs the outbox's jobs on the demo platform: each one a change to the in-memory world,
// answered the way a real platform answers (a message ref, or a refusal to give up on).
#pragma once

#include "adapters/local/world.hpp"
#include "adapters/transport/net.hpp"
#include "bot/delivery.hpp"

namespace openfloor::local {

namespace asio = transport::asio;

class delivery {
public:
    explicit delivery(world& w)
        : world_(w) {}
    asio::awaitable<bot::delivery_result> perform(bot::delivery_job job);
    // The same, at once: the demo platform never waits.
    bot::delivery_result perform_now(const bot::delivery_job& job);

private:
    world& world_;
};

} // namespace openfloor::local
