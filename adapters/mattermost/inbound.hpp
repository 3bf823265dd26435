// What Mattermost tells us, turned into calls on the core: posts in the bot's direct channels
// (from the websocket or a catch-up), thread replies under anonymous posts, slash commands and
// button clicks, and the interactive dialogs those clicks open (inbound_dialogs.cpp). Ignores what a bot must ignore (its own and other bots' posts, system posts,
// deleted posts), and pokes the outbox after every change.
#pragma once

#include "adapters/mattermost/delivery.hpp"
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "adapters/mattermost/render.hpp"
#include "adapters/mattermost/rest_api.hpp"
#include "adapters/transport/group_commit.hpp"
#include "bot/core.hpp"

#include <nlohmann/json.hpp>

#include <functional>

namespace openfloor::mattermost {

// A post and what we know of where it was written.
struct incoming_post {
    mattermost::post post;
    bool direct = false;     // in a direct channel with the bot
    std::string sender_name; // "@alice" when known
};

class inbound {
public:
    // Every answer waits for `commits`: nothing is told before the writes behind it are durable.
    inbound(bot::core& core, transport::group_commit& commits, const config::settings& settings,
            rest_api& api, delivery& out, const render_context& ctx,
            std::function<void()> poke_outbox);

    void set_self(user self) { self_ = std::move(self); }
    const user& self() const { return self_; }
    const config::settings& settings() const { return settings_; }

    // Whether a post is one for the core at all (a person's new words, not ours, not a bot's).
    bool wanted(const mattermost::post& p) const;
    // Whether channel_id is one of the configured Mattermost channels (threads are read there).
    bool watched_channel(std::string_view channel_id) const;

    asio::awaitable<void> on_post(incoming_post in);
    // A slash command, its token already checked: the JSON body of the 200 answer.
    asio::awaitable<nlohmann::json> on_command(slash_command c);
    // A button click, its signature already checked: the JSON body of the 200 answer.
    asio::awaitable<nlohmann::json> on_action(action_callback a, bot::action what);
    // A dialog submitted, its state already verified for its user: `what` is its form's kind
    // (reply or flag). The JSON body of the 200 answer: {} closes the dialog (the outcome follows
    // as an ephemeral post), {"errors":{…}} keeps it open with the reason beside the field.
    asio::awaitable<nlohmann::json> on_dialog(dialog_submission s, bot::action what,
                                              dialog_state state);

private:
    bot::actor actor_for(std::string_view user, std::string route, std::string_view channel) const;
    asio::awaitable<bool> send_now(std::string route, std::vector<bot::message> messages);
    // The form the core asked for, as an interactive dialog on the click's trigger: the click's
    // answer ({} when it opened, an apology when Mattermost refused it).
    asio::awaitable<nlohmann::json> open_form(action_callback a, bot::action what,
                                              bot::form_request form);
    // A dialog's outcome to the person alone: an ephemeral post where they are, else a DM.
    asio::awaitable<void> tell_privately(std::string user_id, std::string channel_id,
                                         std::vector<bot::message> messages);
    asio::awaitable<void> deliver_preview(std::string route, std::string response_url,
                                          std::vector<bot::message> messages);

    bot::core& core_;
    transport::group_commit& commits_;
    const config::settings& settings_;
    rest_api& api_;
    delivery& out_;
    const render_context& ctx_;
    bot::texts texts_;
    std::function<void()> poke_;
    user self_;
};

} // namespace openfloor::mattermost
