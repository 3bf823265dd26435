// inbound, the interactive dialogs: a Reply anonymously or Flag click opens the core's form as a
// dialog on the click's trigger_id; its submission goes to the core like `reply N text` or a
// flag, and the outcome reaches only the person (an ephemeral post, or a DM).
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "adapters/transport/spawn.hpp"
#include "bot/log.hpp"

namespace openfloor::mattermost {
namespace {

std::string_view kind_name(bot::form_kind k) {
    return k == bot::form_kind::answer ? "answer" : "flag";
}

std::string field_of(const dialog_submission& s, std::string_view element) {
    auto it = s.submission.find(std::string(element));
    return it == s.submission.end() ? std::string() : it->second;
}

} // namespace

asio::awaitable<nlohmann::json> inbound::open_form(action_callback a, bot::action what,
                                                   bot::form_request form) {
    const std::string kind(bot::action_id(what));
    // Flagging is not anonymous: the name the moderators will see travels signed in the state.
    // An answer form carries no name at all.
    const std::string name = form.kind == bot::form_kind::flag ? a.user_name : std::string();
    rest_call opened;
    if (!a.trigger_id.empty() && !ctx_.dialog_url.empty() && ctx_.signer != nullptr) {
        const std::string state =
            seal_dialog_state(*ctx_.signer, kind, form.value, a.user_id, name);
        opened = co_await api_.post(std::string(rest::dialogs_open),
                                    open_dialog_request(form, a.trigger_id, ctx_.dialog_url, kind,
                                                        state, settings_.limits.max_chars));
    }
    if (opened.ok()) {
        bot::log::info("mattermost.dialog_opened",
                       {{"form", kind_name(form.kind)}, {"post", form.number}});
        co_return action_response({}, ctx_, false);
    }
    bot::log::warn("mattermost.dialog_not_opened",
                   {{"form", kind_name(form.kind)},
                    {"post", form.number},
                    {"reason", opened.reason.empty() ? std::string("no_trigger") : opened.reason}});
    // Nothing was written by the click. An answer can still be given in words.
    std::vector<bot::message> sorry(1);
    sorry[0].text = texts_.say(bot::text_id::storage_trouble);
    if (form.kind == bot::form_kind::answer) {
        bot::message hint;
        hint.text = texts_.say(bot::text_id::reply_empty, {{"n", form.value}});
        sorry.push_back(std::move(hint));
    }
    co_return action_response(sorry, ctx_, false);
}

asio::awaitable<nlohmann::json> inbound::on_dialog(dialog_submission s, bot::action what,
                                                   dialog_state state) {
    if (s.cancelled) {
        co_return nlohmann::json::object(); // notify_on_cancel is off; nothing to undo anyway
    }
    const std::string route = std::string(1, user_route_prefix) + s.user_id;
    const auto who = actor_for(s.user_id, route, s.channel_id);
    bot::reply r;
    if (what == bot::action::reply) {
        r = core_.on_answer_form(who, state.ref, field_of(s, dialog::answer_element));
    } else {
        bot::flag_reason why{};
        if (!bot::parse_flag_reason(field_of(s, dialog::reason_element), why)) {
            bot::log::info("mattermost.dialog_refused", {{"why", "unknown_reason"}});
            co_return dialog_field_error(
                dialog::reason_element,
                texts_.say(bot::text_id::form_flag_intro, {{"n", state.ref}}));
        }
        const std::string flagger = state.user_name.empty() ? std::string() : "@" + state.user_name;
        r = core_.on_flag(who, state.ref, why, flagger);
    }
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (what == bot::action::reply && !r.accepted) {
        // Not posted (empty, too long, a blocked word, locked, …, or storage trouble): the
        // dialog stays open with the reason beside the field, and the person's words in it.
        co_return dialog_field_error(dialog::answer_element, r.messages);
    }
    if (!r.messages.empty()) {
        auto ex = co_await asio::this_coro::executor;
        transport::spawn_logged(ex, "mattermost.dialog_outcome",
                                tell_privately(s.user_id, s.channel_id, std::move(r.messages)));
    }
    co_return nlohmann::json::object();
}

asio::awaitable<void> inbound::tell_privately(std::string user_id, std::string channel_id,
                                              std::vector<bot::message> messages) {
    if (!channel_id.empty()) {
        auto shown = co_await api_.post(std::string(rest::posts_ephemeral),
                                        ephemeral_body(user_id, channel_id, messages, ctx_));
        if (shown.ok()) {
            co_return;
        }
        // §B2: a bot may lack create_post_ephemeral; the DM always works.
        bot::log::warn("mattermost.ephemeral_failed", {{"reason", shown.reason}});
    }
    if (!co_await send_now(std::string(1, user_route_prefix) + user_id, std::move(messages))) {
        bot::log::warn("mattermost.dialog_outcome_not_delivered");
    }
}

} // namespace openfloor::mattermost
