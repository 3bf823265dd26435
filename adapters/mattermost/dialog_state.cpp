// The `state` of our interactive dialogs: Mattermost hands it back unchanged but unsigned, so it
// carries an HMAC over the form's kind, the post reference, the user it was opened for and (for
// flags) their name. A copy of someone else's dialog, or another post's, does not verify.
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "adapters/transport/json_read.hpp"

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;

constexpr std::string_view ref_key = "r";
constexpr std::string_view name_key = "n";
constexpr std::string_view sig_key = "s";

std::string string_member(const json& object, std::string_view key) {
    std::string out;
    transport::payload::read_if_string(object, key, out);
    return out;
}

} // namespace

std::string seal_dialog_state(const action_signer& signer, std::string_view kind,
                              std::string_view ref, std::string_view user_id,
                              std::string_view user_name) {
    const std::string_view name =
        user_name.find('\n') == std::string_view::npos ? user_name : std::string_view{};
    json state{{ref_key, ref}, {sig_key, signer.sign_dialog(kind, ref, user_id, name)}};
    if (!name.empty()) {
        state[name_key] = name;
    }
    return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<dialog_state> open_dialog_state(const action_signer& signer, std::string_view kind,
                                              std::string_view state, std::string_view user_id) {
    json doc;
    if (!transport::payload::parse_json(state, doc, limit::max_json_depth) || !doc.is_object()) {
        return std::nullopt;
    }
    dialog_state out;
    out.ref = string_member(doc, ref_key);
    out.user_name = string_member(doc, name_key);
    const std::string sig = string_member(doc, sig_key);
    if (out.ref.empty() || !signer.verify_dialog(kind, out.ref, user_id, out.user_name, sig)) {
        return std::nullopt;
    }
    return out;
}

} // namespace openfloor::mattermost
