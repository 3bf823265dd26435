// Everything Slack, assembled: the Web API client, inbound dispatch, HTTP endpoints or Socket
// Mode, and the outbox pump that delivers through chat.* calls. app/ builds one when the config
// has a slack block.
#pragma once

#include "adapters/slack/delivery.hpp"
#include "adapters/slack/http_endpoints.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/socket_mode.hpp"
#include "adapters/slack/web_api.hpp"
#include "adapters/transport/outbox_pump.hpp"

#include <memory>
#include <string>

namespace openfloor::slack {

class adapter {
public:
    adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
            transport::group_commit& commits, transport::http_client& http,
            transport::router& routes, bot::random_source& random);

    // auth.test with the bot token (a clear error for a bad token), then the inbound side and
    // the outbox. An error means openfloor should not run.
    asio::awaitable<boost::system::result<void>> start();
    void stop();

    bool healthy() const;
    std::string_view state() const;
    transport::outbox_pump& outbox() { return pump_; }
    socket_mode* socket() { return socket_.get(); }
    const web_api& api() const { return api_; }

private:
    const config::settings& settings_;
    web_api api_;
    transport::outbox_pump pump_;
    inbound inbound_;
    delivery delivery_;
    std::unique_ptr<http_endpoints> endpoints_;
    std::unique_ptr<socket_mode> socket_;
    bool started_ = false;
};

} // namespace openfloor::slack
