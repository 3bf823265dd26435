// Mattermost's wire constants (platforms.md PART B): REST paths under {url}/api/v4, our HTTP
// routes, websocket actions and events, the button ids of interface.md, and size limits.
#pragma once

#include "bot/message.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace openfloor::mattermost {

// §B2: REST paths, appended to "{mattermost.url}/api/v4".
namespace rest {
inline constexpr std::string_view api_prefix = "/api/v4";
inline constexpr std::string_view users_me = "/users/me";
inline constexpr std::string_view posts = "/posts";            // POST; /posts/{id}, /posts/{id}/patch
inline constexpr std::string_view channels = "/channels";      // /channels/{id}/posts?since=
inline constexpr std::string_view channels_direct = "/channels/direct";
inline constexpr std::string_view posts_ephemeral = "/posts/ephemeral"; // §B2
// model.OpenDialogRequest {"trigger_id","url","dialog"}; 200 {"status":"OK"}, 400 for a trigger
// that is expired (older than OutgoingIntegrationRequestsTimeout, 30 s) or not the server's.
inline constexpr std::string_view dialogs_open = "/actions/dialogs/open";
inline constexpr std::string_view websocket = "/api/v4/websocket";
} // namespace rest

// interface.md: what Mattermost POSTs to us. `command_alias` is the singular spelling of
// platforms.md §B7's mmctl example, served too so either setup works.
namespace route {
inline constexpr std::string_view commands = "/mattermost/commands";
inline constexpr std::string_view command_alias = "/mattermost/command";
inline constexpr std::string_view actions = "/mattermost/actions";
// Interactive dialog submissions (deploy/mattermost.md; not in interface.md): the dialog's `url`.
inline constexpr std::string_view dialogs = "/mattermost/dialogs";
} // namespace route

// §B3: websocket actions we send and events we read.
namespace ws {
inline constexpr std::string_view authentication_challenge = "authentication_challenge";
inline constexpr std::string_view ping = "ping";
inline constexpr std::string_view hello = "hello";
inline constexpr std::string_view posted = "posted";
} // namespace ws

// §B2 channel types.
namespace channel_type {
inline constexpr std::string_view direct = "D";
inline constexpr std::string_view open = "O";
inline constexpr std::string_view private_group = "P";
} // namespace channel_type

// interface.md "Button action ids": Mattermost routes only [A-Za-z0-9]+ ids, so the button id
// is the action id without its underscore ("openfloorconfirm"); the context keeps the full name.
std::string button_id(bot::action a);

// The keys of a button's integration.context (§B5).
namespace context_key {
inline constexpr std::string_view action = "action"; // "openfloor_confirm", …
inline constexpr std::string_view ref = "ref";       // the draft id or post reference
inline constexpr std::string_view sig = "sig";       // action_signer::sign(action, ref, channel)
} // namespace context_key

// Interactive dialogs (server/public/model/integration_action.go): the names of our elements in
// the submission map, the type the server gives a submission, and the model's length limits,
// which count bytes (Go's len).
namespace dialog {
inline constexpr std::string_view answer_element = "answer"; // textarea of an answer form
inline constexpr std::string_view reason_element = "reason"; // select of a flag form
inline constexpr std::string_view submission_type = "dialog_submission";
inline constexpr std::size_t title_bytes = 24;        // DialogTitleMaxLength
inline constexpr std::size_t display_name_bytes = 24; // DialogElementDisplayNameMaxLength
} // namespace dialog

namespace limit {
inline constexpr std::size_t message_runes = 16'383; // §B2 `message`
inline constexpr std::size_t props_runes = 8'000;    // §B2 all props together
inline constexpr std::size_t max_json_depth = 64;
} // namespace limit

// §B3 keepalive: the server pings every 60 s; we also ping at the application level.
inline constexpr std::chrono::seconds app_ping_interval{30};
// Catch-up after a fresh connection asks for posts a little older than the last one seen, so a
// clock step or ordering jitter cannot hide one; repeats are dropped by post id.
inline constexpr std::chrono::milliseconds catch_up_margin{5'000};

} // namespace openfloor::mattermost
