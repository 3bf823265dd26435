// The Mattermost button id of an action: the interface.md action id without its underscores,
// since Mattermost routes clicks only to ids matching [A-Za-z0-9]+ (platforms.md §B5).
#include "adapters/mattermost/protocol.hpp"

#include <algorithm>

namespace openfloor::mattermost {

std::string button_id(bot::action a) {
    std::string id(bot::action_id(a));
    id.erase(std::remove(id.begin(), id.end(), '_'), id.end());
    return id;
}

} // namespace openfloor::mattermost
