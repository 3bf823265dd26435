// Everything Mattermost, assembled: the REST client, the bot's websocket, the slash-command and
// action endpoints, and the outbox pump that delivers through REST. app/ builds one when the
// config has a mattermost block.
#pragma once

#include "adapters/mattermost/action_signer.hpp"
#include "adapters/mattermost/delivery.hpp"
#include "adapters/mattermost/event_socket.hpp"
#include "adapters/mattermost/http_endpoints.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/render.hpp"
#include "adapters/mattermost/rest_api.hpp"
#include "adapters/transport/outbox_pump.hpp"

#include <string>

namespace openfloor::mattermost {

class adapter {
public:
    adapter(asio::any_io_executor ex, const config::settings& settings, bot::core& core,
            transport::group_commit& commits, const bot::identity& id, transport::http_client& http,
            transport::router& routes, bot::random_source& random);

    // users/me with the bot token (a clear error for a bad token or URL), then the websocket
    // and the outbox. An error means openfloor should not run.
    asio::awaitable<boost::system::result<void>> start();
    void stop();

    bool healthy() const;
    std::string_view state() const;
    transport::outbox_pump& outbox() { return pump_; }
    event_socket& socket() { return socket_; }
    const rest_api& api() const { return api_; }

private:
    action_signer signer_;
    render_context ctx_;
    std::string self_id_;
    rest_api api_;
    delivery delivery_;
    transport::outbox_pump pump_;
    inbound inbound_;
    http_endpoints endpoints_;
    event_socket socket_;
    bool started_ = false;
};

} // namespace openfloor::mattermost
