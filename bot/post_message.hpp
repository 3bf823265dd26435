// The anonymous post as its channel shows it, built in one place: first delivery, approval and
// restore all render the same message, and hiding replaces it with a notice.
#pragma once

#include "bot/message.hpp"
#include "bot/records.hpp"
#include "bot/texts.hpp"
#include "config/settings.hpp"

namespace openfloor::bot {

// Category, number and text, then the post's buttons, each with the post number as its value:
// Reply anonymously where the channel has anonymous_replies, and Flag. A channel reached only
// through an incoming webhook gets none: the bot could not edit or hide that message.
message channel_post_of(const config::settings& s, const texts& t, const post_record& post);

// What the channel message says while flags hide the post: a notice, no text, no buttons.
message hidden_post_of(const texts& t, const post_record& post);

} // namespace openfloor::bot
