#include "app/drain.hpp"

#include "adapters/transport/net.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace openfloor::app {

namespace asio = boost::asio;

asio::awaitable<void> drain(bot_app& app, asio::io_context& ioc) {
    constexpr auto deadline = std::chrono::seconds(10);
    asio::steady_timer tick(ioc);
    const auto give_up = std::chrono::steady_clock::now() + deadline;
    while (!app.idle() && std::chrono::steady_clock::now() < give_up) {
        tick.expires_after(std::chrono::milliseconds(50));
        co_await tick.async_wait(transport::use_tuple);
    }
    ioc.stop();
}

} // namespace openfloor::app
