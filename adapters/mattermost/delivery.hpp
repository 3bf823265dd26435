// Mattermost delivery: performs one outbox job with REST calls (create, reply in thread, patch,
// delete), or through a channel's incoming webhook. A private route of the form "@<user id>"
// is turned into the direct channel with that user first (cached in memory only).
#pragma once

#include "adapters/mattermost/render.hpp"
#include "adapters/mattermost/rest_api.hpp"

#include <map>
#include <string>
#include <variant>

namespace openfloor::mattermost {

// A route to a person: their DM channel id as the platform gave it, or "@" + their user id when
// only that is known (slash commands, button clicks).
inline constexpr char user_route_prefix = '@';

class delivery {
public:
    // `self_id` is the bot's own user id, filled in by the adapter after users/me.
    delivery(rest_api& api, const render_context& ctx, const std::string& self_id);

    asio::awaitable<bot::delivery_result> perform(bot::delivery_job job);

    // The direct channel for a route: the route itself if it is a channel id, else the DM
    // channel with that user (POST /channels/direct). A failed call comes back as its outcome.
    asio::awaitable<std::variant<std::string, bot::delivery_result>> direct_channel(
        const std::string& route);

private:
    rest_api& api_;
    const render_context& ctx_;
    const std::string& self_id_;
    std::map<std::string, std::string> dm_channels_; // user id → DM channel id, memory only
};

} // namespace openfloor::mattermost
