// Moderation (product.md §4): approve, reject, delete, ban and unban by post number (lock and
// unlock are in locks.cpp, restore in flags.cpp). A moderator acts on "#N", never on a person:
// bans resolve the author through the post's sealed pseudonym.
#include "bot/log.hpp"
#include "bot/post_message.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {
namespace {

message queue_outcome(use_case& w, const post_record& post, text_id what) {
    message m;
    m.kind = message_kind::moderator_notice;
    m.number = post.number;
    m.text = w.say.say(what, {{"n", to_text(post.number)}});
    return m;
}

std::string with_reason(use_case& w, std::string text, const std::string& reason) {
    if (!reason.empty()) {
        text += w.say.say(text_id::reason_suffix, {{"reason", reason}});
    }
    return text;
}

result<void> approve(use_case& w, post_record post) {
    const std::string n = to_text(post.number);
    if (post.state != post_state::queued || !post.awaiting_review) {
        return w.answer(w.say.say(text_id::not_awaiting_review, {{"n", n}}));
    }
    post.awaiting_review = false;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::channel_post, post.id, post.channel_id,
                              channel_post_of(w.settings, w.say, post), w.posting_delay()));
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::update_queue_item, post.id, "",
                              queue_outcome(w, post, text_id::queue_approved)));
    OPENFLOOR_CHECK(w.tell_author(
        post,
        w.say.say(text_id::approved_author, {{"n", n}, {"channel", post.channel_key}})));
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), "approve", post));
    log::info("post.approved", {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(w.say.say(text_id::mod_approved, {{"n", n}, {"channel", post.channel_key}}));
}

result<void> reject(use_case& w, post_record post, const std::string& reason) {
    const std::string n = to_text(post.number);
    if (post.state != post_state::queued || !post.awaiting_review) {
        return w.answer(w.say.say(text_id::not_awaiting_review, {{"n", n}}));
    }
    post.awaiting_review = false;
    post.state = post_state::rejected;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::update_queue_item, post.id, "",
                              queue_outcome(w, post, text_id::queue_rejected)));
    OPENFLOOR_CHECK(
        w.tell_author(post, with_reason(w, w.say.say(text_id::rejected_author, {{"n", n}}), reason)));
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), "reject", post, reason));
    log::info("post.rejected", {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(w.say.say(text_id::mod_rejected, {{"n", n}}));
}

// Removes a post wherever it is: the channel, the outbox, the queue. Keeps the numbered row.
result<void> remove_post(use_case& w, post_record post) {
    const bool was_in_queue = post.awaiting_review;
    post.state = post_state::deleted;
    post.awaiting_review = false;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    if (post.message_ref) {
        OPENFLOOR_CHECK(
            w.enqueue(post.where, job_kind::delete_post, post.id, post.channel_id, message{}));
    }
    if (was_in_queue) {
        OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::update_queue_item, post.id, "",
                                  queue_outcome(w, post, text_id::queue_deleted)));
    }
    return {};
}

result<void> ban(use_case& w, const post_record& post, const std::string& duration) {
    const std::string n = to_text(post.number);
    const auto parsed = parse_duration(duration);
    if (!parsed.ok) {
        return w.answer(w.say.say(text_id::bad_duration, {{"duration", duration}}));
    }
    auto author = w.author_of(post);
    if (!author) {
        return w.answer(w.say.say(text_id::unknown_post, {{"n", n}}));
    }
    ban_record b;
    b.author = *author;
    b.created_at = w.now;
    if (parsed.value) {
        b.until = w.now + *parsed.value;
    }
    OPENFLOOR_CHECK(w.db.authors().ban(b));
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), "ban", post, duration.empty() ? "permanent" : duration));
    log::info("author.banned", {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(b.until ? w.say.say(text_id::mod_banned_for, {{"n", n}, {"duration", duration}})
                            : w.say.say(text_id::mod_banned_forever, {{"n", n}}));
}

result<void> unban(use_case& w, const post_record& post) {
    const std::string n = to_text(post.number);
    auto author = w.author_of(post);
    if (!author) {
        return w.answer(w.say.say(text_id::unknown_post, {{"n", n}}));
    }
    OPENFLOOR_TRY(bool was_banned, w.db.authors().unban(*author));
    if (!was_banned) {
        return w.answer(w.say.say(text_id::mod_not_banned, {{"n", n}}));
    }
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), "unban", post));
    return w.answer(w.say.say(text_id::mod_unbanned, {{"n", n}}));
}

} // namespace

result<void> moderate(use_case& w, const moderator_command& cmd) {
    if (!w.is_moderator()) {
        log::info("moderation.refused", {{"op", std::string(to_string(cmd.op))}});
        const std::string what =
            w.say.say(text_id::command_on_posts, {{"op", std::string(to_string(cmd.op))}});
        return w.answer(w.say.say(text_id::not_moderator, {{"command", what}}));
    }
    OPENFLOOR_TRY(auto post, w.find_post(cmd.number));
    if (!post) {
        return {};
    }
    switch (cmd.op) {
    case moderator_op::approve:
        return approve(w, *post);
    case moderator_op::reject:
        return reject(w, *post, cmd.argument);
    case moderator_op::ban:
        return ban(w, *post, cmd.argument);
    case moderator_op::unban:
        return unban(w, *post);
    case moderator_op::lock:
        return lock_post(w, *post, true);
    case moderator_op::unlock:
        return lock_post(w, *post, false);
    case moderator_op::restore:
        return restore_post(w, *post);
    }
    return w.answer(w.say.say(text_id::not_available_yet));
}

result<void> delete_post(use_case& w, const delete_command& cmd) {
    OPENFLOOR_TRY(auto post, w.find_post(cmd.number));
    if (!post) {
        return {};
    }
    const std::string n = to_text(cmd.number);
    const bool author = w.wrote(*post, w.me());
    if (!author && !w.is_moderator()) {
        log::info("delete.refused", {{"post", cmd.number}});
        return w.answer(w.say.say(text_id::not_author, {{"n", n}}));
    }
    if (post->state == post_state::deleted || post->state == post_state::rejected) {
        return w.answer(w.say.say(text_id::already_removed, {{"n", n}}));
    }
    OPENFLOOR_CHECK(remove_post(w, *post));
    if (author) {
        OPENFLOOR_CHECK(w.audit("author", "author_delete", *post));
        OPENFLOOR_CHECK(refresh_home(w, *post));
        log::info("post.deleted", {{"platform", post->workspace}, {"post", post->number}, {"by", "author"}});
        return w.answer(w.say.say(text_id::deleted_by_author, {{"n", n}}));
    }
    OPENFLOOR_CHECK(w.tell_author(
        *post,
        with_reason(w, w.say.say(text_id::deleted_author, {{"n", n}, {"channel", post->channel_key}}),
                    cmd.reason)));
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), "delete", *post, cmd.reason));
    log::info("post.deleted", {{"platform", post->workspace}, {"post", post->number}, {"by", "moderator"}});
    return w.answer(w.say.say(text_id::mod_deleted, {{"n", n}}));
}

} // namespace openfloor::bot
