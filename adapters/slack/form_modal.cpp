// The answer and flag modals: a section with the form's intro, then one input block whose ids
// (protocol.hpp) the view_submission decoder reads back.
#include "adapters/slack/form_modal.hpp"

#include "adapters/slack/protocol.hpp"
#include "adapters/slack/text_split.hpp"

#include <algorithm>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

// A post number has at most 19 digits (int64); anything longer was not put there by us.
constexpr std::size_t max_metadata_digits = 19;

// plain_text: nothing in the bot's words (the intro names the answer's made-up name) is parsed
// as markup or a mention.
json plain_text(std::string_view text, std::size_t max_bytes) {
    // Slack refuses an empty text object; a space shows nothing and is accepted.
    const std::string_view shown = text.empty() ? std::string_view(" ") : text;
    return json{
        {"type", "plain_text"}, {"text", detail::truncate(shown, max_bytes)}, {"emoji", true}};
}

json answer_input(const bot::form_request& form, int max_chars) {
    const auto ceiling = static_cast<int>(limit::plain_text_input);
    const int max_length = max_chars > 0 ? std::min(max_chars, ceiling) : ceiling;
    return json{{"type", "input"},
                {"block_id", block_id::answer_body},
                {"label", plain_text(form.field_label, limit::input_label)},
                {"element",
                 {{"type", "plain_text_input"},
                  {"action_id", input_id::answer_body},
                  {"multiline", true},
                  {"max_length", max_length}}}};
}

json reason_input(const bot::form_request& form) {
    json options = json::array();
    for (const bot::flag_choice& c : form.options) {
        if (options.size() == limit::select_options) {
            break;
        }
        if (c.id.empty() || c.id.size() > limit::option_value) {
            continue; // a cut id would come back as no reason at all
        }
        options.push_back(
            json{{"text", plain_text(c.label.empty() ? c.id : c.label, limit::option_text)},
                 {"value", c.id}});
    }
    return json{{"type", "input"},
                {"block_id", block_id::flag_reason},
                {"label", plain_text(form.field_label, limit::input_label)},
                {"element",
                 {{"type", "static_select"},
                  {"action_id", input_id::flag_reason},
                  {"placeholder", plain_text(form.field_label, limit::option_text)},
                  {"options", std::move(options)}}}};
}

} // namespace

json form_modal(const bot::form_request& form, int max_chars) {
    const bool answer = form.kind == bot::form_kind::answer;
    json blocks = json::array();
    if (!form.intro.empty()) {
        blocks.push_back(json{{"type", "section"},
                              {"block_id", block_id::form_intro},
                              {"text", plain_text(form.intro, limit::section_text)}});
    }
    blocks.push_back(answer ? answer_input(form, max_chars) : reason_input(form));
    return json{{"type", "modal"},
                {"callback_id", answer ? answer_callback_id : flag_callback_id},
                {"private_metadata", detail::cut(form.value, limit::private_metadata)},
                {"title", plain_text(form.title, limit::modal_title)},
                {"submit", plain_text(form.submit_label, limit::modal_button)},
                {"close", plain_text(form.cancel_label, limit::modal_button)},
                {"blocks", std::move(blocks)}};
}

json notice_modal(std::string_view text, std::string_view close_label) {
    return json{{"type", "modal"},
                {"title", plain_text("openfloor", limit::modal_title)},
                {"close", plain_text(close_label, limit::modal_button)},
                {"blocks", json::array({json{{"type", "section"},
                                             {"text", plain_text(text, limit::section_text)}}})}};
}

bool is_form_metadata(std::string_view metadata) {
    return !metadata.empty() && metadata.size() <= max_metadata_digits &&
           std::all_of(metadata.begin(), metadata.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace openfloor::slack
