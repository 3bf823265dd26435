// What the core asks a platform to show: a semantic message. The platform's renderer turns it
// into Block Kit or Mattermost markdown, escaping `body` and neutralising its mentions.
#pragma once

#include "bot/ids.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace openfloor::bot {

enum class action { confirm, cancel, approve, reject, reply, flag };

// "openfloor_confirm", …: the action ids of interface.md.
std::string_view action_id(action a);
bool parse_action_id(std::string_view id, action& out);

struct button {
    bot::action action = action::confirm;
    std::string label;
    std::string value; // opaque: a draft id or a post reference

    bool operator==(const button&) const = default; // what message's defaulted == needs
};

// What an author may still change in a preview: its channel or its category (Slack shows a
// menu; a platform without menus can ignore it, the DM grammar does the same job).
enum class choice_kind { channel, category };

struct choice {
    choice_kind kind = choice_kind::channel;
    std::string draft; // the draft it changes
    std::vector<std::pair<std::string, std::string>> options; // value, label
    std::string selected;
    // What the menu is called ("Channel"), in the configured language. The initializer lets a
    // braced choice leave it out without -Wmissing-field-initializers.
    std::string label = {};

    bool operator==(const choice&) const = default;
};

enum class message_kind {
    notice,           // the bot speaking to one person: `text` only
    preview,          // `text`, then `body` as it will appear, then confirm/cancel buttons
    channel_post,     // the anonymous post: `category_label`, #`number`, `body`
    thread_answer,    // the author's answer in #number's thread: `body`, then `text` as signature
    queue_item,       // moderators: `text` heading, `body`, approve/reject buttons
    relay,            // to the author: `text` heading ("#N — Bob replied:"), then `body`
    moderator_notice, // to the moderators channel: `text` only
};

struct message {
    message_kind kind = message_kind::notice;
    std::string text;           // the bot's own words, already in the configured language
    std::string body;           // words a person wrote, kept exactly as written
    post_number number = 0;     // the post this is about, 0 for none
    std::string category_label; // channel_post: the category's label
    std::vector<button> buttons;
    std::vector<choice> choices; // previews only

    bool operator==(const message&) const = default;
};

// Outbox payloads are stored sealed; these give the bytes to seal and read them back.
std::string encode(const message& m);
bool decode(std::string_view encoded, message& out);

} // namespace openfloor::bot
