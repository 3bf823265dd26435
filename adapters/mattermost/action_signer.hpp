// The HMAC a Mattermost button carries in its integration.context (§B5: click callbacks come
// unsigned, so the button itself must carry proof that we made it). It binds the action, the
// draft or post reference and the channel the button was posted in, so a context copied into
// another channel or onto another draft is refused. Interactive dialogs come back unsigned too,
// so the dialog's `state` carries a second HMAC, under its own key: the form's kind, the post
// reference, the user the dialog was opened for and the name it will show (flags only).
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

    // Hex HMAC-SHA256 under a key derived from identity.secret (purpose "mattermost.dialog"), so
    // a button's signature never passes for a dialog's and the other way round.
    std::string sign_dialog(std::string_view kind, std::string_view ref, std::string_view user_id,
                            std::string_view user_name) const;
    bool verify_dialog(std::string_view kind, std::string_view ref, std::string_view user_id,
                       std::string_view user_name, std::string_view sig) const;

private:
    const bot::identity& id_;
};

} // namespace openfloor::mattermost
