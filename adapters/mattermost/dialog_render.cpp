// bot::form_request → the OpenDialogRequest of an interactive dialog, and the answers to a
// submission that keep it open. Every word is ours (the core's texts), so mentions are made
// inert and nothing is escaped; the model's byte limits are kept without cutting a character.
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/protocol.hpp"
#include "adapters/mattermost/render.hpp"
#include "bot/text_rules.hpp"

#include <algorithm>

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;

std::string label(std::string_view text, std::size_t limit) {
    return bot::utf8_prefix(neutralise_mentions(text), limit);
}

json answer_element(const bot::form_request& form, int max_chars) {
    return json{{"display_name", label(form.field_label, dialog::display_name_bytes)},
                {"name", dialog::answer_element},
                {"type", "textarea"},
                {"subtype", ""},
                {"default", ""},
                {"placeholder", ""},
                {"help_text", ""},
                {"optional", false},
                {"min_length", 0},
                {"max_length", std::max(max_chars, 0)}};
}

json reason_element(const bot::form_request& form) {
    json options = json::array();
    for (const bot::flag_choice& c : form.options) {
        options.push_back(json{{"text", neutralise_mentions(c.label)}, {"value", c.id}});
    }
    return json{{"display_name", label(form.field_label, dialog::display_name_bytes)},
                {"name", dialog::reason_element},
                {"type", "select"},
                {"default", ""},
                {"placeholder", ""},
                {"help_text", ""},
                {"optional", false},
                {"data_source", ""},
                {"options", std::move(options)}};
}

} // namespace

json open_dialog_request(const bot::form_request& form, std::string_view trigger_id,
                         std::string_view url, std::string_view callback_id, std::string_view state,
                         int max_chars) {
    json element = form.kind == bot::form_kind::answer ? answer_element(form, max_chars)
                                                       : reason_element(form);
    json dialog{{"callback_id", callback_id},
                {"title", label(form.title, dialog::title_bytes)},
                {"introduction_text", neutralise_mentions(form.intro)},
                {"elements", json::array({std::move(element)})},
                {"submit_label", neutralise_mentions(form.submit_label)},
                {"notify_on_cancel", false},
                {"state", state}};
    return json{{"trigger_id", trigger_id}, {"url", url}, {"dialog", std::move(dialog)}};
}

json dialog_field_error(std::string_view element, std::string_view text) {
    return json{{"errors", json{{element, neutralise_mentions(text)}}}};
}

json dialog_field_error(std::string_view element, const std::vector<bot::message>& messages) {
    std::string text;
    for (const bot::message& m : messages) {
        if (!m.text.empty()) {
            text += (text.empty() ? "" : " ") + m.text;
        }
    }
    return dialog_field_error(element, text);
}

} // namespace openfloor::mattermost
