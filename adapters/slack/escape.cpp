// Slack's three control characters in and out (platforms.md §A7): decode what Slack escaped,
// escape what we send, and make every '@' inert with a zero width space.
#include "adapters/slack/render.hpp"

#include <array>
#include <utility>

namespace openfloor::slack {
namespace {

constexpr std::array<std::pair<std::string_view, char>, 3> entities{{
    {"&amp;", '&'},
    {"&lt;", '<'},
    {"&gt;", '>'},
}};

} // namespace

std::string decode_incoming(std::string_view slack_text) {
    std::string out;
    out.reserve(slack_text.size());
    std::size_t i = 0;
    while (i < slack_text.size()) {
        bool replaced = false;
        if (slack_text[i] == '&') {
            for (const auto& [entity, c] : entities) {
                if (slack_text.substr(i).starts_with(entity)) {
                    out += c;
                    i += entity.size(); // one pass: "&amp;lt;" stays "&lt;", as written
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out += slack_text[i++];
        }
    }
    return out;
}

std::string escape_user_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '@':
            // A zero width space after '@' keeps "@here" readable but no longer a keyword,
            // even for a client that parses plain text for mentions.
            out += "@\u200B";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace openfloor::slack
