// The DM grammar of product.md §2: what a line written to the bot asks for. Parsing is purely
// syntactic; the core resolves channel keys and category keywords against the config.
#pragma once

#include "bot/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace openfloor::bot {

struct help_command {};
struct cancel_command {};
struct confirm_command {}; // "post": confirms the waiting draft (previews without buttons)

struct reply_command {
    post_number number = 0;
    std::string text;
};

struct delete_command {
    post_number number = 0;
    std::string reason;
};

enum class moderator_op { approve, reject, ban, unban, lock, unlock, restore };
std::string_view to_string(moderator_op op);

struct moderator_command {
    moderator_op op = moderator_op::approve;
    post_number number = 0;
    std::string argument; // reject: reason; ban: duration
};

struct stats_command {
    int days = 30;
};

// Everything else: a post. `category_word` is the first word of `text` when it may name a
// category: "word:" anywhere first, or a bare word right after an explicit "#channel".
struct post_command {
    std::optional<std::string> channel_key;
    std::optional<std::string> category_word;
    std::string text;           // the text after the channel and category
    std::string text_with_word; // the same text if category_word turns out not to be a keyword
};

using command = std::variant<help_command, cancel_command, confirm_command, reply_command,
                             delete_command, moderator_command, stats_command, post_command>;

command parse_command(std::string_view line);

// A post reference as buttons and forms carry it ("12", "#12"); nullopt for anything else.
std::optional<post_number> parse_post_number(std::string_view text);

// "7d", "12h", "30m" → seconds; "" → permanent (nullopt with ok = true); anything else: ok false.
struct duration_parse {
    bool ok = false;
    std::optional<std::chrono::seconds> value;
};
duration_parse parse_duration(std::string_view text);

} // namespace openfloor::bot
