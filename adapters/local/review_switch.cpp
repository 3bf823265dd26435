// review_switch: reads the team channel's moderation mode, hands flips to app/.
#include "adapters/local/review_switch.hpp"

#include "adapters/local/protocol.hpp"

namespace openfloor::local {

bool review_switch::on() const {
    const auto* team = settings_.find_channel(team_channel_key);
    return team != nullptr && team->moderation == config::moderation_mode::pre;
}

bool review_switch::flip(bool on) {
    if (!apply_) {
        return false;
    }
    apply_(on);
    return true;
}

} // namespace openfloor::local
