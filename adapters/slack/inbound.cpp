// inbound: filtering and mapping of Slack payloads onto the core.
#include "adapters/slack/inbound.hpp"

#include "adapters/slack/home_render.hpp"
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"
#include "bot/text_rules.hpp"

#include <algorithm>
#include <array>

namespace openfloor::slack {
namespace {

// Subtypes that carry a person's new words; every other subtype (edits, deletions, joins,
// bot_message, channel_topic, …) is not for us.
bool handled_subtype(std::string_view subtype) {
    return subtype.empty() || subtype == "thread_broadcast" || subtype == "file_share";
}

} // namespace

inbound::inbound(bot::core& core, transport::group_commit& commits,
                 const config::settings& settings, web_api& api, std::function<void()> poke_outbox)
    : core_(core)
    , commits_(commits)
    , settings_(settings)
    , api_(api)
    , texts_(settings.locale)
    , poke_(std::move(poke_outbox)) {}

bool inbound::known_action(std::string_view action_id) {
    bot::action a{};
    return bot::parse_action_id(action_id, a) || action_id == pick::channel_action ||
           action_id == pick::category_action;
}

bot::actor inbound::actor_for(std::string_view team, std::string_view user, std::string_view route,
                              std::string_view channel) const {
    bot::actor who;
    who.user.where = bot::platform::slack;
    who.user.workspace = std::string(team.empty() ? self_.team_id : team);
    who.user.user_id = std::string(user);
    who.route = std::string(route);
    who.channel_id = std::string(channel);
    return who;
}

asio::awaitable<void> inbound::send_now(std::string route, std::string user,
                                        const std::vector<bot::message>& messages) {
    // Only used when the database refused: the apology cannot go through the outbox. In home
    // mode it is ephemeral too: nothing is ever posted into the author's DM.
    const bool home = settings_.notices == config::notices_mode::home;
    for (const auto& m : messages) {
        if (home) {
            co_await api_.call(method::chat_post_ephemeral, post_ephemeral_body(route, user, m));
        } else {
            co_await api_.call(method::chat_post_message, post_message_body(route, m));
        }
    }
}

asio::awaitable<void> inbound::on_home_opened(event_callback e) {
    const message_event& ev = e.event;
    if (settings_.notices != config::notices_mode::home || ev.tab != home_tab ||
        ev.user.empty()) {
        bot::log::debug("slack.event_ignored", {{"event", e.event_id}, {"type", ev.type}});
        co_return;
    }
    // Like a thread reply, nothing is answered here: the view goes out through the outbox,
    // which sends no job before its row is durable.
    core_.on_home_opened(actor_for(e.team_id, ev.user, ev.user, ""), e.event_id);
    poke_();
}

asio::awaitable<void> inbound::on_event(event_callback e) {
    const message_event& ev = e.event;
    if (ev.type == payload_type::app_home_opened) {
        co_await on_home_opened(std::move(e));
        co_return;
    }
    if (ev.type != payload_type::message || !handled_subtype(ev.subtype) || !ev.bot_id.empty() ||
        ev.user.empty() || ev.user == self_.user_id) {
        bot::log::debug("slack.event_ignored", {{"event", e.event_id}, {"subtype", ev.subtype}});
        co_return;
    }
    const std::string text = decode_incoming(ev.text);
    if (ev.channel_type == "im") {
        const auto who = actor_for(e.team_id, ev.user, ev.channel, ev.channel);
        bot::reply r = ev.is_thread_reply()
                           ? core_.on_relay_answer(who, ev.thread_ts, text, e.event_id)
                           : core_.on_text(who, text, bot::surface::direct_message, e.event_id);
        poke_();
        r = co_await commits_.settle(std::move(r), core_);
        if (!r.messages.empty()) {
            co_await send_now(ev.channel, ev.user, r.messages);
        }
        co_return;
    }
    if (ev.is_thread_reply() && (ev.channel_type == "channel" || ev.channel_type == "group")) {
        bot::thread_reply reply;
        reply.where = bot::platform::slack;
        reply.channel_id = ev.channel;
        reply.thread_ref = ev.thread_ts;
        reply.replier_name =
            "<@" + ev.user + ">"; // Slack shows the name; repliers are not anonymous
        reply.text = text;
        reply.event_key = e.event_id;
        core_.on_thread_reply(reply);
        poke_();
    }
}

asio::awaitable<immediate> inbound::on_command(slash_command c) {
    if (bot::is_blank(c.text)) {
        std::vector<std::pair<std::string, std::string>> channels;
        for (const auto& ch : settings_.channels) {
            if (ch.platform == bot::platform::slack) {
                channels.emplace_back(ch.key, "#" + ch.key);
            }
        }
        std::vector<std::pair<std::string, std::string>> categories;
        for (const auto& cat : settings_.categories) {
            categories.emplace_back(cat.name, cat.label);
        }
        const compose_labels labels = compose_labels_in(texts_);
        auto opened = co_await api_.call(
            method::views_open,
            views_open_body(c.trigger_id, compose_modal(channels, categories,
                                                        settings_.limits.max_chars, labels)));
        if (opened.ok()) {
            co_return std::nullopt;
        }
        bot::log::warn("slack.modal_failed", {{"reason", opened.reason}});
        // No modal (an expired trigger, say): the command still works with text.
    }
    // Later notices go to the user id: Slack delivers those into the app's DM with them.
    const auto who = actor_for(c.team_id, c.user_id, c.user_id, c.channel_id);
    bot::reply r = core_.on_text(who, decode_incoming(c.text), bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    co_return ephemeral_response(r.messages);
}

asio::awaitable<void> inbound::on_block_action(block_action a) {
    const auto who = actor_for(a.team_id, a.user_id, a.user_id, a.channel_id);
    bot::reply r;
    bool replaces = true;
    if (a.action_id == pick::channel_action || a.action_id == pick::category_action) {
        if (!a.block_id.starts_with(pick::block_prefix)) {
            co_return;
        }
        const auto draft = std::string_view(a.block_id).substr(pick::block_prefix.size());
        r = core_.on_draft_choice(who, draft,
                                  a.action_id == pick::channel_action ? bot::choice_kind::channel
                                                                      : bot::choice_kind::category,
                                  a.value);
    } else {
        bot::action what{};
        if (!bot::parse_action_id(a.action_id, what)) {
            co_return;
        }
        if (what == bot::action::reply || what == bot::action::flag) {
            co_await on_form_button(std::move(a), what); // a modal, opened before anything slow
            co_return;
        }
        r = core_.on_action(who, what, a.value, bot::surface::ephemeral);
        // A preview is replaced by its outcome (its buttons must not be clicked twice); a queue
        // item stays for every moderator and is updated by the outbox, the clicker gets a note.
        replaces = what == bot::action::confirm || what == bot::action::cancel;
    }
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (a.response_url.empty() || r.messages.empty()) {
        co_return;
    }
    nlohmann::json answer = ephemeral_response(r.messages);
    answer["replace_original"] = replaces;
    auto sent = co_await api_.post_to_url(a.response_url, answer);
    if (!sent.ok()) {
        bot::log::warn("slack.response_url_failed", {{"reason", sent.reason}});
    }
}

asio::awaitable<immediate> inbound::on_view_submission(view_submission v) {
    if (v.callback_id == answer_callback_id || v.callback_id == flag_callback_id) {
        if (!well_formed(v)) {
            bot::log::info("slack.submission_refused", {{"why", "malformed"}});
            co_return std::nullopt;
        }
        if (v.callback_id == answer_callback_id) {
            co_return co_await on_answer_submission(std::move(v));
        }
        co_return co_await on_flag_submission(std::move(v));
    }
    if (v.callback_id != "of_compose") {
        co_return std::nullopt;
    }
    const auto who = actor_for(v.team_id, v.user_id, v.user_id, "");
    bot::reply r = core_.on_compose(who, v.channel_key, v.category, v.text);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    std::string text;
    for (const auto& m : r.messages) {
        text += (text.empty() ? "" : "\n") + m.text;
    }
    if (r.published == 0) {
        // Refused: say why beside the text field, so what they wrote stays in the form.
        immediate refused =
            nlohmann::json{{"response_action", "errors"},
                           {"errors", {{std::string(block_id::compose_body), text}}}};
        co_return refused;
    }
    immediate done = nlohmann::json{
        {"response_action", "update"},
        {"view",
         {{"type", "modal"},
          {"title", {{"type", "plain_text"}, {"text", "openfloor"}}},
          {"close", {{"type", "plain_text"}, {"text", texts_.say(bot::text_id::button_close)}}},
          {"blocks",
           {{{"type", "section"},
             {"text", {{"type", "plain_text"}, {"text", text.empty() ? " " : text}}}}}}}}};
    co_return done;
}

} // namespace openfloor::slack
