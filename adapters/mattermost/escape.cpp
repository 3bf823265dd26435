// Person-written text made safe for Mattermost markdown (platforms.md §B6): punctuation that would
// format, link or quote is backslash-escaped, and every '@' is followed by a zero width space.
#include "adapters/mattermost/render.hpp"

namespace openfloor::mattermost {
namespace {

constexpr std::string_view zero_width_space = "\u200B";

// Everywhere in a line: emphasis, code, strike-through, links, headings and hashtags, tables,
// autolinks and quotes. '\' itself comes first, or "\*" typed by a person would unescape '*'.
constexpr std::string_view always_escaped = "\\`*_~[]#|<>";

bool is_blank_char(char c) {
    return c == ' ' || c == '\t';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (always_escaped.find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
}

// A line of only '-' or only '=' (trailing blanks allowed) turns the line above into a heading,
// or, for '-', draws a rule; one escaped character stops both.
bool is_underline(std::string_view rest) {
    while (!rest.empty() && (is_blank_char(rest.back()) || rest.back() == '\r')) {
        rest.remove_suffix(1);
    }
    if (rest.empty() || (rest.front() != '-' && rest.front() != '=')) {
        return false;
    }
    return rest.find_first_not_of(rest.front()) == std::string_view::npos;
}

// A list marker is followed by a blank or ends the line ("-" alone opens an empty item).
bool ends_marker(std::string_view rest, std::size_t at) {
    return at >= rest.size() || is_blank_char(rest[at]) || rest[at] == '\r';
}

// The length of "12." or "12)" (CommonMark allows up to nine digits) at the start of `rest`,
// or 0 when it is not an ordered-list marker.
std::size_t ordered_marker(std::string_view rest) {
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 10 && is_digit(rest[digits])) {
        ++digits;
    }
    if (digits == 0 || digits > 9 || digits >= rest.size()) {
        return 0;
    }
    if ((rest[digits] != '.' && rest[digits] != ')') || !ends_marker(rest, digits + 1)) {
        return 0;
    }
    return digits + 1;
}

void escape_line(std::string& out, std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && is_blank_char(line[indent])) {
        ++indent;
    }
    out.append(line.substr(0, indent));
    std::string_view rest = line.substr(indent);
    if (is_underline(rest) ||
        ((rest.starts_with('-') || rest.starts_with('+')) && ends_marker(rest, 1))) {
        out += '\\';
        out += rest.front();
        rest.remove_prefix(1);
    } else if (const std::size_t marker = ordered_marker(rest); marker > 0) {
        out.append(rest.substr(0, marker - 1)); // the digits
        out += '\\';
        out += rest[marker - 1]; // '.' or ')'
        rest.remove_prefix(marker);
    }
    append_escaped(out, rest); // '*', '>' and '#' markers are escaped here like anywhere else
}

} // namespace

std::string neutralise_mentions(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        out += c;
        if (c == '@') {
            // Mention detection splits words on runes that are not letters, digits or :.-_@;
            // U+200B is one, so "@\u200Bchannel" names nobody (a backslash would not help).
            out += zero_width_space;
        }
    }
    return out;
}

std::string escape_markdown(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (;;) {
        const std::size_t end = text.find('\n');
        escape_line(escaped, text.substr(0, end));
        if (end == std::string_view::npos) {
            break;
        }
        escaped += '\n';
        text.remove_prefix(end + 1);
    }
    return neutralise_mentions(escaped);
}

} // namespace openfloor::mattermost
