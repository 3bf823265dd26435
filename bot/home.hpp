// The Slack private inbox (privacy.notices "home", product.md §5): the sealed document an
// author's App Home is rebuilt from, and the view the adapter renders. One document per author,
// stored under a keyed hash of their pseudonym and sealed whole, so the database holds no row
// that several posts share in the clear.
#pragma once

#include "bot/ids.hpp"
#include "bot/message.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::bot {

// The author's posts a document keeps (newest first), and the lines kept per post.
inline constexpr std::size_t home_posts_kept = 20;
inline constexpr std::size_t home_lines_kept = 20;

// One thing that happened to a post: a reply relayed to its author, or an outcome notice.
struct home_line {
    std::string name; // who replied (as the relay names them); empty: the bot's own notice
    std::string text; // the reply as written, or the notice in the configured language
    time_point at;

    bool operator==(const home_line&) const = default;
};

// One of the author's posts, as their document remembers it. Its number, channel and state are
// read from the post itself when the view is built, so they are never stale.
struct home_entry {
    std::int64_t post_id = 0;
    time_point added;
    std::vector<home_line> lines; // oldest first

    bool operator==(const home_entry&) const = default;
};

struct home_document {
    std::vector<home_entry> posts; // newest post first, at most home_posts_kept

    // The entry of `post_id`, added in its place when missing (the oldest beyond the bound
    // go). nullptr when the document is full of newer posts.
    home_entry* entry_for(std::int64_t post_id, time_point added);
    // Adds `line` to the entry's lines, dropping the oldest beyond home_lines_kept.
    static void add_line(home_entry& e, home_line line);
    bool operator==(const home_document&) const = default;
};

// What sealed_payload and the document hold, encoded (compact JSON that stays in home_codec.cpp).
std::string encode(const home_document& d);
bool decode(std::string_view encoded, home_document& out);

// An ephemeral job's route: the DM channel it shows in and the one person who sees it.
struct ephemeral_route {
    std::string channel;
    std::string user;
};
std::string encode(const ephemeral_route& r);
bool decode(std::string_view encoded, ephemeral_route& out);

// ---- The view, built when a home_view job is sent; every word in the configured language ----

struct home_post_view {
    post_number number = 0;
    std::string heading;          // "#12 in #eng · Question · posted": the bot's words
    std::string body;             // the post as written; empty once retention took the text
    std::vector<home_line> lines; // replies (name + text) and notices (text), oldest first
    std::string no_lines;         // what to show when `lines` is empty
    button reply;                 // Reply: action::reply, value the post number
};

struct home_view {
    std::string intro; // above the posts; with none, the kind sentence on how to post
    std::vector<home_post_view> posts; // newest first
};

} // namespace openfloor::bot
