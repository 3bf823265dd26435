// The Slack private inbox (privacy.notices "home"): an author's App Home as a Block Kit "home"
// view for views.publish, and the chat.postEphemeral body of an answer in their DM. All user text
// is escaped and its mentions made inert (§A7), as in render.hpp.
#pragma once

#include "bot/home.hpp"
#include "bot/message.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace openfloor::slack {

// {"type":"home","blocks":[…]}: the intro, then per post its heading and text, the replies and
// notices relayed to it, and a Reply button (openfloor_reply, value the post number). Stays
// within Slack's 100 blocks and 3000-byte sections.
nlohmann::json home_tab_view(const bot::home_view& v);

// views.publish: the Home tab of `user_id`.
nlohmann::json views_publish_body(std::string_view user_id, const bot::home_view& v);

// chat.postEphemeral: `m` shown to `user` alone in `channel` (their DM with the bot).
nlohmann::json post_ephemeral_body(std::string_view channel, std::string_view user,
                                   const bot::message& m);

} // namespace openfloor::slack
