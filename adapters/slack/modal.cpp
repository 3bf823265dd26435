// The compose modal of platforms.md §A4: pick a channel and a category, write the text; the
// submission comes back as a view_submission read by interactive_payloads.cpp.
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"
#include "adapters/slack/text_split.hpp"

#include <algorithm>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;
using choices = std::vector<std::pair<std::string, std::string>>;

json plain_text(std::string_view text, std::size_t max_bytes) {
    return json{
        {"type", "plain_text"}, {"text", detail::truncate(text, max_bytes)}, {"emoji", true}};
}

// Options past Slack's 100 are dropped, and so is one whose value is too long to come back
// intact: a cut key would name a channel that does not exist.
json options_for(const choices& items) {
    json options = json::array();
    for (const auto& [value, label] : items) {
        if (options.size() == limit::select_options) {
            break;
        }
        if (value.empty() || value.size() > limit::option_value) {
            continue;
        }
        options.push_back(
            json{{"text", plain_text(label.empty() ? value : label, limit::option_text)},
                 {"value", value}});
    }
    return options;
}

// A static_select input that starts on its first option, so a one-channel setup needs no click.
void add_select(json& blocks, std::string_view block, std::string_view action,
                std::string_view label, const choices& items) {
    json options = options_for(items);
    if (options.empty()) {
        return; // Slack refuses a select without options
    }
    json initial = options.front();
    blocks.push_back(json{{"type", "input"},
                          {"block_id", block},
                          {"label", plain_text(label, limit::input_label)},
                          {"element",
                           {{"type", "static_select"},
                            {"action_id", action},
                            {"options", std::move(options)},
                            {"initial_option", std::move(initial)}}}});
}

} // namespace

compose_labels compose_labels_in(const bot::texts& say) {
    compose_labels labels;
    labels.submit = say.say(bot::text_id::button_post);
    labels.close = say.say(bot::text_id::button_cancel);
    labels.channel = say.say(bot::text_id::field_channel);
    labels.category = say.say(bot::text_id::field_category);
    labels.body = say.say(bot::text_id::field_message);
    return labels;
}

json compose_modal(const choices& channels, const choices& categories, int max_chars,
                   const compose_labels& labels) {
    json blocks = json::array();
    add_select(blocks, block_id::compose_channel, input_id::compose_channel, labels.channel,
               channels);
    add_select(blocks, block_id::compose_category, input_id::compose_category, labels.category,
               categories);
    const auto ceiling = static_cast<int>(limit::plain_text_input);
    const int max_length = max_chars > 0 ? std::min(max_chars, ceiling) : ceiling;
    blocks.push_back(json{{"type", "input"},
                          {"block_id", block_id::compose_body},
                          {"label", plain_text(labels.body, limit::input_label)},
                          {"element",
                           {{"type", "plain_text_input"},
                            {"action_id", input_id::compose_body},
                            {"multiline", true},
                            {"max_length", max_length}}}});
    return json{{"type", "modal"},
                {"callback_id", compose_callback_id},
                {"title", plain_text(labels.title, limit::modal_title)},
                {"submit", plain_text(labels.submit, limit::modal_button)},
                {"close", plain_text(labels.close, limit::modal_button)},
                {"blocks", std::move(blocks)}};
}

json views_open_body(std::string_view trigger_id, const json& view) {
    return json{{"trigger_id", trigger_id}, {"view", view}};
}

} // namespace openfloor::slack
