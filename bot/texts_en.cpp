// The English catalog: the reference. Every other language has the same ids with the same
// placeholders; platforms.md quotes some of these sentences byte for byte.
#include "bot/texts_catalog.hpp"

#include <array>

namespace openfloor::bot {
namespace {

using entry = catalog_entry;

constexpr std::array english{
    entry{text_id::help,
          "Write to me and I will post it for you, anonymously.\n"
          "• `#eng mistake: the totals on page 3 are off` picks a channel and a category\n"
          "• `reply 12 your answer` answers in the thread of #12: as its author, or anonymously where "
          "the channel lets everyone answer anonymously\n"
          "• `delete 12` removes your post #12\n"
          "• `cancel` drops a preview you have not posted\n"
          "Channels: {channels}. Categories: {categories}.\n"
          "Nobody, not even the moderators, can see who wrote a post."},
    entry{text_id::preview,
          "Here is how your post will look in #{channel} ({category}). Nobody will see your "
          "name."},
    entry{text_id::preview_review,
          "Here is how your post will look in #{channel} ({category}). A moderator will read it "
          "before it appears. Nobody will see your name."},
    entry{text_id::button_post, "Post anonymously"},
    entry{text_id::button_cancel, "Cancel"},
    entry{text_id::button_approve, "Approve"},
    entry{text_id::button_reject, "Reject"},
    entry{text_id::posted,
          "Thank you for speaking up. Your post is #{n} in #{channel}. Replies in its thread will "
          "reach you here."},
    entry{text_id::queued_for_review,
          "Thank you for speaking up. Your post #{n} is with the moderators; I will tell you "
          "when they have looked at it."},
    entry{text_id::approved_author, "Your post #{n} was approved and is now in #{channel}."},
    entry{text_id::rejected_author, "Your post #{n} was not approved by the moderators."},
    entry{text_id::reason_suffix, " Their reason: {reason}"},
    entry{text_id::deleted_author, "Your post #{n} was removed from #{channel} by a moderator."},
    entry{text_id::deleted_by_author, "Your post #{n} is removed."},
    entry{text_id::cancelled, "Cancelled. Nothing was posted."},
    entry{text_id::nothing_to_cancel, "There is nothing waiting to be cancelled."},
    entry{text_id::no_draft_waiting,
          "There is no preview waiting. Write your message and I will show you one."},
    entry{text_id::draft_expired,
          "That preview has expired, so nothing was posted. Send your message again and I will "
          "make a new one."},
    entry{text_id::draft_not_yours, "That preview belongs to someone else."},
    entry{text_id::empty_text,
          "There is no text to post yet. Write it after the channel and category, for example "
          "`#{channel} question: …`"},
    entry{text_id::too_long,
          "Your message is {count} characters long and the limit is {max}. Could you shorten "
          "it? Nothing was posted."},
    entry{text_id::banned_until, "Posting is paused for you until {until}. Nothing was posted."},
    entry{text_id::banned_forever, "Posting is paused for you. Nothing was posted."},
    entry{text_id::rate_limited,
          "You have posted {limit} times in the last hour, which is the limit here. Please try "
          "again a little later; nothing was posted."},
    entry{text_id::blocked_word,
          "Your message contains \"{word}\", which this workspace does not allow. Nothing was "
          "posted; you are welcome to rephrase it and send it again."},
    entry{text_id::unknown_channel, "I do not know #{key}. You can post to: {channels}."},
    entry{text_id::no_channel, "No channel is set up for anonymous posts here yet."},
    entry{text_id::unknown_category,
          "#{channel} takes these categories: {categories}. Nothing was posted."},
    entry{text_id::unknown_post, "There is no post #{n}."},
    entry{text_id::not_author, "Only the author of #{n} can do that."},
    entry{text_id::not_author_no_anonymous_replies,
          "Only the author of #{n} can answer it anonymously; anonymous answers are not turned on "
          "in #{channel}. You can reply in its thread under your own name."},
    entry{text_id::not_moderator, "Only moderators can {command}."},
    entry{text_id::not_in_channel_yet, "#{n} is not in the channel yet."},
    entry{text_id::not_awaiting_review, "#{n} is not waiting for review."},
    entry{text_id::already_removed, "#{n} is already removed."},
    entry{text_id::reply_empty, "What would you like to answer? Write `reply {n} your answer`."},
    entry{text_id::reply_sent, "Your answer is in the thread of #{n}."},
    entry{text_id::thread_signature, "— author of #{n}"},
    entry{text_id::relay_heading, "#{n} — {name} replied:"},
    entry{text_id::queue_heading, "#{n} for #{channel} ({category}) is waiting for review."},
    entry{text_id::queue_approved, "#{n} was approved."},
    entry{text_id::queue_rejected, "#{n} was rejected."},
    entry{text_id::queue_deleted, "#{n} was removed."},
    entry{text_id::mod_approved, "#{n} is approved and on its way to #{channel}."},
    entry{text_id::mod_rejected, "#{n} is rejected; its author has been told."},
    entry{text_id::mod_deleted, "#{n} is removed; its author has been told."},
    entry{text_id::mod_banned_for, "The author of #{n} cannot post for {duration}."},
    entry{text_id::mod_banned_forever, "The author of #{n} cannot post until unbanned."},
    entry{text_id::mod_unbanned, "The author of #{n} can post again."},
    entry{text_id::mod_not_banned, "The author of #{n} was not banned."},
    entry{text_id::bad_duration,
          "I did not understand the duration \"{duration}\". Use for example 12h, 7d or 2w, or "
          "nothing for a ban until unbanned."},
    entry{text_id::stats_heading, "The last {days} days:"},
    entry{text_id::stats_line, "• #{channel} · {category}: {count}"},
    entry{text_id::stats_totals,
          "{posts} posts, {approved} approved, {rejected} rejected, {deleted} removed, "
          "{failed} undelivered."},
    entry{text_id::stats_reply_time, "Median time to the first reply: {minutes} minutes."},
    entry{text_id::stats_no_reply_time, "No post has had a reply yet."},
    entry{text_id::delivery_failed_moderators,
          "#{n} could not be delivered to #{channel} after {attempts} attempts ({reason})."},
    entry{text_id::delivery_failed_author,
          "Sorry, your post #{n} could not be delivered to #{channel}. Nobody saw it; the "
          "moderators have been told that something is wrong."},
    entry{text_id::storage_trouble,
          "Sorry, something went wrong on my side and nothing was saved. Please try again in a "
          "moment."},
    entry{text_id::not_available_yet, "That is not available here yet."},
    // Platforms whose previews cannot carry buttons (Mattermost without server.public_url).
    entry{text_id::answer_post_or_cancel, "Answer `post` to publish it, or `cancel` to drop it."},
    entry{text_id::answer_approve_or_reject,
          "Answer `approve {n}` to publish it, or `reject {n}` with a reason."},
    entry{text_id::preview_sent_by_dm, "Preview sent to you by DM."},
    entry{text_id::preview_not_delivered,
          "I could not reach you by DM just now, so here is your preview. Answer `post` in a DM "
          "to me to publish it, or `cancel`."},
    entry{text_id::field_channel, "Channel"},
    entry{text_id::field_category, "Category"},
    entry{text_id::field_message, "Message"},
    entry{text_id::button_close, "Close"},
    entry{text_id::someone, "someone"},
    // "Only moderators can approve posts." / "… can see stats."
    entry{text_id::command_on_posts, "{op} posts"},
    entry{text_id::command_see_stats, "see stats"},
    entry{text_id::digest_heading, "Thank you to everyone who spoke up here this week:"},
    entry{text_id::digest_line, "• {category}: {count}, {replied} with a reply"},
    entry{text_id::digest_closing,
          "Bringing a mistake or a question into the open is what healthy teams do: the teams "
          "that learn fastest are not the ones with fewer problems, but the ones that talk about "
          "them. Keep speaking up."},
    entry{text_id::digest_quiet,
          "Nothing was raised here this week, and that is fine. Whenever something looks off or "
          "you are unsure, saying so helps the whole team, and you can always write to me "
          "anonymously."},
    entry{text_id::anonymous_name, "Anonymous {word}"},
    entry{text_id::anonymous_signature, "— {name}"},
    entry{text_id::reply_sent_anonymous,
          "Your answer is on its way to the thread of #{n}, signed {name}. Nobody can see that it "
          "was you."},
    entry{text_id::post_locked, "#{n} is locked by the moderators, so answers are closed for now."},
    entry{text_id::post_hidden,
          "#{n} is hidden while the moderators take a look, so it takes no answers for now."},
    entry{text_id::button_reply_anonymously, "Reply anonymously"},
    entry{text_id::button_send, "Send"},
    entry{text_id::form_answer_title, "Answer #{n}"},
    entry{text_id::form_answer_intro,
          "Your answer will appear in the thread of #{n}, signed \"{signature}\". Nobody, not even "
          "the moderators, can see that it was you."},
    entry{text_id::form_answer_field, "Your answer"},
    entry{text_id::form_expired,
          "Sorry, that form took too long to open. Please click the button again; nothing was "
          "sent."},
    entry{text_id::button_flag, "Flag"},
    entry{text_id::form_flag_title, "Flag #{n}"},
    entry{text_id::form_flag_intro,
          "What is wrong with #{n}? The moderators will see your name with the flag; its author "
          "will not."},
    entry{text_id::form_flag_field, "Reason"},
    entry{text_id::form_flag_pick_reason, "Please pick one of the reasons."},
    entry{text_id::flag_reason_spam, "Spam"},
    entry{text_id::flag_reason_hurtful, "Hurtful"},
    entry{text_id::flag_reason_identifies_someone, "Identifies someone"},
    entry{text_id::flag_reason_other, "Something else"},
    entry{text_id::flag_thanks, "Thank you for flagging #{n}. The moderators will take a look."},
    entry{text_id::flag_repeat,
          "You already flagged #{n}; thank you. Your flag counts once, and the moderators have "
          "it."},
    entry{text_id::flag_already_hidden,
          "#{n} is already hidden while the moderators take a look. Thank you."},
    entry{text_id::flag_notice, "#{n} flagged ({count} of {threshold}): {reason} — by {flagger}"},
    entry{text_id::flag_notice_no_threshold, "#{n} flagged ({count}): {reason} — by {flagger}"},
    entry{text_id::flag_hid_post,
          "#{n} is now hidden. `restore {n}` shows it again, `delete {n}` removes it."},
    entry{text_id::hidden_notice, "#{n} is hidden while the moderators take a look at it."},
    entry{text_id::hidden_author,
          "A few teammates asked the moderators to look at your post #{n}, so it is hidden for "
          "now. That is not a verdict; I will let you know what they decide."},
    entry{text_id::restored_author, "Your post #{n} is visible again in #{channel}."},
    entry{text_id::mod_restored, "#{n} is visible again and its flags are cleared."},
    entry{text_id::mod_not_hidden, "#{n} is not hidden."},
    entry{text_id::mod_locked,
          "#{n} is locked: no more anonymous answers, and replies in its thread are not relayed."},
    entry{text_id::mod_unlocked, "#{n} is open again."},
    entry{text_id::mod_already_locked, "#{n} is already locked."},
    entry{text_id::mod_not_locked, "#{n} is not locked."},
    entry{text_id::thread_locked,
          "The moderators have locked this thread, so answers through me are closed for now."},
    entry{text_id::thread_unlocked,
          "The moderators have opened this thread again; answers through me are welcome."},
    entry{text_id::stats_flags,
          "{flags} flags, {hidden} hidden by flags, {restored} restored, {locked} locked."},
    entry{text_id::posted_home,
          "Thank you for speaking up. Your post is #{n} in #{channel}. Replies in its thread will "
          "appear on my Home tab, where only you can see them."},
    entry{text_id::home_intro,
          "Your anonymous posts, what happened to them and the replies they got. Only you can see "
          "this page."},
    entry{text_id::home_empty,
          "Nothing here yet. Write me a message (or type /openfloor) and I will post it for you "
          "anonymously; what happens to it, and the replies it gets, will show up here, for your "
          "eyes only."},
    entry{text_id::home_post_heading, "#{n} in #{channel} · {category} · {state}"},
    entry{text_id::home_no_replies, "No replies yet."},
    entry{text_id::home_state_queued, "on its way"},
    entry{text_id::home_state_review, "with the moderators"},
    entry{text_id::home_state_posted, "posted"},
    entry{text_id::home_state_locked, "posted, thread locked"},
    entry{text_id::home_state_hidden, "hidden for review"},
    entry{text_id::home_state_rejected, "not approved"},
    entry{text_id::home_state_deleted, "removed"},
    entry{text_id::home_state_failed, "could not be posted"},
    entry{text_id::button_reply, "Reply"},
};

} // namespace

catalog english_catalog() {
    return english;
}

} // namespace openfloor::bot
