// Every sentence the bot says, by id, in the configured language. Templates use named
// placeholders ("{n}", "{channel}") filled by say(). Tone: kind, plain, never blaming.
// A new id needs a sentence in every catalog (bot/texts_en.cpp, texts_es.cpp, texts_sv.cpp):
// tests/bot/catalog_test.cpp fails until each has one with the same placeholders.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace openfloor::bot {

enum class text_id {
    help,
    preview,
    preview_review,
    button_post,
    button_cancel,
    button_approve,
    button_reject,
    posted,
    queued_for_review,
    approved_author,
    rejected_author,
    reason_suffix,
    deleted_author,
    deleted_by_author,
    cancelled,
    nothing_to_cancel,
    no_draft_waiting,
    draft_expired,
    draft_not_yours,
    empty_text,
    too_long,
    banned_until,
    banned_forever,
    rate_limited,
    blocked_word,
    unknown_channel,
    no_channel,
    unknown_category,
    unknown_post,
    not_author,
    not_author_no_anonymous_replies,
    not_moderator,
    not_in_channel_yet,
    not_awaiting_review,
    already_removed,
    reply_empty,
    reply_sent,
    thread_signature,
    relay_heading,
    queue_heading,
    queue_approved,
    queue_rejected,
    queue_deleted,
    mod_approved,
    mod_rejected,
    mod_deleted,
    mod_banned_for,
    mod_banned_forever,
    mod_unbanned,
    mod_not_banned,
    bad_duration,
    stats_heading,
    stats_line,
    stats_totals,
    stats_reply_time,
    stats_no_reply_time,
    delivery_failed_moderators,
    delivery_failed_author,
    storage_trouble,
    not_available_yet,
    answer_post_or_cancel,
    answer_approve_or_reject,
    preview_sent_by_dm,
    preview_not_delivered,
    // Words of the platforms' forms: the compose modal's fields and the preview's menus.
    field_channel,
    field_category,
    field_message,
    button_close,
    // Stands in for a replier whose name the platform did not give.
    someone,
    // What only moderators may do, for not_moderator's {command}.
    command_on_posts,
    command_see_stats,
    // The weekly digest in a team channel: heading, a line per category, why it matters; or
    // the quiet-week line alone.
    digest_heading,
    digest_line,
    digest_closing,
    digest_quiet,
    // Anonymous answers from teammates (product.md §3): the name, its signature in the
    // thread, the answer's receipt, and the form the Reply anonymously button opens.
    anonymous_name,
    anonymous_signature,
    reply_sent_anonymous,
    post_locked,
    post_hidden,
    button_reply_anonymously,
    button_send,
    form_answer_title,
    form_answer_intro,
    form_answer_field,
    // A form whose click came too late for the platform to open it (Slack's 3-second trigger).
    form_expired,
    // Flags (product.md §4): the button, its form and reasons, the answers to the flagger,
    // the moderators' notice, and what the channel and the author see while a post is hidden.
    button_flag,
    form_flag_title,
    form_flag_intro,
    form_flag_field,
    form_flag_pick_reason, // a flag form submitted without one of its reasons
    flag_reason_spam,
    flag_reason_hurtful,
    flag_reason_identifies_someone,
    flag_reason_other,
    flag_thanks,
    flag_repeat,
    flag_already_hidden,
    flag_notice,
    flag_notice_no_threshold,
    flag_hid_post,
    hidden_notice,
    hidden_author,
    restored_author,
    mod_restored,
    mod_not_hidden,
    // Locks (product.md §3, §4): the moderator's answers and the note in the thread.
    mod_locked,
    mod_unlocked,
    mod_already_locked,
    mod_not_locked,
    thread_locked,
    thread_unlocked,
    stats_flags,
    // The Slack private inbox (privacy.notices "home", product.md §5): the receipt that points
    // to the App Home, and the words of the Home view (intro, empty state, a post's heading and
    // state, the Reply button).
    posted_home,
    home_intro,
    home_empty,
    home_post_heading,
    home_no_replies,
    home_state_queued,
    home_state_review,
    home_state_posted,
    home_state_locked,
    home_state_hidden,
    home_state_rejected,
    home_state_deleted,
    home_state_failed,
    button_reply,

    count // not a text: the number of ids above. Keep it last.
};

inline constexpr std::size_t text_id_count = static_cast<std::size_t>(text_id::count);

using text_args = std::initializer_list<std::pair<std::string_view, std::string>>;

// The sentences of one locale ("en", "es", "sv"). An unknown locale, or an id its catalog lacks,
// falls back to English: a person always gets an answer (the config refuses other locales, and
// the catalog test refuses gaps).
class texts {
public:
    explicit texts(std::string_view locale);
    std::string say(text_id id, text_args args = {}) const;

private:
    std::array<std::string_view, text_id_count> table_{};
};

} // namespace openfloor::bot
