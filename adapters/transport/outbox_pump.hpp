// The delivery loop of one platform: asks the core for the next due outbox job, has the
// platform adapter perform it, reports the result, and sleeps until the next job is due or
// until poke() says something new was queued.
#pragma once

#include "adapters/transport/net.hpp"
#include "bot/core.hpp"

#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace openfloor::transport {

class outbox_pump {
public:
    using perform_fn = std::function<asio::awaitable<bot::delivery_result>(bot::delivery_job)>;

    // `workers` sends may be in flight at once (each job is handed out once; pacing per
    // channel still holds because the core paces at hand-out time).
    outbox_pump(asio::any_io_executor ex, bot::core& core, bot::platform where, perform_fn perform,
                int workers = 4);

    void start();
    // Something was queued: look now instead of at the next planned time.
    void poke();
    // No new sends start; sends in flight finish and are recorded.
    void stop();
    // Sends in flight right now (SIGTERM waits for them).
    int in_flight() const { return in_flight_; }
    std::uint64_t sent() const { return sent_; }

private:
    asio::awaitable<void> work(asio::steady_timer& wake);

    asio::any_io_executor ex_;
    bot::core& core_;
    bot::platform where_;
    perform_fn perform_;
    int workers_;
    // One timer per worker: re-arming a shared timer would cancel the others' waits, and they
    // would wake each other up forever.
    std::vector<std::unique_ptr<asio::steady_timer>> wakes_;
    bool stopping_ = false;
    int in_flight_ = 0;
    std::uint64_t sent_ = 0;
};

} // namespace openfloor::transport
