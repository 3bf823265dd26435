// What Slack tells us, turned into calls on the core. Shared by HTTP mode and Socket Mode: the
// transport differs, the meaning doesn't. Ignores what a bot must ignore (its own and other
// bots' messages, edits, deletions, joins), and pokes the outbox after every change.
#pragma once

#include "adapters/slack/payloads.hpp"
#include "adapters/slack/web_api.hpp"
#include "adapters/transport/group_commit.hpp"
#include "bot/core.hpp"
#include "bot/texts.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace openfloor::slack {

// Who the bot itself is (auth.test), so its own echoed messages are dropped.
struct self_identity {
    std::string user_id;
    std::string bot_id;
    std::string team_id;
};

// An immediate HTTP answer / socket ack payload; nullopt: an empty 200 / a bare ack.
using immediate = std::optional<nlohmann::json>;

class inbound {
public:
    // Every answer waits for `commits`: nothing is told before the writes behind it are durable.
    inbound(bot::core& core, transport::group_commit& commits, const config::settings& settings,
            web_api& api, std::function<void()> poke_outbox);

    void set_self(self_identity self) { self_ = std::move(self); }
    const self_identity& self() const { return self_; }

    // An Events API callback (a message, or app_home_opened); call after the ack has gone out.
    asio::awaitable<void> on_event(event_callback e);
    // A slash command: the ephemeral answer (or nothing, once the compose modal is open).
    asio::awaitable<immediate> on_command(slash_command c);
    // A button: answered through its response_url, so the ack can be empty and immediate.
    asio::awaitable<void> on_block_action(block_action a);
    // One of our modals submitted (compose, answer, flag): the response_action to show in it.
    asio::awaitable<immediate> on_view_submission(view_submission v);
    // Whether an action id is one of ours (unknown actions are refused with 400).
    static bool known_action(std::string_view action_id);
    // Whether a submission could come from the modals we open: an answer or flag form names a
    // post and a Slack user id (HTTP mode refuses others with 400; Socket Mode acks them bare).
    static bool well_formed(const view_submission& v);

private:
    bot::actor actor_for(std::string_view team, std::string_view user, std::string_view route,
                         std::string_view channel) const;
    asio::awaitable<void> send_now(std::string route, std::string user,
                                   const std::vector<bot::message>& messages);
    // app_home_opened on the Home tab: in home mode the author's view is republished.
    asio::awaitable<void> on_home_opened(event_callback e);
    // A post's Reply anonymously and Flag buttons, and their modals' submissions
    // (inbound_forms.cpp).
    asio::awaitable<void> on_form_button(block_action a, bot::action what);
    asio::awaitable<void> tell_clicker(const block_action& a, const std::vector<bot::message>& m);
    asio::awaitable<immediate> on_answer_submission(view_submission v);
    asio::awaitable<immediate> on_flag_submission(view_submission v);

    bot::core& core_;
    transport::group_commit& commits_;
    const config::settings& settings_;
    web_api& api_;
    bot::texts texts_; // the modal's words (the locale needs a restart to change)
    std::function<void()> poke_;
    self_identity self_;
};

} // namespace openfloor::slack
