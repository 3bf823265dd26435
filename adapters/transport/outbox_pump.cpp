// outbox_pump: a few worker coroutines, each parked on its own wake-up timer.
#include "adapters/transport/outbox_pump.hpp"

#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

namespace openfloor::transport {

outbox_pump::outbox_pump(asio::any_io_executor ex, bot::core& core, bot::platform where,
                         perform_fn perform, int workers)
    : ex_(ex)
    , core_(core)
    , where_(where)
    , perform_(std::move(perform))
    , workers_(workers) {}

void outbox_pump::start() {
    for (int i = 0; i < workers_; ++i) {
        wakes_.push_back(
            std::make_unique<asio::steady_timer>(ex_, asio::steady_timer::time_point::max()));
        spawn_logged(ex_, "outbox." + std::string(config::to_string(where_)), work(*wakes_.back()));
    }
}

void outbox_pump::poke() {
    for (auto& wake : wakes_) {
        wake->cancel();
    }
}

void outbox_pump::stop() {
    stopping_ = true;
    poke();
}

asio::awaitable<void> outbox_pump::work(asio::steady_timer& wake) {
    while (!stopping_) {
        auto step = core_.next_delivery(where_);
        if (auto* job = std::get_if<bot::delivery_job>(&step)) {
            ++in_flight_;
            const bot::delivery_result result = co_await perform_(*job);
            --in_flight_;
            core_.delivered(*job, result);
            ++sent_;
            continue;
        }
        const auto& idle = std::get<bot::idle>(step);
        if (idle.wake_at) {
            const auto delay = *idle.wake_at - bot::clock_type::now();
            wake.expires_after(
                std::max(std::chrono::duration_cast<std::chrono::milliseconds>(delay),
                         std::chrono::milliseconds(0)));
        } else {
            wake.expires_at(asio::steady_timer::time_point::max());
        }
        // Cancelled by poke() or stop(): either way, look again.
        co_await wake.async_wait(use_tuple);
    }
}

} // namespace openfloor::transport
