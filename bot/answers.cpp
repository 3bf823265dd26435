// Answers in a post's thread (product.md §3): the author's, signed "— author of #N", and, where
// the channel has anonymous_replies, teammates' under a made-up name. The name is derived from
// the secret, the person's pseudonym and the post each time it is needed, and never stored: the
// database has nothing that ties an "Anonymous amber otter" to anyone.
#include "bot/grammar.hpp"
#include "bot/log.hpp"
#include "bot/reply_names.hpp"
#include "bot/text_rules.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

// How an answer to a post is signed in its thread.
struct signer {
    bool author = false;
    std::string name;      // a teammate's made-up name for this post; empty for the author
    std::string signature; // the line under the answer
};

// The same for one person on every answer to `post`, and unrelated across posts: the keyed
// hash mixes the post in, so two posts' names of one person cannot be matched up.
std::string anonymous_name(use_case& w, const post_record& post) {
    const auto hash = w.id.keyed_hash("reply-name", w.me().hex() + "|" + post.workspace + "#" +
                                                        to_text(post.number));
    return w.say.say(text_id::anonymous_name, {{"word", reply_name_words(hash)}});
}

bool is_removed(const post_record& post) {
    return post.state == post_state::deleted || post.state == post_state::rejected ||
           post.state == post_state::failed;
}

// Whether the actor may answer `post`, and how the answer would be signed; nullopt when not
// (the reason already answered).
result<std::optional<signer>> may_answer(use_case& w, const post_record& post) {
    const std::string n = to_text(post.number);
    const bool author = w.wrote(post, w.me());
    const auto* channel = w.settings.find_channel(post.channel_key);
    if (!author && !(channel && channel->anonymous_replies)) {
        log::info("reply.refused", {{"post", post.number}, {"reason", "not_author"}});
        OPENFLOOR_CHECK(w.answer(w.say.say(text_id::not_author_no_anonymous_replies,
                                           {{"n", n}, {"channel", post.channel_key}})));
        return std::nullopt;
    }
    std::optional<text_id> refusal;
    if (is_removed(post)) {
        refusal = text_id::already_removed;
    } else if (post.awaiting_review) {
        refusal = text_id::not_in_channel_yet;
    } else if (post.hidden) {
        refusal = text_id::post_hidden;
    } else if (post.locked) {
        refusal = text_id::post_locked;
    }
    if (refusal) {
        log::info("reply.refused", {{"post", post.number}});
        OPENFLOOR_CHECK(w.answer(w.say.say(*refusal, {{"n", n}})));
        return std::nullopt;
    }
    if (author) {
        return signer{true, {}, w.say.say(text_id::thread_signature, {{"n", n}})};
    }
    // A teammate's answer is anonymous posting too: a ban on their posts holds here as well.
    OPENFLOOR_TRY(auto ban, w.db.authors().active_ban(w.me(), w.now));
    if (ban) {
        log::info("reply.refused", {{"post", post.number}, {"reason", "banned"}});
        OPENFLOOR_CHECK(w.answer(
            ban->until ? w.say.say(text_id::banned_until, {{"until", format_time(*ban->until)}})
                       : w.say.say(text_id::banned_forever)));
        return std::nullopt;
    }
    std::string name = anonymous_name(w, post);
    std::string signature = w.say.say(text_id::anonymous_signature, {{"name", name}});
    return signer{false, std::move(name), std::move(signature)};
}

// The text's own refusals: empty, too long, and (for anonymous answers) a blocked word.
result<bool> text_allowed(use_case& w, const post_record& post, const signer& by,
                          std::string_view text) {
    if (is_blank(text)) {
        OPENFLOOR_CHECK(w.answer(w.say.say(text_id::reply_empty, {{"n", to_text(post.number)}})));
        return false;
    }
    const auto length = code_points(text);
    if (length > static_cast<std::size_t>(w.settings.limits.max_chars)) {
        OPENFLOOR_CHECK(w.answer(
            w.say.say(text_id::too_long, {{"count", std::to_string(length)},
                                          {"max", std::to_string(w.settings.limits.max_chars)}})));
        return false;
    }
    if (!by.author) {
        if (auto word = find_blocked_word(text, w.settings.moderation.blocked_words)) {
            log::info("reply.refused", {{"post", post.number}, {"reason", "blocked_word"}});
            OPENFLOOR_CHECK(w.answer(w.say.say(text_id::blocked_word, {{"word", *word}})));
            return false;
        }
    }
    return true;
}

} // namespace

result<void> answer_post(use_case& w, const post_record& post, std::string_view text) {
    OPENFLOOR_TRY(auto by, may_answer(w, post));
    if (!by) {
        return {};
    }
    OPENFLOOR_TRY(bool allowed, text_allowed(w, post, *by, text));
    if (!allowed) {
        return {};
    }
    const std::string n = to_text(post.number);
    message m;
    m.kind = message_kind::thread_answer;
    m.number = post.number;
    m.body = std::string(text);
    m.text = by->signature;
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::thread_post, post.id, post.channel_id, m));
    log::info("reply.queued",
              {{"platform", post.workspace}, {"post", post.number}, {"anonymous", !by->author}});
    w.collected().accepted = true;
    if (by->author) {
        return w.answer(w.say.say(text_id::reply_sent, {{"n", n}}));
    }
    // The author hears of a teammate's answer as of any reply; their own is not echoed back.
    OPENFLOOR_CHECK(relay_answer(w, post, by->name, text));
    return w.answer(w.say.say(text_id::reply_sent_anonymous, {{"n", n}, {"name", by->name}}));
}

result<void> open_answer_form(use_case& w, std::string_view post_value) {
    OPENFLOOR_TRY(auto post, w.find_post(post_value));
    if (!post) {
        return {};
    }
    OPENFLOOR_TRY(auto by, may_answer(w, *post));
    if (!by) {
        return {};
    }
    const std::string n = to_text(post->number);
    form_request f;
    f.kind = form_kind::answer;
    f.value = n;
    f.number = post->number;
    f.title = w.say.say(text_id::form_answer_title, {{"n", n}});
    f.intro = w.say.say(text_id::form_answer_intro, {{"n", n}, {"signature", by->signature}});
    f.field_label = w.say.say(text_id::form_answer_field);
    f.submit_label = w.say.say(text_id::button_send);
    f.cancel_label = w.say.say(text_id::button_cancel);
    w.collected().form = std::move(f);
    return {};
}

result<void> answer_form(use_case& w, std::string_view post_value, std::string_view text) {
    OPENFLOOR_TRY(auto post, w.find_post(post_value));
    if (!post) {
        return {};
    }
    return answer_post(w, *post, text);
}

} // namespace openfloor::bot
