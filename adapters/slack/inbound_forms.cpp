// inbound_forms: a post's Reply anonymously and Flag buttons open their modal with views.open
// while the click's trigger_id is fresh (3 s), and the modals' submissions go to the core. A
// refusal of an answer stays beside the text field, so what the person wrote is not lost.
#include "adapters/slack/form_modal.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"
#include "adapters/slack/text_split.hpp"
#include "bot/log.hpp"

#include <algorithm>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

// Slack user ids are upper-case letters and digits ("U0123ABCD", "W…"); the flagger is named
// as <@id>, which must never carry anything else into the moderators' notice.
constexpr std::size_t max_user_id = 32;

bool is_user_id(std::string_view id) {
    return !id.empty() && id.size() <= max_user_id && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
}

std::string joined(const std::vector<bot::message>& messages) {
    std::string text;
    for (const auto& m : messages) {
        text += (text.empty() ? "" : "\n") + m.text;
    }
    return text;
}

immediate field_error(std::string_view block, std::string_view text) {
    return json{{"response_action", "errors"},
                {"errors", {{std::string(block), detail::truncate(text, limit::section_text)}}}};
}

} // namespace

bool inbound::well_formed(const view_submission& v) {
    if (v.callback_id != answer_callback_id && v.callback_id != flag_callback_id) {
        return true; // the compose modal reads its own fields
    }
    return is_form_metadata(v.private_metadata) && is_user_id(v.user_id);
}

asio::awaitable<void> inbound::tell_clicker(const block_action& a,
                                            const std::vector<bot::message>& m) {
    if (m.empty()) {
        co_return;
    }
    if (a.response_url.empty()) {
        // A click on the Home tab has no response_url: the answer comes as a small modal.
        if (a.trigger_id.empty()) {
            co_return;
        }
        auto opened = co_await api_.call(
            method::views_open,
            views_open_body(a.trigger_id,
                            notice_modal(joined(m), texts_.say(bot::text_id::button_close))));
        if (!opened.ok()) {
            bot::log::warn("slack.modal_failed", {{"form", "notice"}, {"reason", opened.reason}});
        }
        co_return;
    }
    json answer = ephemeral_response(m);
    answer["replace_original"] = false; // the channel post stays as it is, for everyone
    auto sent = co_await api_.post_to_url(a.response_url, answer);
    if (!sent.ok()) {
        bot::log::warn("slack.response_url_failed", {{"reason", sent.reason}});
    }
}

asio::awaitable<void> inbound::on_form_button(block_action a, bot::action what) {
    if (a.value.size() > limit::button_value) {
        // Slack sends no longer value: this click is not from one of our posts.
        bot::log::info("slack.action_refused", {{"why", "value_too_long"}});
        co_return;
    }
    const auto who = actor_for(a.team_id, a.user_id, a.user_id, a.channel_id);
    bot::reply r = core_.on_action(who, what, a.value, bot::surface::ephemeral);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (!r.form) {
        co_await tell_clicker(a, r.messages); // why not: locked, hidden, no such post, …
        co_return;
    }
    const bool answer = r.form->kind == bot::form_kind::answer;
    auto opened = co_await api_.call(
        method::views_open,
        views_open_body(a.trigger_id, form_modal(*r.form, settings_.limits.max_chars)));
    if (opened.ok()) {
        bot::log::info("slack.form_opened",
                       {{"form", answer ? "answer" : "flag"}, {"post", r.form->number}});
        co_return;
    }
    // Most often the trigger expired: Slack gives 3 s from the click. Nothing was written.
    bot::log::warn("slack.modal_failed", {{"form", answer ? "answer" : "flag"},
                                          {"post", r.form->number},
                                          {"reason", opened.reason}});
    bot::message sorry;
    sorry.text = texts_.say(bot::text_id::form_expired);
    // Named, not a braced list: g++ 12 cannot keep an initializer_list in a coroutine frame
    // ("array used as initializer").
    const std::vector<bot::message> told{std::move(sorry)};
    co_await tell_clicker(a, told);
}

asio::awaitable<immediate> inbound::on_answer_submission(view_submission v) {
    const auto who = actor_for(v.team_id, v.user_id, v.user_id, "");
    // The same view submitted again with the same words (a redelivered envelope) posts once.
    const std::string event_key =
        v.view_id.empty() ? std::string() : "view:" + v.view_id + "\n" + v.answer;
    bot::reply r = core_.on_answer_form(who, v.private_metadata, v.answer, event_key);
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    if (r.duplicate) {
        co_return std::nullopt; // answered the first time; an empty answer closes the modal
    }
    if (!r.accepted) {
        co_return field_error(block_id::answer_body, joined(r.messages));
    }
    immediate done =
        json{{"response_action", "update"},
             {"view", notice_modal(joined(r.messages), texts_.say(bot::text_id::button_close))}};
    co_return done;
}

asio::awaitable<immediate> inbound::on_flag_submission(view_submission v) {
    bot::flag_reason why{};
    if (!bot::parse_flag_reason(v.reason, why)) {
        // Slack only submits the menu's own options: this one changes nothing.
        bot::log::info("slack.submission_refused", {{"why", "unknown_reason"}});
        co_return field_error(block_id::flag_reason,
                              texts_.say(bot::text_id::form_flag_pick_reason));
    }
    const auto who = actor_for(v.team_id, v.user_id, v.user_id, "");
    // Flagging is not anonymous: the moderators' notice names the flagger as a mention.
    bot::reply r = core_.on_flag(who, v.private_metadata, why, "<@" + v.user_id + ">");
    poke_();
    r = co_await commits_.settle(std::move(r), core_);
    // Counted, a repeat, or a post that cannot be flagged: nothing typed to keep, so say it.
    immediate done =
        json{{"response_action", "update"},
             {"view", notice_modal(joined(r.messages), texts_.say(bot::text_id::button_close))}};
    co_return done;
}

} // namespace openfloor::slack
