// Slack's wire constants (platforms.md PART A): header names, Web API methods, payload types, the
// block and action ids our views use, and the Block Kit limits we must stay under.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace openfloor::slack {

// §A1, §A2: request headers Slack sends, and the one we answer with.
namespace header {
inline constexpr std::string_view request_timestamp = "X-Slack-Request-Timestamp";
inline constexpr std::string_view signature = "X-Slack-Signature";
inline constexpr std::string_view retry_num = "X-Slack-Retry-Num";
inline constexpr std::string_view retry_reason = "X-Slack-Retry-Reason";
inline constexpr std::string_view no_retry = "X-Slack-No-Retry";
} // namespace header

// §A1: only version v0 exists; a signature is "v0=" and 64 lowercase hex digits.
inline constexpr std::string_view signature_version = "v0";
inline constexpr std::string_view signature_prefix = "v0=";
inline constexpr std::chrono::seconds max_signature_age{300};

// §A6: Web API methods, appended to `slack.api_base_url`.
namespace method {
inline constexpr std::string_view auth_test = "auth.test";
inline constexpr std::string_view chat_post_message = "chat.postMessage";
inline constexpr std::string_view chat_update = "chat.update";
inline constexpr std::string_view chat_delete = "chat.delete";
inline constexpr std::string_view chat_post_ephemeral = "chat.postEphemeral";
inline constexpr std::string_view conversations_open = "conversations.open";
inline constexpr std::string_view views_open = "views.open";
inline constexpr std::string_view views_publish = "views.publish";
inline constexpr std::string_view apps_connections_open = "apps.connections.open";
} // namespace method

// The `type` values that pick a payload's shape (§A2, §A4, §A5).
namespace payload_type {
inline constexpr std::string_view url_verification = "url_verification";
inline constexpr std::string_view event_callback = "event_callback";
inline constexpr std::string_view block_actions = "block_actions";
inline constexpr std::string_view view_submission = "view_submission";
inline constexpr std::string_view hello = "hello";
inline constexpr std::string_view disconnect = "disconnect";
inline constexpr std::string_view events_api = "events_api";
inline constexpr std::string_view slash_commands = "slash_commands";
inline constexpr std::string_view interactive = "interactive";
inline constexpr std::string_view message = "message";
inline constexpr std::string_view app_home_opened = "app_home_opened"; // an event's type
} // namespace payload_type

// app_home_opened's `tab`: the Home tab (the Messages tab is the DM).
inline constexpr std::string_view home_tab = "home";

// §A5: why Socket Mode closes a connection.
namespace disconnect_reason {
inline constexpr std::string_view warning = "warning";
inline constexpr std::string_view refresh_requested = "refresh_requested";
inline constexpr std::string_view link_disabled = "link_disabled";
inline constexpr std::string_view too_many_websockets = "too_many_websockets";
} // namespace disconnect_reason

// Block ids of the messages we render. Ids must be unique within a message, so body sections
// after the first get a numeric suffix ("of_body_2").
namespace block_id {
inline constexpr std::string_view heading = "of_heading";
inline constexpr std::string_view body = "of_body";
inline constexpr std::string_view signature = "of_signature";
inline constexpr std::string_view preview_actions = "of_preview_actions";
inline constexpr std::string_view queue_actions = "of_queue_actions";
inline constexpr std::string_view post_actions = "of_post_actions";
inline constexpr std::string_view actions = "of_actions";
// The compose modal's input blocks (§A4), read back from view_submission state.values.
inline constexpr std::string_view compose_channel = "ch_block";
inline constexpr std::string_view compose_category = "cat_block";
inline constexpr std::string_view compose_body = "body_block";
// The answer and flag modals (a post's Reply anonymously and Flag buttons).
inline constexpr std::string_view form_intro = "of_form_intro";
inline constexpr std::string_view answer_body = "answer_block";
inline constexpr std::string_view flag_reason = "reason_block";
} // namespace block_id

// Action ids of the compose modal's inputs. Button action ids are bot::action_id()'s.
namespace input_id {
inline constexpr std::string_view compose_channel = "ch_select";
inline constexpr std::string_view compose_category = "cat_select";
inline constexpr std::string_view compose_body = "body_input";
inline constexpr std::string_view answer_body = "answer_input";
inline constexpr std::string_view flag_reason = "reason_select";
} // namespace input_id

inline constexpr std::string_view compose_callback_id = "of_compose";
// The answer and flag modals; their private_metadata is the post's number, as the button's value.
inline constexpr std::string_view answer_callback_id = "of_answer";
inline constexpr std::string_view flag_callback_id = "of_flag";
// Slack's error when a trigger_id is past its 3 seconds (§A6 views.open).
inline constexpr std::string_view expired_trigger_error = "expired_trigger_id";

// §A4 limits. Slack counts characters; we count UTF-8 bytes, which is never fewer, so staying
// under a limit in bytes stays under it in characters.
// The preview's menus (channel, category): not core actions, so not among bot::action's ids.
namespace pick {
inline constexpr std::string_view channel_action = "openfloor_channel";
inline constexpr std::string_view category_action = "openfloor_category";
inline constexpr std::string_view block_prefix = "of_pick:"; // + the draft id
} // namespace pick

namespace limit {
inline constexpr std::size_t blocks_per_message = 50;
inline constexpr std::size_t blocks_per_modal = 100;
inline constexpr std::size_t section_text = 3000;
inline constexpr std::size_t context_text = 3000;
inline constexpr std::size_t context_elements = 10;
inline constexpr std::size_t button_text = 75;
inline constexpr std::size_t action_id = 255;
inline constexpr std::size_t block_id = 255;
inline constexpr std::size_t button_value = 2000;
inline constexpr std::size_t actions_elements = 25;
inline constexpr std::size_t select_options = 100;
inline constexpr std::size_t option_text = 75;
inline constexpr std::size_t option_value = 150;
inline constexpr std::size_t modal_title = 24;
inline constexpr std::size_t modal_button = 24; // submit and close
inline constexpr std::size_t input_label = 2000;
inline constexpr std::size_t callback_id = 255;
inline constexpr std::size_t private_metadata = 3000;
inline constexpr std::size_t plain_text_input = 3000; // plain_text_input max_length ceiling
inline constexpr std::size_t message_text = 40000;    // chat.postMessage truncates beyond this
// Ours: the top-level text is only the notification line once blocks carry the message.
inline constexpr std::size_t fallback_text = 3000;
} // namespace limit

} // namespace openfloor::slack
