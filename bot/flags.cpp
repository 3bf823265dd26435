// Flags (product.md §4): anyone may flag a channel post with a reason; the moderators hear of
// each flag with the flagger's name (flagging is not anonymous, so it cannot silence someone
// unseen), and at moderation.flag_threshold different flaggers the post is hidden until a
// moderator restores or deletes it. A flagger is stored only as a keyed hash of their pseudonym
// and the post: one vote per post, nothing that follows a person from post to post.
#include "bot/grammar.hpp"
#include "bot/log.hpp"
#include "bot/post_message.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

// The post a flag form or a flag is about, if it can be flagged; nullopt when not (answered).
result<std::optional<post_record>> flaggable_post(use_case& w, std::string_view post_value) {
    OPENFLOOR_TRY(auto post, w.find_post(post_value));
    if (!post) {
        return std::nullopt;
    }
    const std::string n = to_text(post->number);
    std::optional<text_id> refusal;
    if (post->state == post_state::deleted || post->state == post_state::rejected ||
        post->state == post_state::failed) {
        refusal = text_id::already_removed;
    } else if (post->state != post_state::posted) {
        refusal = text_id::not_in_channel_yet;
    } else if (post->hidden) {
        refusal = text_id::flag_already_hidden;
    }
    if (refusal) {
        OPENFLOOR_CHECK(w.answer(w.say.say(*refusal, {{"n", n}})));
        return std::nullopt;
    }
    return post;
}

// Replaces the channel message with a notice and tells the author, kindly.
result<void> hide_post(use_case& w, post_record post) {
    post.hidden = true;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::update_post, post.id, post.channel_id,
                              hidden_post_of(w.say, post)));
    OPENFLOOR_CHECK(
        w.tell_author(post, w.say.say(text_id::hidden_author, {{"n", to_text(post.number)}})));
    OPENFLOOR_CHECK(w.audit("system", "hide", post));
    log::info("post.hidden", {{"platform", post.workspace}, {"post", post.number}});
    return {};
}

std::string flag_notice(use_case& w, const post_record& post, int count, flag_reason reason,
                        std::string_view flagger_name) {
    const int threshold = w.settings.moderation.flag_threshold;
    const std::string flagger =
        flagger_name.empty() ? w.say.say(text_id::someone) : std::string(flagger_name);
    const std::string reason_label = flag_reason_label(w.say, reason);
    const std::string n = to_text(post.number);
    if (threshold > 0) {
        return w.say.say(text_id::flag_notice, {{"n", n},
                                                {"count", std::to_string(count)},
                                                {"threshold", std::to_string(threshold)},
                                                {"reason", reason_label},
                                                {"flagger", flagger}});
    }
    return w.say.say(text_id::flag_notice_no_threshold, {{"n", n},
                                                         {"count", std::to_string(count)},
                                                         {"reason", reason_label},
                                                         {"flagger", flagger}});
}

} // namespace

result<void> open_flag_form(use_case& w, std::string_view post_value) {
    OPENFLOOR_TRY(auto post, flaggable_post(w, post_value));
    if (!post) {
        return {};
    }
    const std::string n = to_text(post->number);
    form_request f;
    f.kind = form_kind::flag;
    f.value = n;
    f.number = post->number;
    f.title = w.say.say(text_id::form_flag_title, {{"n", n}});
    f.intro = w.say.say(text_id::form_flag_intro, {{"n", n}});
    f.field_label = w.say.say(text_id::form_flag_field);
    f.options = flag_choices(w.say);
    f.submit_label = w.say.say(text_id::button_flag);
    f.cancel_label = w.say.say(text_id::button_cancel);
    w.collected().form = std::move(f);
    return {};
}

result<void> flag_post(use_case& w, std::string_view post_value, flag_reason reason,
                       std::string_view flagger_name) {
    OPENFLOOR_TRY(auto post, flaggable_post(w, post_value));
    if (!post) {
        return {};
    }
    const std::string n = to_text(post->number);
    // Keyed by the post's row id too: the same person's flags on two posts share nothing.
    const std::string flagger =
        w.id.keyed_hash("flag", w.me().hex() + "|" + std::to_string(post->id));
    OPENFLOOR_TRY(bool fresh, w.db.flags().add(post->id, flagger, w.now));
    if (!fresh) {
        return w.answer(w.say.say(text_id::flag_repeat, {{"n", n}}));
    }
    OPENFLOOR_TRY(int count, w.db.flags().count(post->id));
    w.collected().accepted = true;
    const int threshold = w.settings.moderation.flag_threshold;
    const bool hide = threshold > 0 && count >= threshold;
    std::string notice = flag_notice(w, *post, count, reason, flagger_name);
    OPENFLOOR_CHECK(w.audit("flagger:" + flagger.substr(0, 16), "flag", *post,
                            std::string(flag_reason_id(reason))));
    if (hide) {
        OPENFLOOR_CHECK(hide_post(w, *post));
        notice += "\n" + w.say.say(text_id::flag_hid_post, {{"n", n}});
    }
    OPENFLOOR_CHECK(w.notify_moderators(post->where, std::move(notice)));
    log::info("post.flagged", {{"platform", post->workspace},
                               {"post", post->number},
                               {"count", count},
                               {"hidden", hide}});
    return w.answer(w.say.say(text_id::flag_thanks, {{"n", n}}));
}

result<void> restore_post(use_case& w, post_record post) {
    const std::string n = to_text(post.number);
    if (post.state == post_state::deleted || post.state == post_state::rejected ||
        post.state == post_state::failed) {
        return w.answer(w.say.say(text_id::already_removed, {{"n", n}}));
    }
    if (!post.hidden) {
        return w.answer(w.say.say(text_id::mod_not_hidden, {{"n", n}}));
    }
    post.hidden = false;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    OPENFLOOR_TRY(int cleared, w.db.flags().clear(post.id));
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::update_post, post.id, post.channel_id,
                              channel_post_of(w.settings, w.say, post)));
    OPENFLOOR_CHECK(w.tell_author(
        post, w.say.say(text_id::restored_author, {{"n", n}, {"channel", post.channel_key}})));
    OPENFLOOR_CHECK(
        w.audit(w.moderator_tag(), "restore", post, std::to_string(cleared) + " flags"));
    log::info("post.restored", {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(w.say.say(text_id::mod_restored, {{"n", n}}));
}

} // namespace openfloor::bot
