// Button context signatures: a keyed hash of action, reference and channel, one per line. None of
// them holds a newline (action ids, our draft and post references, Mattermost's base32 ids), so
// no field can borrow characters from its neighbour.
#include "adapters/mattermost/action_signer.hpp"

#include "bot/crypto.hpp"

namespace openfloor::mattermost {
namespace {

constexpr std::string_view purpose = "mattermost.action";

} // namespace

std::string action_signer::sign(std::string_view action, std::string_view ref,
                                std::string_view channel_id) const {
    std::string input;
    input.reserve(action.size() + ref.size() + channel_id.size() + 2);
    input.append(action).append(1, '\n').append(ref).append(1, '\n').append(channel_id);
    return id_.keyed_hash(purpose, input);
}

bool action_signer::verify(std::string_view action, std::string_view ref,
                           std::string_view channel_id, std::string_view sig) const {
    if (sig.empty()) {
        return false;
    }
    return bot::crypto::constant_time_equal(sign(action, ref, channel_id), sig);
}

} // namespace openfloor::mattermost
