// ready: a fresh connection every 2 ms until a signed url_verification is answered 200. The
// start is the wall-clock time the launching script took just before it started the process.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bench/load/connection.hpp"
#include "bench/load/loads.hpp"
#include "bench/support/slack_requests.hpp"

namespace openfloor::bench {

asio::awaitable<nlohmann::json> wait_ready(load_options o) {
    const auto ex = co_await asio::this_coro::executor;
    const auto give_up = std::chrono::steady_clock::now() + o.deadline;
    asio::steady_timer pause(ex);
    const auto probe = url_verification(host_of(o.port));
    bool served = false;
    while (!served && std::chrono::steady_clock::now() < give_up) {
        connection conn(ex, o.port, std::chrono::seconds(5));
        const auto answer = co_await conn.exchange(probe);
        served = answer.answered && answer.status == 200;
        if (!served) {
            pause.expires_after(std::chrono::milliseconds(2));
            co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        }
    }
    const auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    nlohmann::json out{
        {"target", o.target}, {"run", o.run}, {"load", "startup"}, {"served", served}};
    if (served && o.since_unix_ns > 0) {
        out["startup_ms"] = static_cast<double>(now_ns - o.since_unix_ns) / 1e6;
    }
    co_return out;
}

} // namespace openfloor::bench
