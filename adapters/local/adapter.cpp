// adapter: construction order (the world first, everything else refers to it) and start-up.
#include "adapters/local/adapter.hpp"

#include "adapters/local/protocol.hpp"
#include "bot/log.hpp"

namespace openfloor::local {

// One worker: the demo platform answers at once, and one sender keeps every conversation in
// the order the core queued it.
constexpr int demo_workers = 1;

adapter::adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
                 transport::group_commit& commits, transport::router& routes)
    : review_(settings)
    , delivery_(world_)
    , pump_(
          std::move(ex), core, commits, demo_platform,
          [this](bot::delivery_job job) { return delivery_.perform(std::move(job)); }, demo_workers)
    , inbound_(core, commits, world_, [this] { pump_.poke(); })
    , endpoints_(inbound_, world_, review_) {
    endpoints_.add_routes(routes);
}

void adapter::start() {
    pump_.start();
    bot::log::info("demo.ready");
}

void adapter::stop() {
    pump_.stop();
}

} // namespace openfloor::local
