// inbound: filtering and mapping of Mattermost payloads onto the core.
#include "adapters/mattermost/inbound.hpp"

#include "adapters/mattermost/protocol.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"
#include "bot/text_rules.hpp"

#include <algorithm>

namespace openfloor::mattermost {
namespace {

// Every Mattermost author is known to the core under one workspace name: one server per config,
// and neither the URL nor the bot's id is a stable name for it.
constexpr std::string_view workspace = "mattermost";

bool has_preview(const std::vector<bot::message>& messages) {
    return std::any_of(messages.begin(), messages.end(), [](const bot::message& m) {
        return m.kind == bot::message_kind::preview;
    });
}

} // namespace

inbound::inbound(bot::core& core, transport::group_commit& commits,
                 const config::settings& settings, rest_api& api, delivery& out,
                 const render_context& ctx, std::function<void()> poke_outbox)
    : core_(core)
    , commits_(commits)
    , settings_(settings)
    , api_(api)
    , out_(out)
    , ctx_(ctx)
    , texts_(settings.locale)
    , poke_(std::move(poke_outbox)) {}

bool inbound::wanted(const mattermost::post& p) const {
    // §B3: handle only a person's new post; the broadcast reaches the bot with its own posts too.
    return p.type.empty() && p.delete_at == 0 && !p.from_bot && !p.user_id.empty() &&
           p.user_id != self_.id;
}

bool inbound::watched_channel(std::string_view channel_id) const {
    return std::any_of(settings_.channels.begin(), settings_.channels.end(), [&](const auto& ch) {
        return ch.platform == bot::platform::mattermost && ch.channel_id == channel_id;
    });
}

bot::actor inbound::actor_for(std::string_view user, std::string route,
                              std::string_view channel) const {
    bot::actor who;
    who.user.where = bot::platform::mattermost;
    who.user.workspace = std::string(workspace);
    who.user.user_id = std::string(user);
    who.route = std::move(route);
    who.channel_id = std::string(channel);
    return who;
}

asio::awaitable<bool> inbound::send_now(std::string route, std::vector<bot::message> messages) {
    // Only for what cannot wait for the outbox: an apology when the database refused, and a
    // slash command's preview. True when every message was posted.
    auto channel = co_await out_.direct_channel(route);
    const auto* id = std::get_if<std::string>(&channel);
    if (id == nullptr) {
        co_return false;
    }
    bool sent = true;
    for (const auto& m : messages) {
        auto posted = co_await api_.post(std::string(rest::posts), post_body(*id, m, ctx_));
        sent = sent && posted.ok();
    }
    co_return sent;
}

asio::awaitable<void> inbound::on_post(incoming_post in) {
    const post& p = in.post;
    if (!wanted(p)) {
        bot::log::debug("mattermost.post_ignored", {{"type", p.type}});
        co_return;
    }
    const std::string event_key = "mm:post:" + p.id;
    if (in.direct) {
        const auto who = actor_for(p.user_id, p.channel_id, p.channel_id);
        bot::reply r = p.root_id.empty()
                           ? core_.on_text(who, p.message, bot::surface::direct_message, event_key)
                           : core_.on_relay_answer(who, p.root_id, p.message, event_key);
        poke_();
        r = co_await commits_.settle(std::move(r), core_);
        if (!r.messages.empty()) {
            co_await send_now(p.channel_id, r.messages);
        }
        co_return;
    }
    if (!p.root_id.empty() && watched_channel(p.channel_id)) {
        bot::thread_reply reply;
        reply.where = bot::platform::mattermost;
        reply.channel_id = p.channel_id;
        reply.thread_ref = p.root_id;
        // Repliers are not anonymous: the author sees who answered (mention made inert).
        reply.replier_name =
            in.sender_name.empty() ? texts_.say(bot::text_id::someone) : in.sender_name;
        reply.text = p.message;
        reply.event_key = event_key;
        core_.on_thread_reply(reply);
        poke_();
    }
}

asio::awaitable<void> inbound::deliver_preview(std::string route, std::string response_url,
                                               std::vector<bot::message> messages) {
    const bool sent = co_await send_now(route, messages);
    if (sent || response_url.empty()) {
        co_return;
    }
    // No DM (the server refused or is away): the preview comes back where the command was typed,
    // without buttons, and `post` in a DM still confirms it.
    bot::log::warn("mattermost.preview_dm_failed");
    render_context plain = ctx_;
    plain.action_url.clear();
    bot::message hint;
    hint.text = texts_.say(bot::text_id::preview_not_delivered);
    messages.push_back(std::move(hint));
    auto answered = co_await api_.post_to_url(response_url, command_response(messages, plain));
    if (!answered.ok()) {
        bot::log::warn("mattermost.response_url_failed", {{"reason", answered.reason}});
    }
}

asio::awaitable<nlohmann::json> inbound::on_command(slash_command c) {
    const std::string route = std::string(1, user_route_prefix) + c.user_id;
    const auto who = actor_for(c.user_id, route, c.channel_id);
    const std::string text = bot::is_blank(c.text) ? std::string("help") : c.text;
    bot::reply r = core_.on_text(who, text, bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (!has_preview(r.messages)) {
        co_return command_response(r.messages, ctx_);
    }
    // Buttons cannot live on an ephemeral answer (it is not stored, so a click finds nothing):
    // the preview goes to the author's DM with the bot, where its buttons work. The answer
    // comes at once; the DM follows.
    auto ex = co_await asio::this_coro::executor;
    transport::spawn_logged(ex, "mattermost.preview",
                            deliver_preview(route, c.response_url, std::move(r.messages)));
    co_return command_response_text(texts_.say(bot::text_id::preview_sent_by_dm));
}

asio::awaitable<nlohmann::json> inbound::on_action(action_callback a, bot::action what) {
    const std::string route = std::string(1, user_route_prefix) + a.user_id;
    const auto who = actor_for(a.user_id, route, a.channel_id);
    bot::reply r = core_.on_action(who, what, a.ref, bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (r.form) {
        co_return co_await open_form(std::move(a), what, std::move(*r.form));
    }
    // A preview is replaced by its outcome (its buttons must not be clicked twice); a queue item
    // stays for every moderator and is updated through the outbox, the clicker gets a note.
    const bool replaces = what == bot::action::confirm || what == bot::action::cancel;
    co_return action_response(r.messages, ctx_, replaces);
}

} // namespace openfloor::mattermost
