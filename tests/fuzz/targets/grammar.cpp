// fuzz_grammar: any line a person can DM the bot, through the DM grammar (bot/grammar), the
// duration parser of "ban N 7d", and the text rules every post meets (length, blocked words).
#include "bot/grammar.hpp"
#include "bot/text_rules.hpp"
#include "tests/fuzz/rig/expect.hpp"
#include "tests/fuzz/targets.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace openfloor::fuzz {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool trimmed(std::string_view s) {
    return s.empty() || (!is_space(s.front()) && !is_space(s.back()));
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

bool key_chars(std::string_view key) {
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// What each kind of command promises about the line it came from.
void check_command(const bot::command& cmd, std::string_view line) {
    if (const auto* post = std::get_if<bot::post_command>(&cmd)) {
        // Nothing is swallowed: the text is a part of the line, and without a "#channel" the
        // whole (trimmed) line is kept in text_with_word.
        expect(contains(line, post->text_with_word), "post text_with_word not from the line");
        expect(contains(post->text_with_word, post->text), "post text not within text_with_word");
        expect(trimmed(post->text) && trimmed(post->text_with_word), "post text not trimmed");
        if (post->channel_key) {
            expect(!post->channel_key->empty() && key_chars(*post->channel_key),
                   "channel key with other characters");
        } else {
            expect(!post->text_with_word.empty() || bot::is_blank(line) ||
                       line.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos,
                   "a non-blank line lost its text");
        }
        if (!post->category_word) {
            expect(post->text == post->text_with_word, "text cut without a category word");
        }
        return;
    }
    if (const auto* reply = std::get_if<bot::reply_command>(&cmd)) {
        expect(reply->number > 0 && trimmed(reply->text), "reply: bad number or untrimmed text");
        return;
    }
    if (const auto* del = std::get_if<bot::delete_command>(&cmd)) {
        expect(del->number > 0 && trimmed(del->reason), "delete: bad number or untrimmed reason");
        return;
    }
    if (const auto* mod = std::get_if<bot::moderator_command>(&cmd)) {
        expect(mod->number > 0 && trimmed(mod->argument), "moderator: bad number or argument");
        expect(!bot::to_string(mod->op).empty() && bot::to_string(mod->op) != "?", "unknown op");
        return;
    }
    if (const auto* stats = std::get_if<bot::stats_command>(&cmd)) {
        expect(stats->days >= 1 && stats->days <= 3650, "stats: days out of range");
    }
}

// Two parses of the same words must agree: the grammar ignores surrounding whitespace.
bool same(const bot::command& a, const bot::command& b) {
    if (a.index() != b.index()) {
        return false;
    }
    if (const auto* p = std::get_if<bot::post_command>(&a)) {
        const auto& q = std::get<bot::post_command>(b);
        return p->channel_key == q.channel_key && p->category_word == q.category_word &&
               p->text == q.text && p->text_with_word == q.text_with_word;
    }
    if (const auto* p = std::get_if<bot::reply_command>(&a)) {
        const auto& q = std::get<bot::reply_command>(b);
        return p->number == q.number && p->text == q.text;
    }
    if (const auto* p = std::get_if<bot::delete_command>(&a)) {
        const auto& q = std::get<bot::delete_command>(b);
        return p->number == q.number && p->reason == q.reason;
    }
    if (const auto* p = std::get_if<bot::moderator_command>(&a)) {
        const auto& q = std::get<bot::moderator_command>(b);
        return p->op == q.op && p->number == q.number && p->argument == q.argument;
    }
    if (const auto* p = std::get_if<bot::stats_command>(&a)) {
        return p->days == std::get<bot::stats_command>(b).days;
    }
    return true; // help, cancel, confirm carry nothing
}

void check_duration(std::string_view text) {
    const auto d = bot::parse_duration(text);
    if (d.ok && d.value) {
        // At most 100,000 weeks: far from overflowing anything that adds it to a time_point.
        expect(d.value->count() > 0 && *d.value <= std::chrono::hours(24 * 7 * 100'000),
               "duration out of range");
    }
    expect(d.ok || !d.value, "a refused duration with a value");
}

} // namespace

int fuzz_grammar(const std::uint8_t* data, std::size_t size) {
    const std::string line(reinterpret_cast<const char*>(data), size);
    const bot::command cmd = bot::parse_command(line);
    check_command(cmd, line);
    expect(same(cmd, bot::parse_command(" \n" + line + "\t ")), "whitespace changed the parse");

    if (const auto* mod = std::get_if<bot::moderator_command>(&cmd)) {
        check_duration(mod->argument);
    }
    check_duration(line);

    static const std::vector<std::string> blocked{"idiot", "stupid", "café", "two words"};
    if (auto word = bot::find_blocked_word(line, blocked)) {
        expect(std::find(blocked.begin(), blocked.end(), bot::lower_ascii(*word)) !=
                       blocked.end() ||
                   std::any_of(blocked.begin(), blocked.end(),
                               [&](const std::string& b) { return bot::lower_ascii(b) == *word; }),
               "a blocked word that is not on the list");
    }
    expect(bot::code_points(line) <= line.size(), "more code points than bytes");
    expect(bot::lower_ascii(line).size() == line.size(), "lower_ascii changed the length");
    return 0;
}

} // namespace openfloor::fuzz
