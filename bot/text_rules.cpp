// Length and blocked-word checks.
#include "bot/text_rules.hpp"

#include <algorithm>
#include <cctype>

namespace openfloor::bot {
namespace {

bool is_word_byte(unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c >= 0x80;
}

} // namespace

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string utf8_prefix(std::string_view utf8, std::size_t limit) {
    if (utf8.size() <= limit) {
        return std::string(utf8);
    }
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return std::string(utf8.substr(0, end));
}

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0; });
}

std::optional<std::string> find_blocked_word(std::string_view text,
                                             const std::vector<std::string>& blocked) {
    const std::string haystack = lower_ascii(text);
    for (const auto& word : blocked) {
        const std::string needle = lower_ascii(word);
        if (needle.empty()) {
            continue;
        }
        for (auto pos = haystack.find(needle); pos != std::string::npos;
             pos = haystack.find(needle, pos + 1)) {
            const bool starts =
                pos == 0 || !is_word_byte(static_cast<unsigned char>(haystack[pos - 1]));
            const auto end = pos + needle.size();
            const bool ends =
                end == haystack.size() || !is_word_byte(static_cast<unsigned char>(haystack[end]));
            if (starts && ends) {
                return word;
            }
        }
    }
    return std::nullopt;
}

} // namespace openfloor::bot
