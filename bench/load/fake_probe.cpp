// fake_probe: plain GETs on one connection; polling every 10 ms is fine for a benchmark (the
// fake answers within microseconds) and bounded by the caller's deadline.
#include "bench/load/fake_probe.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bench/load/options.hpp"

namespace openfloor::bench {

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

fake_probe::fake_probe(asio::any_io_executor ex, unsigned short port)
    : ex_(ex)
    , port_(port)
    , conn_(ex, port) {}

asio::awaitable<nlohmann::json> fake_probe::get(std::string target) {
    http::request<http::string_body> req{http::verb::get, target, 11};
    req.set(http::field::host, host_of(port_));
    req.keep_alive(true);
    auto answer = co_await conn_.exchange(req);
    if (!answer.answered || answer.status != 200) {
        co_return nlohmann::json::object();
    }
    auto doc = nlohmann::json::parse(answer.body, nullptr, /*allow_exceptions=*/false);
    co_return doc.is_discarded() ? nlohmann::json::object() : doc;
}

asio::awaitable<void> fake_probe::reset() {
    co_await get("/bench/reset");
}

asio::awaitable<std::uint64_t>
fake_probe::wait_for_posts(std::uint64_t posts, std::chrono::steady_clock::time_point deadline) {
    asio::steady_timer tick(ex_);
    std::uint64_t seen = 0;
    for (;;) {
        const auto stats = co_await get("/bench/stats");
        seen = stats.value("team_posts", std::uint64_t{0});
        if (seen >= posts || std::chrono::steady_clock::now() >= deadline) {
            co_return seen;
        }
        tick.expires_after(std::chrono::milliseconds(10));
        co_await tick.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

} // namespace openfloor::bench
