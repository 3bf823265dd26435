// The channels every scenario and end-to-end test shares: #eng (preview first), #ops
// (pre-moderated), #quick (no preview), and the moderators channel C0MODS.
#pragma once

#include "config/settings.hpp"

#include <string>

namespace openfloor::testing {

inline void add_test_channels(config::settings& s, const std::string& moderator) {
    config::channel_settings eng;
    eng.key = "eng";
    eng.channel_id = "C0ENG";
    config::channel_settings ops;
    ops.key = "ops";
    ops.channel_id = "C0OPS";
    ops.moderation = config::moderation_mode::pre;
    config::channel_settings quick;
    quick.key = "quick";
    quick.channel_id = "C0QUICK";
    quick.confirm = false;
    s.channels = {eng, ops, quick};
    s.moderation.slack_channel = "C0MODS";
    s.moderation.moderators = {moderator};
}

} // namespace openfloor::testing
