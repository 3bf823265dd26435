// adapter: start-up order (who am I, then listen, then deliver) and health.
#include "adapters/slack/adapter.hpp"

#include "adapters/slack/error.hpp"
#include "adapters/slack/protocol.hpp"
#include "bot/log.hpp"

namespace openfloor::slack {

adapter::adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
                 transport::group_commit& commits, transport::http_client& http,
                 transport::router& routes, bot::random_source& random)
    : settings_(settings)
    , api_(http, *settings.slack)
    , pump_(ex, core, commits, bot::platform::slack,
            [this](bot::delivery_job job) { return delivery_.perform(std::move(job)); })
    , inbound_(core, commits, settings, api_, [this] { pump_.poke(); })
    , delivery_(api_) {
    if (settings.slack->mode == config::slack_mode::http) {
        endpoints_ = std::make_unique<http_endpoints>(ex, inbound_, *settings.slack);
        endpoints_->add_routes(routes);
    } else {
        socket_ = std::make_unique<socket_mode>(ex, api_, http, inbound_, random);
    }
}

asio::awaitable<boost::system::result<void>> adapter::start() {
    auto who = co_await api_.call(method::auth_test, nlohmann::json::object());
    if (!who.ok()) {
        bot::log::error(
            "slack.auth_failed",
            {{"reason", who.reason},
             {"detail", who.answered ? "Slack refused slack.bot_token (xoxb-…)"
                                     : "Slack's Web API at slack.api_base_url did not answer"}});
        co_return boost::system::error_code(error::auth_failed);
    }
    inbound_.set_self({who.result.user_id, who.result.bot_id, who.result.team_id});
    bot::log::info(
        "slack.ready",
        {{"mode", settings_.slack->mode == config::slack_mode::http ? "http" : "socket"}});
    if (socket_) {
        socket_->start();
    }
    pump_.start();
    started_ = true;
    co_return boost::system::result<void>{};
}

void adapter::stop() {
    if (socket_) {
        socket_->stop();
    }
    pump_.stop();
}

bool adapter::healthy() const {
    return started_ && (!socket_ || socket_->connected());
}

std::string_view adapter::state() const {
    if (!started_) {
        return "starting";
    }
    if (socket_) {
        return socket_->connected() ? "connected" : "connecting";
    }
    return "listening";
}

} // namespace openfloor::slack
