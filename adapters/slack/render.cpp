// bot::message → Block Kit (platforms.md §A4, §A7). Every string a person or the bot wrote passes
// escape_user_text before it reaches a mrkdwn field, and every mrkdwn field is verbatim.
#include "adapters/slack/render.hpp"

#include "adapters/slack/protocol.hpp"
#include "adapters/slack/text_split.hpp"

#include <cctype>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;
using bot::message_kind;

// verbatim: Slack neither auto-links URLs and #channel names nor parses mentions in the text.
json mrkdwn(std::string text) {
    return json{{"type", "mrkdwn"}, {"text", std::move(text)}, {"verbatim", true}};
}

json plain_text(std::string text) {
    return json{{"type", "plain_text"}, {"text", std::move(text)}, {"emoji", true}};
}

json section(std::string text, std::string block) {
    return json{
        {"type", "section"}, {"block_id", std::move(block)}, {"text", mrkdwn(std::move(text))}};
}

// Escaped text as sections of at most 3000 bytes; past `max_sections` the text is cut and the
// last section ends with "…". Ids must be unique in a message: "of_body", "of_body_2", …
void add_sections(json& blocks, const std::string& escaped, std::string_view id,
                  std::size_t max_sections, std::string_view line_prefix = {}) {
    std::vector<std::string> pieces =
        detail::split_mrkdwn(escaped, limit::section_text, line_prefix);
    if (pieces.size() > max_sections) {
        pieces.resize(max_sections);
        if (!pieces.empty()) {
            std::string& last = pieces.back();
            last = detail::cut(last, limit::section_text - detail::ellipsis.size());
            last += detail::ellipsis;
        }
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string block(id);
        if (i > 0) {
            block += "_" + std::to_string(i + 1);
        }
        blocks.push_back(section(std::move(pieces[i]), std::move(block)));
    }
}

void add_heading(json& blocks, const std::string& escaped) {
    if (!escaped.empty()) {
        blocks.push_back(section(detail::truncate(escaped, limit::section_text),
                                 std::string(block_id::heading)));
    }
}

void add_context(json& blocks, const std::string& escaped, std::string_view id) {
    if (!escaped.empty()) {
        blocks.push_back(json{
            {"type", "context"},
            {"block_id", id},
            {"elements", json::array({mrkdwn(detail::truncate(escaped, limit::context_text))})}});
    }
}

json button_json(const bot::button& b) {
    const std::string_view id = bot::action_id(b.action);
    // plain_text is not mrkdwn: nothing in a label can mention anyone. An empty label would
    // make Slack refuse the whole message, so the action id stands in.
    json out{
        {"type", "button"},
        {"action_id", id},
        {"text", plain_text(detail::truncate(b.label.empty() ? id : b.label, limit::button_text))},
        {"value", b.value}};
    switch (b.action) {
    case bot::action::confirm:
    case bot::action::approve:
        out["style"] = "primary";
        break;
    case bot::action::cancel:
    case bot::action::reject:
        out["style"] = "danger";
        break;
    case bot::action::reply:
    case bot::action::flag:
        break; // default style: not every button shouts
    }
    return out;
}

std::string_view actions_block_id(message_kind kind) {
    switch (kind) {
    case message_kind::preview:
        return block_id::preview_actions;
    case message_kind::queue_item:
        return block_id::queue_actions;
    case message_kind::channel_post:
        return block_id::post_actions;
    default:
        return block_id::actions;
    }
}

void add_actions(json& blocks, const bot::message& m) {
    json elements = json::array();
    for (const bot::button& b : m.buttons) {
        if (elements.size() == limit::actions_elements) {
            break;
        }
        elements.push_back(button_json(b));
    }
    if (!elements.empty()) {
        blocks.push_back(json{{"type", "actions"},
                              {"block_id", actions_block_id(m.kind)},
                              {"elements", std::move(elements)}});
    }
}

json plain(std::string_view text) {
    return json{{"type", "plain_text"}, {"text", detail::truncate(std::string(text), limit::button_text)}};
}

// A preview's channel and category menus, in one actions block that names the draft.
void add_choices(json& blocks, const bot::message& m) {
    if (m.choices.empty()) {
        return;
    }
    json elements = json::array();
    for (const bot::choice& c : m.choices) {
        json options = json::array();
        json initial;
        for (const auto& [value, label] : c.options) {
            if (options.size() == limit::select_options) {
                break;
            }
            json option{{"text", plain(label)}, {"value", value}};
            if (value == c.selected) {
                initial = option;
            }
            options.push_back(std::move(option));
        }
        json select{{"type", "static_select"},
                    {"action_id", c.kind == bot::choice_kind::channel ? pick::channel_action
                                                                      : pick::category_action},
                    {"options", std::move(options)}};
        // The core names the menu in the configured language. A preview stored before menus
        // had names has none; Slack takes a select without a placeholder.
        if (!c.label.empty()) {
            select["placeholder"] = plain(c.label);
        }
        if (!initial.is_null()) {
            select["initial_option"] = std::move(initial);
        }
        elements.push_back(std::move(select));
    }
    blocks.push_back(json{{"type", "actions"},
                          {"block_id", std::string(pick::block_prefix) + m.choices.front().draft},
                          {"elements", std::move(elements)}});
}

// "*I noticed a mistake* · #12": the only line a channel post shows besides the text.
std::string post_header(const bot::message& m) {
    std::string out;
    if (!m.category_label.empty()) {
        out = "*" + escape_user_text(m.category_label) + "*";
    }
    if (m.number > 0) {
        out += (out.empty() ? "#" : " \u00B7 #") + std::to_string(m.number);
    }
    return out;
}

std::string join_lines(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& part : parts) {
        if (!part.empty()) {
            out += (out.empty() ? "" : "\n") + part;
        }
    }
    return out;
}

// A relay's heading names the replier, and a flag's notice to the moderators names the flagger,
// as a Slack mention (<@U…>) which the adapter put there so Slack shows their name (neither is
// anonymous): the one token in the bot's own text that is let through. No author's words reach
// either kind's text. Every other <…> stays escaped.
std::string bot_text(const bot::message& m) {
    std::string text = escape_user_text(m.text);
    if (m.kind != message_kind::relay && m.kind != message_kind::moderator_notice) {
        return text;
    }
    static constexpr std::string_view open = "&lt;@\u200B";
    static constexpr std::string_view close = "&gt;";
    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
        const auto id_start = at + open.size();
        auto id_end = id_start;
        while (id_end < text.size() && (std::isupper(static_cast<unsigned char>(text[id_end])) != 0 ||
                                        std::isdigit(static_cast<unsigned char>(text[id_end])) != 0)) {
            ++id_end;
        }
        if (id_end > id_start && text.compare(id_end, close.size(), close) == 0) {
            text.replace(at, id_end + close.size() - at,
                         "<@" + text.substr(id_start, id_end - id_start) + ">");
        }
    }
    return text;
}

} // namespace

json blocks_for(const bot::message& m) {
    json blocks = json::array();
    const std::string text = bot_text(m);
    const std::string body = escape_user_text(m.body);
    const std::size_t actions = (m.buttons.empty() ? 0U : 1U) + (m.choices.empty() ? 0U : 1U);
    const std::size_t room = limit::blocks_per_message - actions;
    switch (m.kind) {
    case message_kind::notice:
    case message_kind::moderator_notice:
        add_sections(blocks, text, block_id::heading, room);
        break;
    case message_kind::preview:
        add_heading(blocks, text);
        add_sections(blocks, body, block_id::body, room - blocks.size(), "> "); // quoted
        break;
    case message_kind::channel_post:
        add_context(blocks, post_header(m), block_id::heading);
        add_sections(blocks, body, block_id::body, room - blocks.size());
        break;
    case message_kind::thread_answer:
        add_sections(blocks, body, block_id::body, room - (text.empty() ? 0 : 1));
        add_context(blocks, text, block_id::signature);
        break;
    case message_kind::queue_item:
    case message_kind::relay:
        add_heading(blocks, text);
        add_sections(blocks, body, block_id::body, room - blocks.size());
        break;
    }
    add_choices(blocks, m);
    add_actions(blocks, m);
    return blocks;
}

std::string fallback_text(const bot::message& m) {
    const std::string text = bot_text(m);
    const std::string body = escape_user_text(m.body);
    std::string out;
    switch (m.kind) {
    case message_kind::channel_post:
        out = join_lines({post_header(m), body});
        break;
    case message_kind::thread_answer:
        out = join_lines({body, text});
        break;
    default:
        out = join_lines({text, body});
        break;
    }
    return detail::truncate(out, limit::fallback_text);
}

json post_message_body(std::string_view channel, const bot::message& m,
                       std::string_view thread_ts) {
    json out{{"channel", channel},
             {"text", fallback_text(m)},
             {"blocks", blocks_for(m)},
             {"unfurl_links", false}, // a link preview could carry the author's context
             {"unfurl_media", false}};
    if (!thread_ts.empty()) {
        out["thread_ts"] = thread_ts;
    }
    return out;
}

json update_message_body(std::string_view channel, std::string_view ts, const bot::message& m) {
    return json{
        {"channel", channel}, {"ts", ts}, {"text", fallback_text(m)}, {"blocks", blocks_for(m)}};
}

json ephemeral_response(const std::vector<bot::message>& messages) {
    std::string text;
    json blocks = json::array();
    for (std::size_t k = 0; k < messages.size(); ++k) {
        text += (text.empty() ? "" : "\n") + fallback_text(messages[k]);
        for (json& block : blocks_for(messages[k])) {
            if (blocks.size() == limit::blocks_per_message) {
                break;
            }
            if (k > 0) { // block ids must stay unique across the messages joined here
                block["block_id"] =
                    block["block_id"].get<std::string>() + "_m" + std::to_string(k + 1);
            }
            blocks.push_back(std::move(block));
        }
    }
    return json{{"response_type", "ephemeral"},
                {"text", detail::truncate(text, limit::fallback_text)},
                {"blocks", std::move(blocks)}};
}

json webhook_body(const bot::message& m) {
    return json{{"text", fallback_text(m)},
                {"blocks", blocks_for(m)},
                {"unfurl_links", false},
                {"unfurl_media", false}};
}

} // namespace openfloor::slack
