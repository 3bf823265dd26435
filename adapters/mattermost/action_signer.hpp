// The HMAC a Mattermost button carries in its integration.context (§B5: click callbacks come
// unsigned, so the button itself must carry proof that we made it). It binds the action, the
// draft or post reference and the channel the button was posted in, so a context copied into
// another channel or onto another draft is refused.
#pragma once

#include "bot/identity.hpp"

#include <string>
#include <string_view>

namespace openfloor::mattermost {

class action_signer {
public:
    explicit action_signer(const bot::identity& id) : id_(id) {}

    // Hex HMAC-SHA256 under a key derived from identity.secret (purpose "mattermost.action").
    std::string sign(std::string_view action, std::string_view ref,
                     std::string_view channel_id) const;
    // Constant-time comparison against sign(); false for an empty signature.
    bool verify(std::string_view action, std::string_view ref, std::string_view channel_id,
                std::string_view sig) const;

private:
    const bot::identity& id_;
};

} // namespace openfloor::mattermost
