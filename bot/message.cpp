// Action ids, and the outbox codec of bot::message: compact JSON that stays inside this file,
// so no nlohmann::json crosses into the rest of the core.
#include "bot/message.hpp"

#include "bot/json_codec.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <utility>

namespace openfloor::bot {
namespace {

using json = nlohmann::json;

constexpr std::array<std::pair<action, std::string_view>, 6> action_ids{{
    {action::confirm, "openfloor_confirm"},
    {action::cancel, "openfloor_cancel"},
    {action::approve, "openfloor_approve"},
    {action::reject, "openfloor_reject"},
    {action::reply, "openfloor_reply"},
    {action::flag, "openfloor_flag"},
}};

// Sealed payloads outlive a release in the outbox, so kinds are stored by name, not by number.
constexpr std::array<std::pair<message_kind, std::string_view>, 7> kind_names{{
    {message_kind::notice, "notice"},
    {message_kind::preview, "preview"},
    {message_kind::channel_post, "channel_post"},
    {message_kind::thread_answer, "thread_answer"},
    {message_kind::queue_item, "queue_item"},
    {message_kind::relay, "relay"},
    {message_kind::moderator_notice, "moderator_notice"},
}};

// The compact keys of the encoded form.
constexpr const char* key_kind = "k";
constexpr const char* key_text = "t";
constexpr const char* key_body = "b";
constexpr const char* key_number = "n";
constexpr const char* key_category = "c";
constexpr const char* key_buttons = "u";
constexpr const char* key_choices = "ch"; // optional: payloads stored before it existed lack it
constexpr const char* key_action = "a";
constexpr const char* key_label = "l";
constexpr const char* key_value = "v";

std::string_view kind_name(message_kind k) {
    for (const auto& [value, name] : kind_names) {
        if (value == k) {
            return name;
        }
    }
    return "notice"; // only an out-of-range cast gets here
}

bool parse_kind(std::string_view s, message_kind& out) {
    for (const auto& [value, name] : kind_names) {
        if (name == s) {
            out = value;
            return true;
        }
    }
    return false;
}

bool read_string(const json& doc, const char* key, std::string& out) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) {
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool read_number(const json& doc, post_number& out) {
    const auto it = doc.find(key_number);
    if (it == doc.end() || !it->is_number_integer()) {
        return false;
    }
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<post_number>::max()}) {
        return false;
    }
    out = it->get<post_number>();
    return true;
}

bool read_button(const json& doc, button& out) {
    std::string id;
    return doc.is_object() && read_string(doc, key_action, id) && parse_action_id(id, out.action) &&
           read_string(doc, key_label, out.label) && read_string(doc, key_value, out.value);
}

bool read_choice(const json& doc, choice& out) {
    std::string kind;
    if (!doc.is_object() || !read_string(doc, "w", kind) || !read_string(doc, "d", out.draft) ||
        !read_string(doc, "s", out.selected)) {
        return false;
    }
    // Optional: payloads stored before menus had a label lack it (the menu then shows none).
    if (doc.contains(key_label) && !read_string(doc, key_label, out.label)) {
        return false;
    }
    if (kind != "channel" && kind != "category") {
        return false;
    }
    out.kind = kind == "channel" ? choice_kind::channel : choice_kind::category;
    const auto options = doc.find("o");
    if (options == doc.end() || !options->is_array()) {
        return false;
    }
    for (const json& o : *options) {
        if (!o.is_array() || o.size() != 2 || !o[0].is_string() || !o[1].is_string()) {
            return false;
        }
        out.options.emplace_back(o[0].get<std::string>(), o[1].get<std::string>());
    }
    return true;
}

bool read_message(const json& doc, message& out) {
    std::string kind;
    if (!doc.is_object() || !read_string(doc, key_kind, kind) || !parse_kind(kind, out.kind) ||
        !read_string(doc, key_text, out.text) || !read_string(doc, key_body, out.body) ||
        !read_number(doc, out.number) || !read_string(doc, key_category, out.category_label)) {
        return false;
    }
    const auto buttons = doc.find(key_buttons);
    if (buttons == doc.end() || !buttons->is_array()) {
        return false;
    }
    for (const json& b : *buttons) {
        if (!read_button(b, out.buttons.emplace_back())) {
            return false;
        }
    }
    if (const auto choices = doc.find(key_choices); choices != doc.end()) {
        if (!choices->is_array()) {
            return false;
        }
        for (const json& c : *choices) {
            if (!read_choice(c, out.choices.emplace_back())) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

std::string_view action_id(action a) {
    for (const auto& [value, id] : action_ids) {
        if (value == a) {
            return id;
        }
    }
    return "openfloor_unknown"; // only an out-of-range cast gets here
}

bool parse_action_id(std::string_view id, action& out) {
    for (const auto& [value, name] : action_ids) {
        if (name == id) {
            out = value;
            return true;
        }
    }
    return false;
}

std::string encode(const message& m) {
    json buttons = json::array();
    for (const button& b : m.buttons) {
        buttons.push_back(
            {{key_action, action_id(b.action)}, {key_label, b.label}, {key_value, b.value}});
    }
    json choices = json::array();
    for (const choice& c : m.choices) {
        json options = json::array();
        for (const auto& [value, label] : c.options) {
            options.push_back({value, label});
        }
        choices.push_back({{"w", c.kind == choice_kind::channel ? "channel" : "category"},
                           {"d", c.draft},
                           {"o", std::move(options)},
                           {"s", c.selected},
                           {key_label, c.label}});
    }
    json doc = {
        {key_kind, kind_name(m.kind)},
        {key_text, m.text},
        {key_body, m.body},
        {key_number, m.number},
        {key_category, m.category_label},
        {key_buttons, std::move(buttons)},
    };
    if (!choices.empty()) {
        doc[key_choices] = std::move(choices);
    }
    return json_codec::dump(doc);
}

bool decode(std::string_view encoded, message& out) {
    return json_codec::parse(encoded, out, read_message);
}

} // namespace openfloor::bot
