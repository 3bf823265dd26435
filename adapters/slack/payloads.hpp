// What Slack sends us, as typed structs: Events API bodies, slash commands, interactivity, Socket
// Mode frames and Web API results. Decoders never throw: bad input is error::malformed_payload.
#pragma once

#include <boost/system/result.hpp>
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace openfloor::slack {

// A well-formed payload of a `type` we do not handle; callers ack it and move on.
struct unknown_body {
    std::string type;
    bool operator==(const unknown_body&) const = default;
};

// ---- Events API (§A2); events_payloads.cpp ----

struct url_verification {
    std::string challenge;
    bool operator==(const url_verification&) const = default;
};

// The inner `event`. Every field is read for type "message"; other event types keep `type` and
// the string-valued `user`, `channel` and `tab` (app_home_opened), because their other keys vary.
struct message_event {
    std::string type;
    std::string subtype; // empty for a person's message; see §A2 for the ones to ignore
    std::string channel;
    std::string channel_type; // im, channel, group, mpim
    std::string user;
    std::string bot_id; // any bot_id means a bot wrote it
    std::string text;   // as Slack sends it: &amp; &lt; &gt; escaped (see decode_incoming)
    std::string ts;
    std::string thread_ts;
    std::string team;
    std::string client_msg_id;
    // app_home_opened: "home" or "messages". The initializer lets a braced message_event leave
    // it out without -Wmissing-field-initializers.
    std::string tab = {};

    // A reply: thread_ts names the parent, and differs from this message's own ts.
    bool is_thread_reply() const { return !thread_ts.empty() && thread_ts != ts; }
    bool operator==(const message_event&) const = default;
};

struct event_callback {
    std::string team_id;
    std::string event_id; // de-duplicate deliveries on it
    std::int64_t event_time = 0;
    std::string api_app_id;
    message_event event;
    bool operator==(const event_callback&) const = default;
};

using events_body = std::variant<url_verification, event_callback, unknown_body>;

// An Events API body: the HTTP POST to /slack/events or an events_api envelope's payload.
boost::system::result<events_body> decode_events(std::string_view json);

void from_json(const nlohmann::json& j, url_verification& out);
void to_json(nlohmann::json& j, const url_verification& in);
void from_json(const nlohmann::json& j, message_event& out);
void to_json(nlohmann::json& j, const message_event& in);
void from_json(const nlohmann::json& j, event_callback& out);
void to_json(nlohmann::json& j, const event_callback& in);

// ---- Slash commands (§A3); command_payloads.cpp ----

struct slash_command {
    std::string team_id;
    std::string channel_id;
    std::string channel_name; // "directmessage" in DMs
    std::string user_id;
    std::string command;
    std::string text; // the rest of the line, may be empty
    std::string response_url;
    std::string trigger_id;
    std::string api_app_id;
    bool operator==(const slash_command&) const = default;
};

// HTTP mode: the signed x-www-form-urlencoded body ('+' is a space). `command` and `user_id`
// are required; anything else may be missing.
boost::system::result<slash_command> decode_slash_command_form(std::string_view form_body);
// Socket Mode: the slash_commands envelope's payload, the same fields as a JSON object.
boost::system::result<slash_command> decode_slash_command_json(std::string_view json);
// Slack's unsigned certificate probe (`ssl_check=1`): answer 200 and do nothing else.
bool is_ssl_check(std::string_view form_body);

void from_json(const nlohmann::json& j, slash_command& out);
void to_json(nlohmann::json& j, const slash_command& in);

// ---- Interactivity (§A4); interactive_payloads.cpp ----

// A block_actions payload, flattened to its first action.
struct block_action {
    std::string team_id;
    std::string user_id;
    std::string user_name;
    std::string channel_id;     // message surfaces only
    std::string container_type; // "message", "view", …
    std::string message_ts;
    bool is_ephemeral = false;
    std::string view_id; // modal surfaces only
    std::string response_url;
    std::string trigger_id;
    std::string action_id;
    std::string block_id;
    std::string value; // a button's value, or a static_select's selected_option.value

    bool operator==(const block_action&) const = default;
};

// A view_submission, with the state values of our modals (protocol.hpp ids).
struct view_submission {
    std::string team_id;
    std::string user_id;
    std::string callback_id;
    std::string private_metadata;
    std::string view_id;
    std::string channel_key; // ch_block.ch_select.selected_option.value
    std::string category;    // cat_block.cat_select.selected_option.value
    std::string text;        // body_block.body_input.value, as typed (not &-escaped)
    // The answer and flag modals (callback_id of_answer, of_flag; private_metadata the post):
    std::string answer; // answer_block.answer_input.value, as typed
    std::string reason; // reason_block.reason_select.selected_option.value: a flag_reason id

    bool operator==(const view_submission&) const = default;
};

using interactive_payload = std::variant<block_action, view_submission, unknown_body>;

// HTTP mode: the signed form body whose one field `payload` holds the JSON.
boost::system::result<interactive_payload> decode_interactive_form(std::string_view form_body);
// Socket Mode: the interactive envelope's payload.
boost::system::result<interactive_payload> decode_interactive_json(std::string_view json);

void from_json(const nlohmann::json& j, block_action& out);
void to_json(nlohmann::json& j, const block_action& in);
void from_json(const nlohmann::json& j, view_submission& out);
void to_json(nlohmann::json& j, const view_submission& in);

// ---- Socket Mode (§A5, §C4); socket_payloads.cpp ----

struct socket_hello {
    int num_connections = 0;
    std::chrono::seconds approximate_connection_time{0}; // debug_info: expected lifetime
    bool operator==(const socket_hello&) const = default;
};

struct socket_disconnect {
    std::string reason; // protocol.hpp disconnect_reason
    bool operator==(const socket_disconnect&) const = default;
};

struct socket_envelope {
    std::string envelope_id;
    std::string type; // events_api, slash_commands, interactive
    bool accepts_response_payload = false;
    int retry_attempt = 0;
    std::string retry_reason;
    std::string payload; // the payload object re-serialised, for decode_events & co.; "" if none
    bool operator==(const socket_envelope&) const = default;
};

using socket_frame = std::variant<socket_hello, socket_disconnect, socket_envelope, unknown_body>;

boost::system::result<socket_frame> decode_socket_frame(std::string_view text);

// The text frame that acks an envelope: {"envelope_id":…} plus "payload" when one is given
// (only when the envelope accepts_response_payload).
std::string socket_ack(std::string_view envelope_id, const nlohmann::json* payload = nullptr);

void from_json(const nlohmann::json& j, socket_hello& out);
void to_json(nlohmann::json& j, const socket_hello& in);
void from_json(const nlohmann::json& j, socket_disconnect& out);
void to_json(nlohmann::json& j, const socket_disconnect& in);
void from_json(const nlohmann::json& j, socket_envelope& out);
void to_json(nlohmann::json& j, const socket_envelope& in);

// ---- Web API results (§A6); api_payloads.cpp ----

// The fields openfloor reads from any method's answer; absent ones stay empty.
struct api_result {
    bool ok = false;
    std::string error;         // "ratelimited", "channel_not_found", …
    std::string warning;       // log only
    std::string ts;            // chat.postMessage/update; chat.postEphemeral's message_ts
    std::string channel;       // chat.* (a string there)
    std::string user_id;       // auth.test
    std::string bot_id;        // auth.test
    std::string team_id;       // auth.test
    std::string url;           // auth.test, apps.connections.open (the websocket URL)
    std::string dm_channel_id; // conversations.open: channel.id
    std::string view_id;       // views.open/publish: view.id
    bool operator==(const api_result&) const = default;
};

boost::system::result<api_result> decode_api_result(std::string_view json);

void from_json(const nlohmann::json& j, api_result& out);
void to_json(nlohmann::json& j, const api_result& in);

} // namespace openfloor::slack
