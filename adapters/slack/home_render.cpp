// bot::home_view → a Block Kit Home tab (platforms.md §A4, §A7). Like render.cpp: user text is
// escaped before it reaches a mrkdwn field, and every mrkdwn field is verbatim.
#include "adapters/slack/home_render.hpp"

#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"
#include "adapters/slack/text_split.hpp"

#include <algorithm>
#include <cctype>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

// Past this much of a post's text, the Home shows its beginning: the channel has the rest.
constexpr std::size_t body_excerpt = 600;

json mrkdwn_section(const std::string& text, std::string block) {
    return json{{"type", "section"},
                {"block_id", std::move(block)},
                {"text",
                 {{"type", "mrkdwn"},
                  {"text", detail::truncate(text.empty() ? " " : text, limit::section_text)},
                  {"verbatim", true}}}};
}

// A thread replier as the relay names them: "<@U…>" is the one token let through, so Slack
// shows their name (they are not anonymous). Any other name (an anonymous answerer's made-up
// one) is text, escaped like the rest.
std::string replier(const std::string& name) {
    const bool mention = name.size() > 3 && name.starts_with("<@") && name.back() == '>' &&
                         std::all_of(name.begin() + 2, name.end() - 1, [](unsigned char c) {
                             return std::isupper(c) != 0 || std::isdigit(c) != 0;
                         });
    return mention ? name : escape_user_text(name);
}

std::string quoted(const std::string& body) {
    std::string out = "> ";
    for (const char c : detail::truncate(escape_user_text(body), body_excerpt)) {
        out += c;
        if (c == '\n') {
            out += "> ";
        }
    }
    return out;
}

std::string lines_text(const bot::home_post_view& p) {
    std::string out;
    for (const bot::home_line& l : p.lines) {
        out += out.empty() ? "" : "\n";
        // A notice is the bot's own sentence; a reply is its replier's name, then their words.
        out += l.name.empty() ? escape_user_text(l.text)
                              : "*" + replier(l.name) + "*: " + escape_user_text(l.text);
    }
    // Over the section limit the newest lines matter most: keep the end, from a line's start
    // (so no entity or character is cut); one line longer than that keeps its beginning.
    if (out.size() > limit::section_text) {
        const std::string tail = out.substr(out.size() - (limit::section_text - 8));
        const auto line = tail.find('\n');
        out = line == std::string::npos ? detail::truncate(out, limit::section_text)
                                        : std::string(detail::ellipsis) + tail.substr(line);
    }
    return out;
}

void add_post(json& blocks, const bot::home_post_view& p) {
    const std::string n = std::to_string(p.number);
    blocks.push_back(json{{"type", "divider"}});
    std::string head = "*" + escape_user_text(p.heading) + "*";
    if (!p.body.empty()) {
        head += "\n" + quoted(p.body);
    }
    blocks.push_back(mrkdwn_section(head, "of_home_post_" + n));
    if (p.lines.empty()) {
        blocks.push_back(
            json{{"type", "context"},
                 {"block_id", "of_home_none_" + n},
                 {"elements", json::array({{{"type", "mrkdwn"},
                                            {"text", detail::truncate(escape_user_text(p.no_lines),
                                                                      limit::context_text)},
                                            {"verbatim", true}}})}});
    } else {
        blocks.push_back(mrkdwn_section(lines_text(p), "of_home_lines_" + n));
    }
    const std::string_view id = bot::action_id(p.reply.action);
    blocks.push_back(
        json{{"type", "actions"},
             {"block_id", "of_home_actions_" + n},
             {"elements",
              json::array({{{"type", "button"},
                            {"action_id", id},
                            {"text",
                             {{"type", "plain_text"},
                              {"text", detail::truncate(p.reply.label.empty() ? id : p.reply.label,
                                                        limit::button_text)},
                              {"emoji", true}}},
                            {"value", p.reply.value}}})}});
}

} // namespace

json home_tab_view(const bot::home_view& v) {
    json blocks = json::array();
    blocks.push_back(mrkdwn_section(escape_user_text(v.intro), "of_home_intro"));
    constexpr std::size_t per_post = 4; // divider, heading, lines, actions
    for (const bot::home_post_view& p : v.posts) {
        if (blocks.size() + per_post > limit::blocks_per_modal) {
            break; // the same 100 blocks as a modal; the document keeps fewer posts anyway
        }
        add_post(blocks, p);
    }
    return json{{"type", "home"}, {"blocks", std::move(blocks)}};
}

json views_publish_body(std::string_view user_id, const bot::home_view& v) {
    return json{{"user_id", user_id}, {"view", home_tab_view(v)}};
}

json post_ephemeral_body(std::string_view channel, std::string_view user, const bot::message& m) {
    return json{{"channel", channel},
                {"user", user},
                {"text", fallback_text(m)},
                {"blocks", blocks_for(m)}};
}

} // namespace openfloor::slack
