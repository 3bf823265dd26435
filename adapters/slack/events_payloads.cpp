// Events API bodies (platforms.md §A2, §C1, §C2): url_verification and event_callback with its
// inner message event, decoded without throwing.
#include "adapters/slack/json_read.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/protocol.hpp"

namespace openfloor::slack {

using detail::json;
using detail::read;

void from_json(const json& j, url_verification& out) {
    read(j, "challenge", out.challenge);
}

void to_json(json& j, const url_verification& in) {
    j = json{{"type", payload_type::url_verification}, {"challenge", in.challenge}};
}

void from_json(const json& j, message_event& out) {
    read(j, "type", out.type);
    if (out.type != payload_type::message) {
        // Other events reuse these key names with other types (team_join's `user` is an
        // object), so only strings are taken and nothing else is refused.
        detail::read_if_string(j, "user", out.user);
        detail::read_if_string(j, "channel", out.channel);
        detail::read_if_string(j, "tab", out.tab);
        return;
    }
    read(j, "subtype", out.subtype);
    read(j, "channel", out.channel);
    read(j, "channel_type", out.channel_type);
    read(j, "user", out.user);
    read(j, "bot_id", out.bot_id);
    read(j, "text", out.text);
    read(j, "ts", out.ts);
    read(j, "thread_ts", out.thread_ts);
    read(j, "team", out.team);
    read(j, "client_msg_id", out.client_msg_id);
}

void to_json(json& j, const message_event& in) {
    j = json::object();
    detail::put_nonempty(j, "type", in.type);
    detail::put_nonempty(j, "subtype", in.subtype);
    detail::put_nonempty(j, "channel", in.channel);
    detail::put_nonempty(j, "channel_type", in.channel_type);
    detail::put_nonempty(j, "user", in.user);
    detail::put_nonempty(j, "bot_id", in.bot_id);
    detail::put_nonempty(j, "text", in.text);
    detail::put_nonempty(j, "ts", in.ts);
    detail::put_nonempty(j, "event_ts", in.ts);
    detail::put_nonempty(j, "thread_ts", in.thread_ts);
    detail::put_nonempty(j, "team", in.team);
    detail::put_nonempty(j, "client_msg_id", in.client_msg_id);
    detail::put_nonempty(j, "tab", in.tab);
}

void from_json(const json& j, event_callback& out) {
    read(j, "team_id", out.team_id);
    read(j, "event_id", out.event_id);
    read(j, "event_time", out.event_time);
    read(j, "api_app_id", out.api_app_id);
    // An event_callback without its event is no event at all.
    const json& event = detail::member(j, "event");
    detail::require_object(event);
    from_json(event, out.event);
}

void to_json(json& j, const event_callback& in) {
    j = json{{"type", payload_type::event_callback}, {"team_id", in.team_id},
             {"api_app_id", in.api_app_id},          {"event_id", in.event_id},
             {"event_time", in.event_time},          {"event", in.event}};
}

boost::system::result<events_body> decode_events(std::string_view text) {
    return detail::decode<events_body>(text, [](const json& doc) -> events_body {
        std::string type;
        read(doc, "type", type);
        if (type == payload_type::url_verification) {
            return doc.get<url_verification>();
        }
        if (type == payload_type::event_callback) {
            return doc.get<event_callback>();
        }
        return unknown_body{type};
    });
}

} // namespace openfloor::slack
