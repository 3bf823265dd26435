// inbound_load: a warm-up, then a measured window; only answers that complete inside the window
// count, so requests/s is what the bot sustained there, not a burst at the start.
#include <boost/asio/this_coro.hpp>

#include "bench/load/event_sender.hpp"
#include "bench/load/fake_probe.hpp"
#include "bench/load/loads.hpp"
#include "bench/load/process_cpu.hpp"
#include "bench/support/numbers.hpp"
#include <algorithm>

namespace openfloor::bench {
namespace {

double ms(std::int64_t ns) {
    return static_cast<double>(ns) / 1e6;
}

} // namespace

asio::awaitable<nlohmann::json> inbound_load(load_options o) {
    const auto ex = co_await asio::this_coro::executor;
    fake_probe fake(ex, o.fake_port);
    if (o.fake_port != 0) {
        co_await fake.reset();
    }
    const auto cpu_before = cpu_seconds_of(o.pid);
    const auto begin = std::chrono::steady_clock::now();
    send_plan plan;
    plan.port = o.port;
    plan.concurrency = o.concurrency;
    plan.first_event = o.first_event;
    plan.max_events = o.max_requests;
    plan.authors = o.authors;
    plan.stop_at = begin + o.warmup + o.duration;
    const auto samples = co_await send_events(plan);

    const auto to_ns = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
    };
    std::int64_t from = to_ns(begin + o.warmup);
    std::int64_t last_end = 0;
    for (const auto& s : samples) {
        last_end = std::max(last_end, s.end_ns);
    }
    if (last_end <= from) { // max_requests ran out during the warm-up: measure it all
        from = to_ns(begin);
    }
    const std::int64_t until = std::min(last_end, to_ns(plan.stop_at));
    std::vector<double> latencies;
    std::uint64_t errors = 0, acked = 0;
    for (const auto& s : samples) {
        errors += s.ok ? 0 : 1;
        acked += s.ok ? 1 : 0;
        if (s.ok && s.end_ns >= from && s.end_ns <= until) {
            latencies.push_back(ms(s.end_ns - s.start_ns));
        }
    }
    const double window_s = static_cast<double>(until - from) / 1e9;
    nlohmann::json out{
        {"target", o.target},
        {"run", o.run},
        {"load", "inbound"},
        {"concurrency", o.concurrency},
        {"requests", samples.size()},
        {"errors", errors},
        {"window_s", window_s},
        {"rps", window_s > 0 ? static_cast<double>(latencies.size()) / window_s : 0.0},
        {"p50_ms", percentile(latencies, 50)},
        {"p99_ms", percentile(latencies, 99)},
        {"max_ms", percentile(latencies, 100)}};
    if (o.fake_port != 0) {
        // Every acked event is work the bot still owes: wait for it, so the next load starts on an
        // idle bot, and say how long the backlog took.
        const auto drain_from = std::chrono::steady_clock::now();
        const auto seen = co_await fake.wait_for_posts(acked, drain_from + o.deadline);
        out["posts_expected"] = acked;
        out["posts_seen"] = seen;
        out["drain_s"] =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - drain_from).count();
    }
    // After the backlog: the CPU an acked request cost, its posting included.
    if (const auto cpu_after = cpu_seconds_of(o.pid); cpu_before && cpu_after && acked > 0) {
        out["cpu_ms_per_event"] = (*cpu_after - *cpu_before) * 1e3 / static_cast<double>(acked);
    }
    co_return out;
}

} // namespace openfloor::bench
