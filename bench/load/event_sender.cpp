// event_sender: worker coroutines on the load generator's one thread; the caller waits on a
// timer parked at max() that the last worker to finish cancels.
#include "bench/load/event_sender.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bench/load/options.hpp"
#include "bench/support/slack_requests.hpp"
#include <exception>
#include <iostream>

namespace openfloor::bench {
namespace {

struct shared_state {
    send_plan plan;
    dm_events events;
    std::uint64_t issued = 0;
    std::vector<sample> samples;
    int running = 0;
};

// `s` lives in send_events' frame, which waits for every worker to end before it returns.
asio::awaitable<void> worker(shared_state& s) {
    const auto ex = co_await asio::this_coro::executor;
    connection conn(ex, s.plan.port);
    const std::string host = host_of(s.plan.port);
    while (s.issued < s.plan.max_events && std::chrono::steady_clock::now() < s.plan.stop_at) {
        sample one;
        one.event = s.plan.first_event + s.issued++;
        const auto req = s.events.make(one.event, host); // built before the clock starts
        one.start_ns = steady_ns();
        const auto answer = co_await conn.exchange(req);
        one.end_ns = steady_ns();
        one.ok = answer.answered && answer.status == 200;
        s.samples.push_back(one);
    }
}

} // namespace

asio::awaitable<std::vector<sample>> send_events(send_plan plan) {
    const auto ex = co_await asio::this_coro::executor;
    shared_state s{plan, dm_events(plan.authors), 0, {}, plan.concurrency};
    s.samples.reserve(
        static_cast<std::size_t>(std::min<std::uint64_t>(plan.max_events, 1'000'000)));
    asio::steady_timer all_done(ex, asio::steady_timer::time_point::max());
    for (int i = 0; i < plan.concurrency; ++i) {
        asio::co_spawn(ex, worker(s), [&](std::exception_ptr e) {
            if (e) { // a bug in the load generator: say so rather than report a short run
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& failure) {
                    std::cerr << "bench_load: worker failed: " << failure.what() << '\n';
                }
            }
            if (--s.running == 0) {
                all_done.cancel();
            }
        });
    }
    co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable)); // cancelled when all end
    co_return std::move(s.samples);
}

} // namespace openfloor::bench
