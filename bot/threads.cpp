// Two-way threads (product.md §3): a reply under an anonymous post reaches its author by DM,
// and the author answers back through `reply N` or the relayed DM's thread (answers.cpp).
#include "bot/log.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {

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

result<void> relay_answer(use_case& w, post_record post, std::string_view name,
                          std::string_view text) {
    // Stats count it even when nothing is relayed; an answer to a post still in its posting
    // delay is not a reply to anything anyone has seen yet.
    if (!post.first_reply_at && post.state == post_state::posted) {
        post.first_reply_at = w.now;
        OPENFLOOR_CHECK(w.db.posts().update(post));
    }
    if (post.locked || post.hidden) {
        log::info("reply.not_relayed", {{"post", post.number}, {"locked", post.locked}});
        return {};
    }
    OPENFLOOR_TRY(auto route, w.db.routes().find(post.id));
    if (!route) {
        return {}; // past retention: the way back to the author is gone, by design
    }
    if (w.home_inbox(post.where)) {
        log::info("reply.relayed", {{"platform", post.workspace}, {"post", post.number}, {"to", "home"}});
        return note_on_home(w, post, *route, home_line{std::string(name), std::string(text), w.now});
    }
    message m;
    m.kind = message_kind::relay;
    m.number = post.number;
    m.text = w.say.say(text_id::relay_heading,
                       {{"n", to_text(post.number)}, {"name", std::string(name)}});
    m.body = std::string(text);
    log::info("reply.relayed", {{"platform", post.workspace}, {"post", post.number}});
    return w.send_private(post.where, *route, std::move(m), post.id);
}

result<void> relay_to_author(use_case& w, const thread_reply& r) {
    OPENFLOOR_TRY(auto post, w.db.posts().find_by_message(r.where, r.channel_id, r.thread_ref));
    if (!post || post->state != post_state::posted) {
        return {};
    }
    return relay_answer(w, std::move(*post), r.replier_name, r.text);
}

} // namespace openfloor::bot
