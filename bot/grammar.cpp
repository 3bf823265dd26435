// Parser of the DM grammar. Reserved words need their exact shape ("reply 12 text",
// "delete 12"); anything that does not fit is a post, so no text is ever swallowed.
#include "bot/grammar.hpp"

#include "bot/text_rules.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace openfloor::bot {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// Splits off the first word; `rest` keeps its inner whitespace (line breaks included).
std::pair<std::string_view, std::string_view> first_word(std::string_view s) {
    s = trim(s);
    auto end = std::find_if(s.begin(), s.end(), is_space);
    const auto n = static_cast<std::size_t>(end - s.begin());
    return {s.substr(0, n), trim(s.substr(n))};
}

std::optional<post_number> parse_number(std::string_view word) {
    if (!word.empty() && word.front() == '#') {
        word.remove_prefix(1);
    }
    if (word.empty() || word.size() > 15) {
        return std::nullopt;
    }
    post_number n = 0;
    auto [ptr, ec] = std::from_chars(word.data(), word.data() + word.size(), n);
    if (ec != std::errc{} || ptr != word.data() + word.size() || n <= 0) {
        return std::nullopt;
    }
    return n;
}

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           (c >= 'A' && c <= 'Z');
}

std::optional<moderator_op> moderator_word(std::string_view w) {
    static constexpr std::pair<std::string_view, moderator_op> words[] = {
        {"approve", moderator_op::approve}, {"reject", moderator_op::reject},
        {"ban", moderator_op::ban},         {"unban", moderator_op::unban},
        {"lock", moderator_op::lock},       {"unlock", moderator_op::unlock},
        {"restore", moderator_op::restore},
    };
    for (const auto& [word, op] : words) {
        if (w == word) {
            return op;
        }
    }
    return std::nullopt;
}

post_command parse_post(std::string_view line) {
    post_command post;
    std::string_view rest = trim(line);
    bool explicit_channel = false;
    auto [word, after] = first_word(rest);
    if (word.size() > 1 && word.front() == '#' &&
        std::all_of(word.begin() + 1, word.end(), is_key_char)) {
        post.channel_key = lower_ascii(word.substr(1));
        explicit_channel = true;
        rest = after;
    }
    post.text_with_word = std::string(rest);
    auto [candidate, remainder] = first_word(rest);
    if (candidate.size() > 1 && candidate.back() == ':') {
        post.category_word = lower_ascii(candidate.substr(0, candidate.size() - 1));
        post.text = std::string(remainder);
    } else if (explicit_channel && !candidate.empty() && !remainder.empty() &&
               std::all_of(candidate.begin(), candidate.end(), is_key_char)) {
        post.category_word = lower_ascii(candidate);
        post.text = std::string(remainder);
    } else {
        post.text = post.text_with_word;
    }
    return post;
}

} // namespace

std::string_view to_string(moderator_op op) {
    switch (op) {
    case moderator_op::approve:
        return "approve";
    case moderator_op::reject:
        return "reject";
    case moderator_op::ban:
        return "ban";
    case moderator_op::unban:
        return "unban";
    case moderator_op::lock:
        return "lock";
    case moderator_op::unlock:
        return "unlock";
    case moderator_op::restore:
        return "restore";
    }
    return "?";
}

command parse_command(std::string_view line) {
    const std::string_view text = trim(line);
    const auto [head, rest] = first_word(text);
    const std::string word = lower_ascii(head);

    if (rest.empty() && (word == "help" || word == "?")) {
        return help_command{};
    }
    if (rest.empty() && word == "cancel") {
        return cancel_command{};
    }
    if (rest.empty() && word == "post") {
        return confirm_command{};
    }
    const auto [number_word, tail] = first_word(rest);
    const auto number = parse_number(number_word);
    if (number) {
        if (word == "reply") {
            return reply_command{*number, std::string(tail)};
        }
        if (word == "delete") {
            return delete_command{*number, std::string(tail)};
        }
        if (auto op = moderator_word(word)) {
            return moderator_command{*op, *number, std::string(tail)};
        }
    }
    if (word == "stats") {
        if (rest.empty()) {
            return stats_command{};
        }
        if (number && tail.empty() && *number <= 3650) {
            return stats_command{static_cast<int>(*number)};
        }
    }
    return parse_post(text);
}

std::optional<post_number> parse_post_number(std::string_view text) {
    return parse_number(trim(text));
}

duration_parse parse_duration(std::string_view text) {
    text = trim(text);
    if (text.empty() || lower_ascii(text) == "permanent") {
        return {true, std::nullopt};
    }
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
    long long amount = 0;
    const auto digits = text.substr(0, text.size() - 1);
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
    if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() ||
        amount <= 0 || amount > 100'000) {
        return {};
    }
    switch (unit) {
    case 'm':
        return {true, std::chrono::minutes(amount)};
    case 'h':
        return {true, std::chrono::hours(amount)};
    case 'd':
        return {true, std::chrono::hours(24 * amount)};
    case 'w':
        return {true, std::chrono::hours(24 * 7 * amount)};
    default:
        return {};
    }
}

} // namespace openfloor::bot
