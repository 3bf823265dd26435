// An interactive dialog's submission (model.SubmitDialogRequest) into dialog_submission. The
// submission map is free-form (`map[string]any`): only string values are kept, so a number or a
// list where we expect words reads as a missing field, never as a throw.
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/json_read.hpp"

namespace openfloor::mattermost {

using detail::json;

void from_json(const json& j, dialog_submission& out) {
    using detail::read;
    read(j, "type", out.type);
    read(j, "callback_id", out.callback_id);
    read(j, "state", out.state);
    read(j, "user_id", out.user_id);
    read(j, "channel_id", out.channel_id);
    read(j, "team_id", out.team_id);
    read(j, "cancelled", out.cancelled);
    const json& fields = detail::member(j, "submission");
    if (fields.is_null()) {
        return; // a cancellation carries none
    }
    detail::require_object(fields);
    for (const auto& [name, value] : fields.items()) {
        if (value.is_string()) {
            out.submission.emplace(name, value.get<std::string>());
        }
    }
}

boost::system::result<dialog_submission> decode_dialog_submission(std::string_view json_text) {
    auto decoded = detail::decode<dialog_submission>(
        json_text, [](const json& doc) { return doc.get<dialog_submission>(); });
    if (decoded && decoded->user_id.empty()) {
        return error::malformed_payload; // a submission by nobody cannot be checked
    }
    return decoded;
}

} // namespace openfloor::mattermost
