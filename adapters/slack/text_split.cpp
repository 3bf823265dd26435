// Unit-aware splitting and truncation of escaped mrkdwn (text_split.hpp).
#include "adapters/slack/text_split.hpp"

namespace openfloor::slack::detail {
namespace {

constexpr std::string_view zero_width_space = "\u200B";

// The length of the indivisible unit at `i`: an entity (&amp; &lt; &gt;), an '@' with its
// zero width space, or one UTF-8 character (a stray byte counts alone).
std::size_t unit_length(std::string_view s, std::size_t i) {
    const std::string_view rest = s.substr(i);
    if (rest.front() == '&') {
        for (std::string_view entity : {"&amp;", "&lt;", "&gt;"}) {
            if (rest.starts_with(entity)) {
                return entity.size();
            }
        }
        return 1;
    }
    if (rest.front() == '@' && rest.substr(1).starts_with(zero_width_space)) {
        return 1 + zero_width_space.size();
    }
    const auto lead = static_cast<unsigned char>(rest.front());
    std::size_t length = 1; // ASCII, or a byte that cannot start a character
    if (lead >= 0xC0 && lead < 0xE0) {
        length = 2;
    } else if (lead >= 0xE0 && lead < 0xF0) {
        length = 3;
    } else if (lead >= 0xF0 && lead < 0xF8) {
        length = 4;
    }
    return length <= rest.size() ? length : rest.size();
}

std::string with_prefix(std::string_view piece, std::string_view prefix) {
    if (prefix.empty()) {
        return std::string(piece);
    }
    std::string out(prefix);
    for (std::size_t i = 0; i < piece.size(); ++i) {
        out += piece[i];
        if (piece[i] == '\n' && i + 1 < piece.size()) {
            out += prefix;
        }
    }
    return out;
}

} // namespace

std::vector<std::string> split_mrkdwn(std::string_view escaped, std::size_t limit,
                                      std::string_view line_prefix) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < escaped.size()) {
        // Every line of a piece costs the prefix; counting it after each newline is an upper
        // bound (a trailing newline gets none), so a piece never exceeds the limit.
        std::size_t cost = line_prefix.size();
        std::size_t end = start;
        std::size_t after_newline = 0;
        std::size_t after_space = 0;
        while (end < escaped.size()) {
            const std::size_t length = unit_length(escaped, end);
            const std::size_t extra = escaped[end] == '\n' ? line_prefix.size() : 0;
            if (cost + length + extra > limit) {
                break;
            }
            cost += length + extra;
            end += length;
            if (escaped[end - 1] == '\n') {
                after_newline = end;
            } else if (escaped[end - 1] == ' ') {
                after_space = end;
            }
        }
        if (end < escaped.size()) {
            // Cut at a line break, else between words, if one lies in the piece's second half;
            // earlier than that would waste most of a section.
            const std::size_t half = start + (end - start) / 2;
            if (after_newline > half) {
                end = after_newline;
            } else if (after_space > half) {
                end = after_space;
            }
        }
        if (end == start) { // a limit smaller than one unit: nothing can fit
            break;
        }
        pieces.push_back(with_prefix(escaped.substr(start, end - start), line_prefix));
        start = end;
    }
    return pieces;
}

std::string cut(std::string_view text, std::size_t limit) {
    std::size_t end = 0;
    while (end < text.size()) {
        const std::size_t length = unit_length(text, end);
        if (end + length > limit) {
            break;
        }
        end += length;
    }
    return std::string(text.substr(0, end));
}

std::string truncate(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) {
        return std::string(text);
    }
    if (limit < ellipsis.size()) {
        return cut(text, limit);
    }
    return cut(text, limit - ellipsis.size()) + std::string(ellipsis);
}

} // namespace openfloor::slack::detail
