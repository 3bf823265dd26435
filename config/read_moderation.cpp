// The moderation block: each platform's queue channel, moderators, blocked words, flagging.
#include "config/enum_names.hpp"
#include "config/sections.hpp"

namespace openfloor::config::detail {
namespace {

void read_queue_channel(object_reader& r, std::string_view key, std::optional<std::string>& out,
                        bool platform_configured) {
    r.nullable_string(key, out);
    if (out && out->empty()) {
        r.report(key, "must be a channel id or null, not empty");
        out.reset();
    }
    if (out && !platform_configured) {
        r.ctx().note(r.path_of(key) + ": not used, there is no " + std::string(key) + " block");
    }
}

} // namespace

void read_moderation(object_reader& root, settings& out) {
    object_reader r = root.child("moderation");
    moderation_settings& m = out.moderation;

    object_reader channel = r.child("channel");
    read_queue_channel(channel, "slack", m.slack_channel, out.slack.has_value());
    read_queue_channel(channel, "mattermost", m.mattermost_channel, out.mattermost.has_value());
    channel.finish();

    if (auto ids = r.strings("moderators", /*allow_empty_items=*/false)) {
        m.moderators = std::move(*ids);
    }
    if (auto words = r.strings("blocked_words", /*allow_empty_items=*/false)) {
        m.blocked_words = std::move(*words);
    }
    r.enumeration("blocked_words_action", m.on_blocked_word, blocked_action_names);
    if (auto n = r.integer("flag_threshold", 0, int_max)) {
        m.flag_threshold = static_cast<int>(*n);
    }
    r.finish();
}

} // namespace openfloor::config::detail
