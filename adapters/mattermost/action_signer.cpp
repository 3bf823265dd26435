// Button context and dialog state signatures: a keyed hash of the fields, one per line. None of
// them holds a newline (action ids, our draft and post references, Mattermost's base32 ids and
// usernames; a name with one is refused when the state is made), so no field can borrow
// characters from its neighbour.
#include "adapters/mattermost/action_signer.hpp"

#include "bot/crypto.hpp"

#include <initializer_list>

namespace openfloor::mattermost {
namespace {

constexpr std::string_view action_purpose = "mattermost.action";
constexpr std::string_view dialog_purpose = "mattermost.dialog";

std::string lines(std::initializer_list<std::string_view> fields) {
    std::string input;
    for (std::string_view f : fields) {
        if (!input.empty()) {
            input.append(1, '\n');
        }
        input.append(f);
    }
    return input;
}

} // namespace

std::string action_signer::sign(std::string_view action, std::string_view ref,
                                std::string_view channel_id) const {
    return id_.keyed_hash(action_purpose, lines({action, ref, channel_id}));
}

bool action_signer::verify(std::string_view action, std::string_view ref,
                           std::string_view channel_id, std::string_view sig) const {
    if (sig.empty()) {
        return false;
    }
    return bot::crypto::constant_time_equal(sign(action, ref, channel_id), sig);
}

std::string action_signer::sign_dialog(std::string_view kind, std::string_view ref,
                                       std::string_view user_id,
                                       std::string_view user_name) const {
    return id_.keyed_hash(dialog_purpose, lines({kind, ref, user_id, user_name}));
}

bool action_signer::verify_dialog(std::string_view kind, std::string_view ref,
                                  std::string_view user_id, std::string_view user_name,
                                  std::string_view sig) const {
    if (sig.empty() || user_id.empty()) {
        return false;
    }
    return bot::crypto::constant_time_equal(sign_dialog(kind, ref, user_id, user_name), sig);
}

} // namespace openfloor::mattermost
