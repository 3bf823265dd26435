// What Mattermost sends us, as typed structs (platforms.md §B1–§B5, §C5–§C7): posts and post
// lists, websocket frames, slash commands, action callbacks, users, channels and error bodies.
// Decoders never throw: bad input is error::malformed_payload.
#pragma once

#include <boost/system/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace openfloor::mattermost {

// §B2 post object (the fields we use).
struct post {
    std::string id;
    std::int64_t create_at = 0; // ms since the epoch
    std::int64_t update_at = 0;
    std::int64_t edit_at = 0;
    std::int64_t delete_at = 0;
    std::string user_id;
    std::string channel_id;
    std::string root_id; // the thread root; empty for a top-level post (old servers: parent_id)
    std::string message;
    std::string type;     // "" for a person's post; "system_*", "custom_*" are not for us
    bool from_bot = false; // props.from_bot == "true" (or true)

    bool operator==(const post&) const = default;
};

boost::system::result<post> decode_post(std::string_view json_text);

// GET /channels/{id}/posts?since=: every post of `posts` listed in `order`, sorted by create_at
// (oldest first), each id once.
boost::system::result<std::vector<post>> decode_post_list(std::string_view json_text);

// ---- websocket frames (§B3, §C5) ----

struct ws_hello {
    std::string connection_id;
    std::string server_version;
    std::int64_t seq = 0;
    bool operator==(const ws_hello&) const = default;
};

// A `posted` event. `data.post` is a JSON string, parsed again into `post`.
struct ws_posted {
    std::string channel_type; // O, P, D, G
    std::string channel_name; // "id1__id2" for DMs
    std::string sender_name;  // "@alice"
    std::string team_id;
    mattermost::post post;
    std::int64_t seq = 0;
    bool operator==(const ws_posted&) const = default;
};

// The answer to one of our requests: {"status":"OK"|"FAIL","seq_reply":N,"data":{…},"error":{…}}.
struct ws_reply {
    std::int64_t seq_reply = 0;
    bool ok = false;
    std::string text;     // data.text ("pong" for a ping)
    std::string error_id; // error.id when FAIL
    bool operator==(const ws_reply&) const = default;
};

// Any other event (typing, status_change, post_edited, …): only its seq matters.
struct ws_other_event {
    std::string event;
    std::int64_t seq = 0;
    bool operator==(const ws_other_event&) const = default;
};

using ws_frame = std::variant<ws_hello, ws_posted, ws_reply, ws_other_event>;

boost::system::result<ws_frame> decode_ws_frame(std::string_view json_text);

// {"seq":N,"action":"authentication_challenge","data":{"token":"…"}} and {"seq":N,"action":"ping"}.
std::string authentication_challenge_frame(std::int64_t seq, std::string_view token);
std::string ping_frame(std::int64_t seq);

// ---- slash command (§B4, §C6) ----

struct slash_command {
    std::string channel_id;
    std::string channel_name;
    std::string command;
    std::string response_url;
    std::string team_domain;
    std::string team_id;
    std::string text;
    std::string token; // the `token` field; the Authorization header is checked separately
    std::string trigger_id;
    std::string user_id;
    std::string user_name;
    bool operator==(const slash_command&) const = default;
};

// An application/x-www-form-urlencoded body (or the query string of a GET command), '+' = space.
// Unknown and repeated keys (user_mentions, …) are ignored; the first value of a key wins.
boost::system::result<slash_command> decode_slash_command(std::string_view form);

// ---- action callback (§B5, §C7) ----

struct action_callback {
    std::string user_id;
    std::string user_name;
    std::string channel_id;
    std::string team_id;
    std::string post_id;
    std::string trigger_id;
    std::string type;
    // integration.context
    std::string action; // "openfloor_confirm", …
    std::string ref;
    std::string sig;
    std::string selected_option; // context.selected_option, for menus
    bool operator==(const action_callback&) const = default;
};

boost::system::result<action_callback> decode_action_callback(std::string_view json_text);

// ---- REST answers ----

struct user {
    std::string id;
    std::string username;
    bool is_bot = false;
    bool operator==(const user&) const = default;
};
boost::system::result<user> decode_user(std::string_view json_text);

struct channel {
    std::string id;
    std::string type;
    std::string name;
    bool operator==(const channel&) const = default;
};
boost::system::result<channel> decode_channel(std::string_view json_text);

// §B1 model.AppError. Anything that is not one (a text/plain "limit exceeded") gives an empty id
// and the first 64 bytes of the body as message.
struct api_error {
    std::string id; // "api.context.session_expired.app_error"
    std::string message;
    int status_code = 0;
};
api_error decode_api_error(std::string_view body);

} // namespace openfloor::mattermost
