// From the core's bot::message to Mattermost requests (platforms.md §B2, §B4, §B5, §B6): the
// markdown `message`, props.attachments with interactive buttons, slash-command and action
// answers, and incoming-webhook bodies. All user text is escaped and its mentions made inert here.
#pragma once

#include "adapters/mattermost/action_signer.hpp"
#include "bot/message.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace openfloor::mattermost {

// §B6: a U+200B ZERO WIDTH SPACE after every '@', so @channel, @all, @here and @user read as
// text but notify nobody. Nothing else changes.
std::string neutralise_mentions(std::string_view text);

// User text for a markdown field: markdown that would format, link or quote is backslash-escaped
// (\ ` * _ ~ [ ] # | < > everywhere; list, quote and heading markers at the start of a line;
// a line of only - or = that would turn the line above into a heading), then mentions are
// neutralised. Letters, emoji, right-to-left text and newlines pass through unchanged.
std::string escape_markdown(std::string_view text);

// How buttons are drawn. Without `action_url` (server.public_url unset) a message shows no
// buttons: a preview ends with `answer_post_hint`, a queue item with `answer_review_hint`
// (its "{n}" replaced by the message's post number).
struct render_context {
    const action_signer* signer = nullptr; // required when action_url is set
    std::string action_url;                // "{public_url}/mattermost/actions", or empty
    std::string dialog_url;                // "{public_url}/mattermost/dialogs", or empty
    std::string answer_post_hint;          // "Answer `post` to publish it, or `cancel`."
    std::string answer_review_hint;        // "Answer `approve {n}` or `reject {n}` …": {n} = m.number
};

// The markdown `message` of a post: the bot's words (mentions neutralised), then the escaped
// body — quoted ("> ") in previews, under a "**label** · #N" line in channel posts, above its
// signature in thread answers — cut to limit::message_runes with "…".
std::string message_text(const bot::message& m, const render_context& ctx);

// props.attachments with one attachment holding the message's buttons (ids from button_id(),
// integration {url: ctx.action_url, context: {action, ref, sig}}), or an empty object when the
// message has no buttons or ctx.action_url is empty. `channel_id` is where the post will live
// (bound into each button's signature).
nlohmann::json props_for(const bot::message& m, std::string_view channel_id,
                         const render_context& ctx);

// POST /posts: {"channel_id","message","props"} and "root_id" when `root_id` is not empty.
nlohmann::json post_body(std::string_view channel_id, const bot::message& m,
                         const render_context& ctx, std::string_view root_id = {});
// PUT /posts/{id}/patch: {"message","props"}; props is {} when there are no buttons, which
// removes buttons the post had.
nlohmann::json patch_body(std::string_view channel_id, const bot::message& m,
                          const render_context& ctx);

// The answer to a slash command: {"response_type":"ephemeral","text":…,"skip_slack_parsing":true}
// with the messages' texts joined by a blank line; buttons are not drawn (an ephemeral answer
// is not stored, so a click could not find it).
nlohmann::json command_response(const std::vector<bot::message>& messages,
                                const render_context& ctx);
nlohmann::json command_response_text(std::string_view bot_text); // one line of our own

// The answer to a button click (§B5, §C7). `replace`: {"update":{"message":…,"props":{}},…}
// — the clicked post shows the outcome and loses its buttons; otherwise the messages go to the
// clicker alone as "ephemeral_text". Always carries "skip_slack_parsing":true; `{}`-free even
// with no messages (an empty body would show an error to the user).
nlohmann::json action_response(const std::vector<bot::message>& messages,
                               const render_context& ctx, bool replace);

// POST /posts/ephemeral (§B2): {"user_id":recipient,"post":{"channel_id","message"}} with the
// messages' texts joined as in command_response (no buttons: an ephemeral post is not stored).
nlohmann::json ephemeral_body(std::string_view user_id, std::string_view channel_id,
                              const std::vector<bot::message>& messages,
                              const render_context& ctx);

// An incoming webhook's body (channels with webhook_url): {"text": message_text(m)}.
nlohmann::json webhook_body(const bot::message& m, const render_context& ctx);

} // namespace openfloor::mattermost
