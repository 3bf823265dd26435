// end_to_end: a burst of N events, then the fake's arrival stamps matched to each event's send
// time by the marker in the post. posts/s spans from the first request to the last post.
#include <boost/asio/this_coro.hpp>

#include "bench/load/event_sender.hpp"
#include "bench/load/fake_probe.hpp"
#include "bench/load/loads.hpp"
#include "bench/load/process_cpu.hpp"
#include "bench/support/numbers.hpp"
#include <algorithm>
#include <limits>
#include <unordered_map>

namespace openfloor::bench {

asio::awaitable<nlohmann::json> end_to_end(load_options o) {
    const auto ex = co_await asio::this_coro::executor;
    fake_probe fake(ex, o.fake_port);
    co_await fake.reset();
    const auto cpu_before = cpu_seconds_of(o.pid);
    const auto begin = std::chrono::steady_clock::now();
    send_plan plan;
    plan.port = o.port;
    plan.concurrency = o.concurrency;
    plan.first_event = o.first_event;
    plan.max_events = o.events;
    plan.authors = o.authors;
    plan.stop_at = begin + o.deadline;
    const auto samples = co_await send_events(plan);

    std::unordered_map<std::uint64_t, std::int64_t> sent_at;
    std::vector<double> acks;
    std::int64_t first_send = std::numeric_limits<std::int64_t>::max();
    for (const auto& s : samples) {
        first_send = std::min(first_send, s.start_ns);
        if (s.ok) {
            sent_at.emplace(s.event, s.start_ns);
            acks.push_back(static_cast<double>(s.end_ns - s.start_ns) / 1e6);
        }
    }
    const auto seen = co_await fake.wait_for_posts(sent_at.size(), begin + o.deadline);
    const auto cpu_after = cpu_seconds_of(o.pid);
    const auto arrivals = co_await fake.get("/bench/arrivals");
    const auto events = arrivals.value("events", std::vector<std::uint64_t>{});
    const auto arrived = arrivals.value("arrived_ns", std::vector<std::int64_t>{});

    std::vector<double> latencies;
    std::unordered_map<std::uint64_t, int> times_posted;
    std::int64_t last_post = first_send;
    for (std::size_t i = 0; i < events.size() && i < arrived.size(); ++i) {
        auto sent = sent_at.find(events[i]);
        if (sent == sent_at.end() || ++times_posted[events[i]] > 1) {
            continue; // not ours, or a duplicate (counted below)
        }
        latencies.push_back(static_cast<double>(arrived[i] - sent->second) / 1e6);
        last_post = std::max(last_post, arrived[i]);
    }
    std::uint64_t duplicates = 0;
    for (const auto& [event, times] : times_posted) {
        duplicates += static_cast<std::uint64_t>(times - 1);
    }
    const double span_s = static_cast<double>(last_post - first_send) / 1e9;
    nlohmann::json out{
        {"target", o.target},
        {"run", o.run},
        {"load", "e2e"},
        {"concurrency", o.concurrency},
        {"events", samples.size()},
        {"acked", sent_at.size()},
        {"posts_seen", seen},
        {"posted", latencies.size()},
        {"missing", sent_at.size() - latencies.size()},
        {"duplicates", duplicates},
        {"posts_per_s", span_s > 0 ? static_cast<double>(latencies.size()) / span_s : 0.0},
        {"latency_p50_ms", percentile(latencies, 50)},
        {"latency_p99_ms", percentile(latencies, 99)},
        {"ack_p50_ms", percentile(acks, 50)},
        {"ack_p99_ms", percentile(acks, 99)}};
    if (cpu_before && cpu_after && !sent_at.empty()) {
        out["cpu_ms_per_event"] =
            (*cpu_after - *cpu_before) * 1e3 / static_cast<double>(sent_at.size());
    }
    co_return out;
}

} // namespace openfloor::bench
