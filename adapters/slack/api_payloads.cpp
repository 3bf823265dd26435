// Web API results (platforms.md §A6): the handful of fields openfloor reads from any method.
#include "adapters/slack/json_read.hpp"
#include "adapters/slack/payloads.hpp"

namespace openfloor::slack {

using detail::json;
using detail::member;
using detail::read;

void from_json(const json& j, api_result& out) {
    read(j, "ok", out.ok);
    read(j, "error", out.error);
    read(j, "warning", out.warning);
    read(j, "ts", out.ts);
    if (out.ts.empty()) {
        read(j, "message_ts", out.ts); // chat.postEphemeral's name for it
    }
    read(j, "user_id", out.user_id);
    read(j, "bot_id", out.bot_id);
    read(j, "team_id", out.team_id);
    read(j, "url", out.url);
    // `channel` is an id string in chat.* answers but an object in conversations.open.
    const json& channel = member(j, "channel");
    if (channel.is_object()) {
        read(channel, "id", out.dm_channel_id);
    } else {
        read(j, "channel", out.channel);
    }
    read(member(j, "view"), "id", out.view_id);
}

void to_json(json& j, const api_result& in) {
    j = json{{"ok", in.ok}};
    detail::put_nonempty(j, "error", in.error);
    detail::put_nonempty(j, "warning", in.warning);
    detail::put_nonempty(j, "ts", in.ts);
    detail::put_nonempty(j, "channel", in.channel);
    detail::put_nonempty(j, "user_id", in.user_id);
    detail::put_nonempty(j, "bot_id", in.bot_id);
    detail::put_nonempty(j, "team_id", in.team_id);
    detail::put_nonempty(j, "url", in.url);
    if (!in.dm_channel_id.empty()) {
        j["channel"] = {{"id", in.dm_channel_id}};
    }
    if (!in.view_id.empty()) {
        j["view"] = {{"id", in.view_id}};
    }
}

boost::system::result<api_result> decode_api_result(std::string_view text) {
    return detail::decode<api_result>(text, [](const json& doc) { return doc.get<api_result>(); });
}

} // namespace openfloor::slack
