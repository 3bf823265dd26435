// The rows the core keeps, as the store ports hand them over. Nothing here holds a platform user
// id, a user name or a DM channel id in the clear: authors are pseudonyms or sealed, routes sealed.
#pragma once

#include "bot/ids.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace openfloor::bot {

// A message someone wrote and has not confirmed yet.
struct draft_record {
    std::string id; // random, 128-bit hex; the preview buttons' value
    platform where = platform::slack;
    std::string workspace;
    bot::pseudonym author;
    bytes sealed_route; // how to reach the author privately
    std::string channel_key;
    std::string category;
    bytes sealed_text;
    bool needs_review = false; // a blocked word under blocked_words_action "queue"
    time_point created_at;
    time_point expires_at;
};

enum class post_state { queued, posted, rejected, deleted, failed };
std::string_view to_string(post_state s);
bool parse_post_state(std::string_view s, post_state& out);

// A confirmed post. `number` counts per workspace (= per configured platform).
struct post_record {
    std::int64_t id = 0; // row id, set by the store
    platform where = platform::slack;
    std::string workspace;
    post_number number = 0;
    std::string channel_key;
    std::string channel_id;
    std::string category;
    std::optional<std::string> text; // gone after storage.retention_days
    post_state state = post_state::queued;
    bool awaiting_review = false; // queued for a moderator, not only for the outbox
    bytes author_seal;            // the author's pseudonym, sealed: posts can't be linked
    std::optional<std::string> message_ref; // the channel message (Slack ts, Mattermost post id)
    std::optional<std::string> queue_ref;   // the moderators-channel queue item
    time_point created_at;
    std::optional<time_point> posted_at;
    std::optional<time_point> first_reply_at;
    bool hidden = false; // flagged by enough people: its channel message shows a notice instead
    bool locked = false; // a moderator closed its thread: no anonymous answers, no relays
};

struct ban_record {
    bot::pseudonym author;
    std::optional<time_point> until; // none: permanent
    time_point created_at;
};

struct audit_record {
    std::int64_t id = 0;
    time_point at;
    std::string actor; // the moderator's pseudonym prefix, or "author" / "system"
    std::string action; // approve, reject, delete, ban, unban, author_delete, failed, …
    platform where = platform::slack;
    post_number number = 0;
    std::string detail; // a reason or a duration, as the moderator typed it
};

// What the outbox asks a platform to do, once it is due.
enum class job_kind {
    channel_post,      // post_id's post into its channel
    queue_item,        // post_id's post into the moderators channel
    thread_post,       // a message into post_id's thread
    direct_message,    // a message to a sealed route
    update_post,       // replace post_id's channel message
    update_queue_item, // replace post_id's queue item (decision taken)
    delete_post,       // remove post_id's channel message
    moderators_notice, // a message into the moderators channel
    channel_notice,    // the bot's own message into a team channel (the weekly digest)
    // The Slack private inbox (privacy.notices "home", product.md §5):
    ephemeral, // a message only its one reader sees, in their DM with the bot (never stored by
               // Slack); sealed_route holds that DM channel and the reader's user id
    home_view, // republish an author's App Home; sealed_route is their user id, the payload the
               // key of their home document (the view is built from it when it is sent)
};
std::string_view to_string(job_kind k);
bool parse_job_kind(std::string_view s, job_kind& out);

struct outbox_record {
    std::int64_t id = 0; // set by the store
    platform where = platform::slack;
    job_kind kind = job_kind::direct_message;
    std::optional<std::int64_t> post_id;
    std::string channel_id; // the team or moderators channel; empty for private jobs
    bytes sealed_route;     // private jobs only: direct_message, ephemeral, home_view
    bytes sealed_payload;   // the encoded bot::message
    int attempts = 0;
    time_point next_attempt_at;
    time_point created_at;
};

// One post's numbers, for stats.
struct post_summary {
    std::string channel_key;
    std::string category;
    post_state state = post_state::queued;
    time_point created_at;
    std::optional<time_point> posted_at;
    std::optional<time_point> first_reply_at;
};

// One category's week in one channel, for the weekly digest: counts, nothing else.
struct category_tally {
    std::string category;
    int posts = 0;   // posts that appeared in the channel that week and are still up
    int replied = 0; // of those, the ones that got a reply in their thread
};

} // namespace openfloor::bot
