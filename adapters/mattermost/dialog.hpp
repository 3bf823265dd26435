// Mattermost interactive dialogs for the core's forms (bot::form_request): the request that opens
// one, the signed `state` it carries, the submission Mattermost POSTs back, and our answers to it.
// Shapes confirmed in mattermost/mattermost server/public/model/integration_action.go:
//   OpenDialogRequest   {"trigger_id","url","dialog":Dialog}, POST /api/v4/actions/dialogs/open
//   Dialog              {"callback_id","title"(<= 24 bytes),"introduction_text","icon_url",
//                        "elements":[DialogElement],"submit_label","notify_on_cancel","state"}
//   DialogElement       {"display_name"(1..24 bytes),"name"(1..300),"type":"textarea"|"select"|…,
//                        "subtype","default","placeholder","help_text"(<= 150),"optional",
//                        "min_length"(<= max_length),"max_length","data_source",
//                        "options":[{"text","value"}]}
//   SubmitDialogRequest {"type":"dialog_submission","callback_id","state","user_id" (set by the
//                        server from the session),"channel_id","team_id","submission":{name:
//                        value}, "cancelled"}, POSTed as JSON to the dialog's url; it must answer
//                        200.
//   SubmitDialogResponse {"error":"…"} or {"errors":{"<element name>":"…"}} keep the dialog open;
//                        {} (or an unreadable body) closes it.
#pragma once

#include "adapters/mattermost/action_signer.hpp"
#include "bot/core.hpp"

#include <boost/system/result.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::mattermost {

// ---- state: what the bot needs back, signed ----

// What a verified state gives back. `user_name` is the clicker's username (flag forms only:
// flagging is not anonymous; an answer form carries no name).
struct dialog_state {
    std::string ref;
    std::string user_name;
};

// A compact JSON text {"r":ref,"n":name,"s":hmac} binding `kind` (the callback_id), the post
// reference, the user the dialog is opened for and the name. A name with a newline is dropped.
std::string seal_dialog_state(const action_signer& signer, std::string_view kind,
                              std::string_view ref, std::string_view user_id,
                              std::string_view user_name);
// The state, if it is ours, for this kind and made for `user_id`; nullopt otherwise.
std::optional<dialog_state> open_dialog_state(const action_signer& signer, std::string_view kind,
                                              std::string_view state, std::string_view user_id);

// ---- the submission ----

struct dialog_submission {
    std::string type;
    std::string callback_id;
    std::string state;
    std::string user_id;
    std::string channel_id;
    std::string team_id;
    std::map<std::string, std::string> submission; // string values; others are left out
    bool cancelled = false;
    bool operator==(const dialog_submission&) const = default;
};

// error::malformed_payload for text that is not a SubmitDialogRequest (or one without a user).
boost::system::result<dialog_submission> decode_dialog_submission(std::string_view json_text);

// ---- what we send ----

// The body of POST /actions/dialogs/open for `form`: an answer form is one required textarea
// (`answer_element`, max_length `max_chars`), a flag form one required select of its reasons
// (`reason_element`). Title and labels are cut to the model's byte limits; our words lose
// their mentions.
nlohmann::json open_dialog_request(const bot::form_request& form, std::string_view trigger_id,
                                   std::string_view url, std::string_view callback_id,
                                   std::string_view state, int max_chars);

// {"errors":{element: the messages' words}}: the dialog stays open, the person's input kept.
nlohmann::json dialog_field_error(std::string_view element,
                                  const std::vector<bot::message>& messages);
nlohmann::json dialog_field_error(std::string_view element, std::string_view text);

} // namespace openfloor::mattermost
