// bot::message → Mattermost markdown and request bodies (platforms.md §B2, §B4–§B6). The bot's
// own words keep their markdown but lose their mentions; a person's words are escaped whole.
#include "adapters/mattermost/render.hpp"

#include "adapters/mattermost/protocol.hpp"

#include <utility>

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;
using bot::message_kind;

constexpr std::string_view ellipsis = "\u2026";

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

std::size_t runes(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += is_continuation(c) ? 0U : 1U;
    }
    return n;
}

// The first `count` code points of `text`, whole: the cut lands before a lead byte.
std::string_view first_runes(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_continuation(text[i]) && seen++ == count) {
            return text.substr(0, i);
        }
    }
    return text;
}

// head + body + tail within limit::message_runes. When it does not fit, the body gives way
// (ending in "…"), so that a preview keeps its hint and a thread answer its signature.
std::string fit(std::string_view head, std::string_view body, std::string_view tail) {
    const std::size_t limit = limit::message_runes;
    const std::size_t fixed = runes(head) + runes(tail);
    if (fixed + runes(body) <= limit) {
        return std::string(head).append(body).append(tail);
    }
    if (fixed + 1 <= limit) {
        return std::string(head)
            .append(first_runes(body, limit - fixed - 1))
            .append(ellipsis)
            .append(tail);
    }
    const std::string all = std::string(head).append(body).append(tail);
    return std::string(first_runes(all, limit - 1)).append(ellipsis);
}

// "> " before every line, empty ones included, so the quote runs unbroken.
std::string as_quote(std::string_view text) {
    std::string out = "> ";
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += "> ";
        }
    }
    return out;
}

// "**I noticed a mistake** · #12": the line a channel post shows above the text.
std::string post_header(const bot::message& m) {
    std::string out;
    if (!m.category_label.empty()) {
        out = "**" + escape_markdown(m.category_label) + "**";
    }
    if (m.number > 0) {
        out += (out.empty() ? "#" : " \u00B7 #") + std::to_string(m.number);
    }
    return out;
}

std::string with_number(std::string hint, bot::post_number number) {
    static constexpr std::string_view placeholder = "{n}";
    const std::string n = std::to_string(number);
    for (auto at = hint.find(placeholder); at != std::string::npos;
         at = hint.find(placeholder, at + n.size())) {
        hint.replace(at, placeholder.size(), n);
    }
    return hint;
}

// What a reader needs instead of buttons when the server has no public URL to call back.
std::string hint_for(const bot::message& m, const render_context& ctx) {
    if (!ctx.action_url.empty()) {
        return {};
    }
    if (m.kind == message_kind::preview) {
        return neutralise_mentions(ctx.answer_post_hint);
    }
    if (m.kind == message_kind::queue_item) {
        return neutralise_mentions(with_number(ctx.answer_review_hint, m.number));
    }
    return {};
}

std::string then(std::string_view separator, const std::string& part) {
    return part.empty() ? std::string() : std::string(separator).append(part);
}

std::string_view style_of(bot::action a) {
    switch (a) {
    case bot::action::confirm:
    case bot::action::approve:
        return "primary";
    case bot::action::cancel:
    case bot::action::reject:
        return "danger";
    case bot::action::reply:
    case bot::action::flag:
        break;
    }
    return "default"; // not every button shouts
}

// A button without a name is refused by newer servers, so the action id stands in.
std::string button_name(const bot::button& b) {
    return b.label.empty() ? std::string(bot::action_id(b.action)) : b.label;
}

json button_json(const bot::button& b, std::string_view channel_id, const render_context& ctx) {
    const std::string_view action = bot::action_id(b.action);
    json context{{context_key::action, action},
                 {context_key::ref, b.value},
                 {context_key::sig, ctx.signer->sign(action, b.value, channel_id)}};
    return json{{"id", button_id(b.action)},
                {"name", button_name(b)},
                {"type", "button"},
                {"style", style_of(b.action)},
                {"integration", json{{"url", ctx.action_url}, {"context", std::move(context)}}}};
}

// A context without a public URL: no buttons, so previews and queue items carry their hints.
render_context without_buttons(const render_context& ctx) {
    render_context plain = ctx;
    plain.action_url.clear();
    return plain;
}

std::string joined_text(const std::vector<bot::message>& messages, const render_context& ctx) {
    std::string text;
    for (const bot::message& m : messages) {
        const std::string part = message_text(m, ctx);
        if (!part.empty()) {
            text += (text.empty() ? "" : "\n\n") + part;
        }
    }
    return fit({}, text, {});
}

} // namespace

std::string message_text(const bot::message& m, const render_context& ctx) {
    const std::string text = neutralise_mentions(m.text); // ours: its markdown is meant
    const std::string body = escape_markdown(m.body);
    switch (m.kind) {
    case message_kind::notice:
    case message_kind::moderator_notice:
        return fit({}, text, {});
    case message_kind::preview:
        return fit(text.empty() ? std::string() : text + "\n\n",
                   body.empty() ? body : as_quote(body), then("\n\n", hint_for(m, ctx)));
    case message_kind::channel_post: {
        const std::string header = post_header(m);
        return fit(header.empty() || body.empty() ? header : header + "\n", body, {});
    }
    case message_kind::thread_answer:
        return fit({}, body, then(body.empty() ? "" : "\n", text));
    case message_kind::queue_item:
    case message_kind::relay:
        break;
    }
    return fit(text.empty() || body.empty() ? text : text + "\n", body,
               then("\n\n", hint_for(m, ctx)));
}

json props_for(const bot::message& m, std::string_view channel_id, const render_context& ctx) {
    if (m.buttons.empty() || ctx.action_url.empty() || ctx.signer == nullptr) {
        return json::object();
    }
    json actions = json::array();
    std::string fallback;
    for (const bot::button& b : m.buttons) {
        actions.push_back(button_json(b, channel_id, ctx));
        fallback += (fallback.empty() ? "" : " | ") + button_name(b);
    }
    json attachment{
        {"text", ""}, {"fallback", neutralise_mentions(fallback)}, {"actions", std::move(actions)}};
    return json{{"attachments", json::array({std::move(attachment)})}};
}

json post_body(std::string_view channel_id, const bot::message& m, const render_context& ctx,
               std::string_view root_id) {
    json out{{"channel_id", channel_id},
             {"message", message_text(m, ctx)},
             {"props", props_for(m, channel_id, ctx)}};
    if (!root_id.empty()) {
        out["root_id"] = root_id;
    }
    return out;
}

json patch_body(std::string_view channel_id, const bot::message& m, const render_context& ctx) {
    return json{{"message", message_text(m, ctx)}, {"props", props_for(m, channel_id, ctx)}};
}

json command_response(const std::vector<bot::message>& messages, const render_context& ctx) {
    return json{{"response_type", "ephemeral"},
                {"text", joined_text(messages, without_buttons(ctx))},
                {"skip_slack_parsing", true}};
}

json command_response_text(std::string_view bot_text) {
    return json{{"response_type", "ephemeral"},
                {"text", fit({}, neutralise_mentions(bot_text), {})},
                {"skip_slack_parsing", true}};
}

json action_response(const std::vector<bot::message>& messages, const render_context& ctx,
                     bool replace) {
    json out{{"skip_slack_parsing", true}};
    if (messages.empty()) {
        return out; // leaves the clicked post as it is; never an empty body (§B5)
    }
    std::string text = joined_text(messages, without_buttons(ctx));
    if (replace) {
        out["update"] = json{{"message", std::move(text)}, {"props", json::object()}};
    } else {
        out["ephemeral_text"] = std::move(text);
    }
    return out;
}

json ephemeral_body(std::string_view user_id, std::string_view channel_id,
                    const std::vector<bot::message>& messages, const render_context& ctx) {
    return json{{"user_id", user_id},
                {"post", json{{"channel_id", channel_id},
                              {"message", joined_text(messages, without_buttons(ctx))}}}};
}

json webhook_body(const bot::message& m, const render_context& ctx) {
    return json{{"text", message_text(m, without_buttons(ctx))}};
}

} // namespace openfloor::mattermost
