// The bot's websocket frames (platforms.md §B3, §C5): events in (hello, posted with its post
// encoded a second time as a string, anything else by its seq), replies to our requests, and the
// two requests we send.
#include "adapters/mattermost/json_read.hpp"

#include <optional>

namespace openfloor::mattermost {
namespace {

using detail::json;
using detail::member;
using detail::read;
using detail::read_if_string;

ws_hello read_hello(const json& doc, std::int64_t seq) {
    const json& data = member(doc, "data");
    detail::require_object(data);
    ws_hello out;
    read(data, "connection_id", out.connection_id);
    read(data, "server_version", out.server_version);
    out.seq = seq;
    return out;
}

// data.post is a string holding JSON (Go marshals the post before the event), so it is parsed a
// second time, under the same depth limit as the frame around it.
post read_inner_post(const json& data) {
    const json& text = member(data, "post");
    if (!text.is_string()) {
        detail::wrong_type(text, "posted without a post string");
    }
    json inner;
    if (!transport::payload::parse_json(text.get_ref<const std::string&>(), inner,
                                        limit::max_json_depth) ||
        !inner.is_object()) {
        detail::wrong_type(text, "posted with a post that is not a JSON object");
    }
    return detail::checked(inner.get<post>());
}

ws_posted read_posted(const json& doc, std::int64_t seq) {
    const json& data = member(doc, "data");
    detail::require_object(data);
    ws_posted out;
    read(data, "channel_type", out.channel_type);
    read(data, "channel_name", out.channel_name);
    read(data, "sender_name", out.sender_name);
    read(data, "team_id", out.team_id); // "" for DMs and group messages
    // `mentions` (a JSON array inside a string), `set_online` and the rest are not needed.
    out.post = read_inner_post(data);
    out.seq = seq;
    return out;
}

// {"status":"OK"|"FAIL","seq_reply":N,"data":{…},"error":{…}}: data and error vary by action,
// so only their strings we use are read, and another shape is not a reason to fail.
ws_reply read_reply(const json& doc) {
    ws_reply out;
    detail::read_int64(doc, "seq_reply", out.seq_reply);
    std::string status;
    read(doc, "status", status);
    out.ok = status == "OK";
    if (const json& data = member(doc, "data"); data.is_object()) {
        read_if_string(data, "text", out.text);
    }
    if (const json& err = member(doc, "error"); err.is_object()) {
        read_if_string(err, "id", out.error_id);
    }
    return out;
}

// nullopt: an object that is neither an event nor a reply.
std::optional<ws_frame> read_frame(const json& doc) {
    if (!member(doc, "seq_reply").is_null() || !member(doc, "status").is_null()) {
        return read_reply(doc);
    }
    std::string event;
    read(doc, "event", event);
    std::int64_t seq = 0;
    detail::read_int64(doc, "seq", seq);
    if (event == ws::hello) {
        return read_hello(doc, seq);
    }
    if (event == ws::posted) {
        return read_posted(doc, seq);
    }
    if (event.empty()) {
        return std::nullopt;
    }
    return ws_other_event{std::move(event), seq};
}

// dump() throws on invalid UTF-8, which a token read from a misencoded config could hold.
std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

boost::system::result<ws_frame> decode_ws_frame(std::string_view json_text) {
    auto frame = detail::decode<std::optional<ws_frame>>(json_text, read_frame);
    if (!frame) {
        return frame.error();
    }
    if (!frame->has_value()) {
        return error::unknown_payload;
    }
    return std::move(**frame);
}

std::string authentication_challenge_frame(std::int64_t seq, std::string_view token) {
    return dump(json{
        {"seq", seq}, {"action", ws::authentication_challenge}, {"data", json{{"token", token}}}});
}

std::string ping_frame(std::int64_t seq) {
    return dump(json{{"seq", seq}, {"action", ws::ping}});
}

} // namespace openfloor::mattermost
