// Mattermost's calls to us: POST /mattermost/commands (the slash command, verified by
// command_token in constant time; also served on /mattermost/command and as GET, the method
// mmctl creates without --post) and POST /mattermost/actions (button clicks, verified by the
// HMAC in the button's context) and POST /mattermost/dialogs (dialog submissions, verified by
// the HMAC in the dialog's state, bound to the submitting user). Anything unverified is refused
// with 401 and changes nothing.
#pragma once

#include "adapters/mattermost/action_signer.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/transport/http_server.hpp"

namespace openfloor::mattermost {

class http_endpoints {
public:
    http_endpoints(inbound& in, const action_signer& signer,
                   const config::mattermost_settings& settings);
    void add_routes(transport::router& routes);

    asio::awaitable<transport::response> command(transport::request req);
    asio::awaitable<transport::response> action(transport::request req);
    asio::awaitable<transport::response> dialog(transport::request req);

private:
    bool token_ok(std::string_view offered) const;

    inbound& in_;
    const action_signer& signer_;
    const config::mattermost_settings& settings_;
};

} // namespace openfloor::mattermost
