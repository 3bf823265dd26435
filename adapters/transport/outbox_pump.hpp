// The delivery loop of one platform: asks the core for the next due outbox job, has the
// platform adapter perform it, reports the result, and sleeps until the next job is due or
// until poke() says something new was queued.
#pragma once

#include "adapters/transport/group_commit.hpp"
#include "adapters/transport/metrics.hpp"
#include "adapters/transport/net.hpp"
#include "bot/core.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace openfloor::transport {

class outbox_pump {
public:
    using perform_fn = std::function<asio::awaitable<bot::delivery_result>(bot::delivery_job)>;

    // `workers` sends may be in flight at once (each job is handed out once; pacing per
    // channel still holds because the core paces at hand-out time).
    // A job whose row is not durable yet waits for `commits` before it is sent.
    outbox_pump(asio::any_io_executor ex, bot::core& core, group_commit& commits,
                bot::platform where, perform_fn perform, int workers = 4);

    void start();
    // Something was queued: look now instead of at the next planned time.
    void poke();
    // No new sends start; sends in flight finish and are recorded.
    void stop();
    // Sends in flight right now (SIGTERM waits for them).
    int in_flight() const { return in_flight_; }
    std::uint64_t sent() const { return sent_; }
    // From now on, times each delivery and counts retries and refusals, labelled with this
    // pump's platform. `r` must outlive the pump.
    void measure(metrics::registry& r);

private:
    using steady = std::chrono::steady_clock;

    asio::awaitable<void> work(asio::steady_timer& wake);
    void note(const bot::delivery_job& job, const bot::delivery_result& result,
              steady::time_point started);

    asio::any_io_executor ex_;
    bot::core& core_;
    group_commit& commits_;
    bot::platform where_;
    perform_fn perform_;
    int workers_;
    // One timer per worker: re-arming a shared timer would cancel the others' waits, and they
    // would wake each other up forever.
    std::vector<std::unique_ptr<asio::steady_timer>> wakes_;
    bool stopping_ = false;
    int in_flight_ = 0;
    std::uint64_t sent_ = 0;

    // A delivery is timed from its first send to the platform's yes, retries included, but
    // not from when it was queued: a channel post waits a deliberate random delay first, and
    // that delay must stay secret (it hides when the author confirmed). Memory only: after a
    // restart, a retried job is timed from its first send since.
    struct first_send {
        steady::time_point at;
        bot::job_kind kind; // SQLite may hand a vanished job's id to a new one: check it is
        std::optional<std::int64_t> post_id; // the same job before trusting the time
    };
    std::unordered_map<std::int64_t, first_send> first_sent_;
    metrics::histogram* delivery_time_ = nullptr;
    metrics::counter* retries_ = nullptr;
    metrics::counter* refusals_ = nullptr;
};

} // namespace openfloor::transport
