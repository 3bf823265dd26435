// fake_mattermost_dialogs: interactive dialogs as Mattermost runs them (server/public/model/
// integration_action.go, app/integration_action.go): triggers minted per click and good for
// trigger_lifetime, POST /actions/dialogs/open checked and recorded, and the submission the
// server POSTs to the dialog's url.
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/fakes/fake_mattermost_detail.hpp"

#include <set>

namespace openfloor::testing {
namespace {

using json = nlohmann::json;
using namespace mm_detail;

std::string base64(const std::string& in) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : in) {
        bits = (bits << 8U) | static_cast<unsigned char>(c);
        count += 8;
        while (count >= 6) {
            count -= 6;
            out.push_back(alphabet[(bits >> static_cast<unsigned>(count)) & 63U]);
        }
    }
    if (count > 0) {
        out.push_back(alphabet[(bits << static_cast<unsigned>(6 - count)) & 63U]);
    }
    while (out.size() % 4 != 0) {
        out.push_back('=');
    }
    return out;
}

// What model.DialogElement.IsValid() and Dialog.IsValid() check, for the types the fake knows.
void check_element(const json& e, std::vector<std::string>& problems) {
    const std::string name = string_field(e, "name");
    const std::string display = string_field(e, "display_name");
    const std::string type = string_field(e, "type");
    if (name.empty() || name.size() > 300) {
        problems.push_back("element name must be 1..300 bytes: '" + name + "'");
    }
    if (display.empty() || display.size() > 24) {
        problems.push_back("display_name must be 1..24 bytes: '" + display + "'");
    }
    if (string_field(e, "help_text").size() > 150) {
        problems.push_back("help_text longer than 150 bytes");
    }
    if (int_field(e, "min_length") > int_field(e, "max_length") || int_field(e, "min_length") < 0) {
        problems.push_back("min_length must be between 0 and max_length");
    }
    if (type == "select" || type == "radio") {
        const json options = e.value("options", json::array());
        if (!options.is_array() || (options.empty() && type == "radio")) {
            problems.push_back(type + " without options");
        }
        for (const json& o : options) {
            if (string_field(o, "text").empty() || string_field(o, "value").empty()) {
                problems.push_back("an option needs text and value");
            }
        }
    } else if (type != "text" && type != "textarea" && type != "bool") {
        problems.push_back("invalid element type: '" + type + "'");
    }
}

std::vector<std::string> check_dialog(const json& d) {
    std::vector<std::string> problems;
    if (!d.is_object()) {
        return {"dialog is not an object"};
    }
    const std::string title = string_field(d, "title");
    if (title.empty() || title.size() > 24) {
        problems.push_back("invalid dialog title '" + title + "'");
    }
    std::set<std::string> names;
    const json elements = d.value("elements", json::array());
    for (const json& e : elements.is_array() ? elements : json::array()) {
        if (!names.insert(string_field(e, "name")).second) {
            problems.push_back("duplicate dialog element '" + string_field(e, "name") + "'");
        }
        check_element(e, problems);
    }
    return problems;
}

} // namespace

std::string fake_mattermost::issue_trigger(const std::string& user_id,
                                           const std::string& channel_id) {
    const std::string client_id = new_id();
    const std::string data = client_id + ":" + user_id + ":" + std::to_string(now_ms()) + ":";
    std::string id = base64(data + base64("fake-ecdsa-signature-" + new_id()));
    triggers_[id] = trigger{user_id, channel_id, std::chrono::steady_clock::now()};
    return id;
}

fake_reply fake_mattermost::open_dialog(const json& body) {
    if (!body.is_object()) {
        return app_error(400, "api.context.invalid_body_param.app_error",
                         "Invalid or missing dialog in request body.");
    }
    if (string_field(body, "url").empty()) {
        return app_error(400, "api.context.invalid_param.app_error", "Invalid url parameter.");
    }
    auto t = triggers_.find(string_field(body, "trigger_id"));
    if (t == triggers_.end()) {
        return app_error(400, "interactive_message.decode_trigger_id.verify_signature_failed",
                         "Failed to verify signature of trigger ID for interactive dialog.");
    }
    if (std::chrono::steady_clock::now() - t->second.issued > trigger_lifetime) {
        return app_error(400, "interactive_message.decode_trigger_id.expired",
                         "Trigger ID for interactive dialog is expired.");
    }
    mm_dialog d;
    d.user_id = t->second.user_id;
    d.channel_id = t->second.channel_id;
    d.url = string_field(body, "url");
    d.dialog = body.value("dialog", json::object());
    d.problems = check_dialog(d.dialog);
    dialogs.push_back(std::move(d));
    return json_reply(200, {{"status", "OK"}});
}

json fake_mattermost::dialog_submission(std::size_t index, const json& submission,
                                        bool cancelled) const {
    const mm_dialog& d = dialogs.at(index);
    const mm_channel c = channel(d.channel_id);
    return {{"type", "dialog_submission"},
            {"callback_id", string_field(d.dialog, "callback_id")},
            {"state", string_field(d.dialog, "state")},
            {"user_id", d.user_id},
            {"channel_id", d.channel_id},
            {"team_id", c.team_id},
            {"submission", cancelled ? json::object() : submission},
            {"cancelled", cancelled}};
}

json fake_mattermost::apply_dialog_response(std::size_t index, const json& response) {
    mm_dialog& d = dialogs.at(index);
    const bool has_errors = response.is_object() && response.contains("errors") &&
                            response["errors"].is_object() && !response["errors"].empty();
    const bool has_error = !string_field(response, "error").empty();
    if (has_errors || has_error) {
        return has_errors ? response["errors"] : json{{"", response["error"]}};
    }
    d.open = false;
    return nullptr;
}

} // namespace openfloor::testing
