// From the core's bot::message to Slack requests: Block Kit blocks, the notification fallback,
// and the JSON bodies of chat.postMessage/chat.update, slash-command answers, incoming webhooks
// and the compose modal. All user text is escaped and its mentions made inert here (§A7).
#pragma once

#include "bot/message.hpp"
#include "bot/texts.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openfloor::slack {

// Slack sends text with & < > as &amp; &lt; &gt;; this undoes those three and nothing else, so
// the core keeps what the person wrote. Mention tokens such as <@U1> stay as they are.
std::string decode_incoming(std::string_view slack_text);

// §A7: & < > become &amp; &lt; &gt; (so <!here>, <@U…>, <!subteam^…> turn into literal text),
// and a U+200B ZERO WIDTH SPACE follows every '@' (so a typed @here notifies nobody). Nothing
// else changes: emoji, right-to-left text and newlines pass through.
std::string escape_user_text(std::string_view text);

// The message's blocks, within Slack's limits: long text is split over several sections of at
// most 3000 bytes, and a message never has more than 50 blocks (a longer text is cut, with "…").
nlohmann::json blocks_for(const bot::message& m);

// The top-level `text`: what notifications and block-less clients show. Escaped like the blocks.
std::string fallback_text(const bot::message& m);

// chat.postMessage. Never sets link_names or parse: either would turn a typed @here into a ping.
nlohmann::json post_message_body(std::string_view channel, const bot::message& m,
                                 std::string_view thread_ts = {});
// chat.update of a message we posted.
nlohmann::json update_message_body(std::string_view channel, std::string_view ts,
                                   const bot::message& m);
// The answer to a slash command or a response_url POST: always "response_type":"ephemeral",
// since in_channel would show the invoker's command to the channel.
nlohmann::json ephemeral_response(const std::vector<bot::message>& messages);
// An incoming webhook's body (channels configured with webhook_url).
nlohmann::json webhook_body(const bot::message& m);

// The compose modal's words, in the configured language. Title, submit and close are cut to
// Slack's 24-character limit.
struct compose_labels {
    std::string title = "openfloor"; // the product's name, the same in every language
    std::string submit;
    std::string close;
    std::string channel;
    std::string category;
    std::string body;
};

// The modal's words from the catalog. Submitting posts at once (the core answers with the
// outcome), so the submit button says what the preview's confirm button says.
compose_labels compose_labels_in(const bot::texts& say);

// The §A4 compose modal (callback_id of_compose): a channel select (key, label), a category
// select (name, label), and a multiline text input of at most `max_chars`.
nlohmann::json compose_modal(const std::vector<std::pair<std::string, std::string>>& channels,
                             const std::vector<std::pair<std::string, std::string>>& categories,
                             int max_chars,
                             const compose_labels& labels = compose_labels_in(bot::texts("en")));

// views.open: show `view` in answer to the interaction that gave `trigger_id` (valid 3 s).
nlohmann::json views_open_body(std::string_view trigger_id, const nlohmann::json& view);

} // namespace openfloor::slack
