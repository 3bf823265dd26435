// Two-way threads (product.md §3): a reply under an anonymous post reaches its author by DM,
// and the author answers into the thread as "— author of #N", checked by pseudonym only.
#include "bot/log.hpp"
#include "bot/text_rules.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

result<void> answer_post(use_case& w, const post_record& post, std::string_view text) {
    const std::string n = to_text(post.number);
    if (!w.wrote(post, w.me())) {
        const auto* channel = w.settings.find_channel(post.channel_key);
        log::info("reply.refused", {{"post", post.number}});
        return w.answer(w.say.say(text_id::not_author_no_anonymous_replies,
                                  {{"n", n}, {"channel", channel ? channel->key : post.channel_key}}));
    }
    if (post.state == post_state::deleted || post.state == post_state::rejected ||
        post.state == post_state::failed) {
        return w.answer(w.say.say(text_id::already_removed, {{"n", n}}));
    }
    if (post.awaiting_review) {
        return w.answer(w.say.say(text_id::not_in_channel_yet, {{"n", n}}));
    }
    if (is_blank(text)) {
        return w.answer(w.say.say(text_id::reply_empty, {{"n", n}}));
    }
    const auto length = code_points(text);
    if (length > static_cast<std::size_t>(w.settings.limits.max_chars)) {
        return w.answer(w.say.say(text_id::too_long,
                                  {{"count", std::to_string(length)},
                                   {"max", std::to_string(w.settings.limits.max_chars)}}));
    }
    message m;
    m.kind = message_kind::thread_answer;
    m.number = post.number;
    m.body = std::string(text);
    m.text = w.say.say(text_id::thread_signature, {{"n", n}});
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::thread_post, post.id, post.channel_id, m));
    log::info("reply.queued", {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(w.say.say(text_id::reply_sent, {{"n", n}}));
}

} // namespace

result<void> answer_as_author(use_case& w, const reply_command& cmd) {
    OPENFLOOR_TRY(auto post, w.find_post(cmd.number));
    if (!post) {
        return {};
    }
    return answer_post(w, *post, cmd.text);
}

result<void> answer_relay(use_case& w, std::string_view relay_ref, std::string_view text) {
    const auto key = w.id.keyed_hash("relay", w.who().route + "|" + std::string(relay_ref));
    OPENFLOOR_TRY(auto post_id, w.db.routes().find_relay(key));
    if (!post_id) {
        return {}; // a thread under some other DM of ours: nothing to relay
    }
    OPENFLOOR_TRY(auto post, w.db.posts().find_by_id(*post_id));
    if (!post) {
        return {};
    }
    return answer_post(w, *post, text);
}

result<void> relay_to_author(use_case& w, const thread_reply& r) {
    OPENFLOOR_TRY(auto post, w.db.posts().find_by_message(r.where, r.channel_id, r.thread_ref));
    if (!post || post->state != post_state::posted) {
        return {};
    }
    OPENFLOOR_TRY(auto route, w.db.routes().find(post->id));
    if (!post->first_reply_at) {
        post->first_reply_at = w.now;
        OPENFLOOR_CHECK(w.db.posts().update(*post));
    }
    if (!route) {
        return {}; // past retention: the way back to the author is gone, by design
    }
    message m;
    m.kind = message_kind::relay;
    m.number = post->number;
    m.text = w.say.say(text_id::relay_heading,
                       {{"n", to_text(post->number)}, {"name", r.replier_name}});
    m.body = r.text;
    log::info("reply.relayed", {{"platform", post->workspace}, {"post", post->number}});
    return w.send_private(post->where, *route, std::move(m), post->id);
}

} // namespace openfloor::bot
