// outbox_pump: a few worker coroutines, each parked on its own wake-up timer.
#include "adapters/transport/outbox_pump.hpp"

#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

namespace openfloor::transport {
namespace {

// Jobs that failed and were never seen again (dropped by the core, or given up) leave their
// first send time behind; past this many, forget them all rather than grow.
constexpr std::size_t max_timed_jobs = 4096;

} // namespace

outbox_pump::outbox_pump(asio::any_io_executor ex, bot::core& core, group_commit& commits,
                         bot::platform where, perform_fn perform, int workers)
    : ex_(ex)
    , core_(core)
    , commits_(commits)
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

void outbox_pump::measure(metrics::registry& r) {
    const std::string platform(config::to_string(where_));
    delivery_time_ = &r.histograms("openfloor_delivery_duration_seconds",
                                   "Time from a job's first send to the platform accepting it, "
                                   "retries and rate-limit waits included.",
                                   {"platform"}, metrics::delivery_buckets())
                          .with({platform});
    retries_ = &r.counters("openfloor_delivery_retries_total",
                           "Sends that failed for a passing reason (5xx, timeout, reset) and are "
                           "tried again later.",
                           {"platform"})
                    .with({platform});
    refusals_ =
        &r.counters("openfloor_delivery_refusals_total",
                    "Sends the platform refused for good (no retry will help).", {"platform"})
             .with({platform});
}

void outbox_pump::note(const bot::delivery_job& job, const bot::delivery_result& result,
                       steady::time_point started) {
    using status = bot::delivery_result::status;
    if (delivery_time_ == nullptr) {
        return;
    }
    auto first = first_sent_.find(job.id);
    if (first != first_sent_.end() &&
        (first->second.kind != job.kind || first->second.post_id != job.post_id)) {
        first_sent_.erase(first); // another job under a reused id
        first = first_sent_.end();
    }
    const auto since = first == first_sent_.end() ? started : first->second.at;
    switch (result.outcome) {
    case status::delivered:
        delivery_time_->observe(steady::now() - since);
        break;
    case status::retry:
        retries_->inc();
        [[fallthrough]];
    case status::rate_limited:
        if (first == first_sent_.end()) {
            if (first_sent_.size() >= max_timed_jobs) {
                first_sent_.clear();
            }
            first_sent_.emplace(job.id, first_send{started, job.kind, job.post_id});
        }
        return;
    case status::give_up:
        refusals_->inc();
        break;
    }
    if (first != first_sent_.end()) {
        first_sent_.erase(first);
    }
}

asio::awaitable<void> outbox_pump::work(asio::steady_timer& wake) {
    while (!stopping_) {
        auto step = core_.next_delivery(where_);
        if (auto* job = std::get_if<bot::delivery_job>(&step)) {
            ++in_flight_;
            if (!job->committed) {
                // Queued by a request whose group is not on disk yet: nothing goes out before
                // the confirmation that asked for it is durable.
                const auto kept = co_await commits_.durable();
                if (!kept) {
                    --in_flight_;
                    core_.abandon(*job);
                    continue;
                }
            }
            const auto started = steady::now();
            const bot::delivery_result result = co_await perform_(*job);
            --in_flight_;
            note(*job, result, started);
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
