// Locks (product.md §3, §4): a moderator's `lock N` closes #N's thread to answers through the
// bot (the author's included) and stops relaying replies from it; `unlock N` opens it again.
// Either way the thread itself says so, so nobody waits for an answer that cannot come.
#include "bot/log.hpp"
#include "bot/use_cases.hpp"

namespace openfloor::bot {

result<void> lock_post(use_case& w, post_record post, bool lock) {
    const std::string n = to_text(post.number);
    if (post.state == post_state::deleted || post.state == post_state::rejected ||
        post.state == post_state::failed) {
        return w.answer(w.say.say(text_id::already_removed, {{"n", n}}));
    }
    if (post.locked == lock) {
        return w.answer(
            w.say.say(lock ? text_id::mod_already_locked : text_id::mod_not_locked, {{"n", n}}));
    }
    post.locked = lock;
    OPENFLOOR_CHECK(w.db.posts().update(post));
    message note;
    note.kind = message_kind::notice;
    note.number = post.number;
    note.text = w.say.say(lock ? text_id::thread_locked : text_id::thread_unlocked);
    // Into the thread: it waits for the post to reach the channel, like an author's answer.
    OPENFLOOR_CHECK(w.enqueue(post.where, job_kind::thread_post, post.id, post.channel_id, note));
    OPENFLOOR_CHECK(w.audit(w.moderator_tag(), lock ? "lock" : "unlock", post));
    OPENFLOOR_CHECK(refresh_home(w, post)); // its author's Home shows the lock
    log::info(lock ? "post.locked" : "post.unlocked",
              {{"platform", post.workspace}, {"post", post.number}});
    return w.answer(w.say.say(lock ? text_id::mod_locked : text_id::mod_unlocked, {{"n", n}}));
}

} // namespace openfloor::bot
