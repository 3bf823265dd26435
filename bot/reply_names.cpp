// The word lists behind anonymous answerers' names. Every word is meant to be pleasant to be
// called: no animal that doubles as an insult. Appending words renames everyone, so the lists
// are part of what a release promises, like the seal formats: change them only on purpose.
#include "bot/reply_names.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace openfloor::bot {
namespace {

constexpr std::array<std::string_view, 64> adjectives{
    "amber",    "bold",     "bright",  "brisk",   "calm",     "candid", "cheerful", "clever",
    "coral",    "cosmic",   "curious", "daring",  "dapper",   "eager",  "earnest",  "easy",
    "fair",     "fearless", "festive", "frank",   "friendly", "gentle", "glad",     "golden",
    "graceful", "hardy",    "hearty",  "honest",  "hopeful",  "jolly",  "keen",     "kind",
    "lively",   "loyal",    "lucid",   "lucky",   "mellow",   "merry",  "mighty",   "misty",
    "modest",   "nimble",   "noble",   "patient", "placid",   "plucky", "polite",   "proud",
    "quick",    "quiet",    "radiant", "rapid",   "serene",   "shy",    "silver",   "sincere",
    "snowy",    "steady",   "sunny",   "swift",   "tidy",     "upbeat", "valiant",  "witty",
};

constexpr std::array<std::string_view, 72> nouns{
    "otter",  "heron",  "badger",  "beaver", "bison",    "crane",   "dolphin", "eagle",   "falcon",
    "finch",  "fox",    "gazelle", "hare",   "hedgehog", "ibis",    "jay",     "kestrel", "koala",
    "lark",   "lemur",  "lynx",    "magpie", "marten",   "meerkat", "moose",   "narwhal", "newt",
    "ocelot", "orca",   "osprey",  "owl",    "panda",    "pelican", "penguin", "puffin",  "quail",
    "raven",  "robin",  "salmon",  "seal",   "sparrow",  "stork",   "swan",    "tapir",   "tern",
    "walrus", "wombat", "wren",    "yak",    "zebra",    "alder",   "aspen",   "birch",   "cedar",
    "fern",   "maple",  "willow",  "brook",  "canyon",   "comet",   "glacier", "meadow",  "river",
    "summit", "tundra", "harbor",  "lagoon", "pebble",   "breeze",  "aurora",  "thistle", "clover",
};

// A list whose size is written out gets empty words if one goes missing: refuse to build then.
template <std::size_t N>
constexpr bool all_words(const std::array<std::string_view, N>& words) {
    for (const auto w : words) {
        if (w.empty()) {
            return false;
        }
    }
    return true;
}
static_assert(all_words(adjectives) && all_words(nouns));

// Eight hex digits as a number; 0 when the text is too short or not hex (a bug upstream, but
// a name is still better than no answer).
std::uint32_t hex_word(std::string_view hex, std::size_t offset) {
    if (hex.size() < offset + 8) {
        return 0;
    }
    std::uint32_t value = 0;
    const char* first = hex.data() + offset;
    auto [ptr, ec] = std::from_chars(first, first + 8, value, 16);
    return ec == std::errc{} && ptr == first + 8 ? value : 0;
}

} // namespace

std::string reply_name_words(std::string_view hash_hex) {
    const auto adjective = adjectives[hex_word(hash_hex, 0) % adjectives.size()];
    const auto noun = nouns[hex_word(hash_hex, 8) % nouns.size()];
    std::string out(adjective);
    out += ' ';
    out += noun;
    return out;
}

std::size_t reply_name_count() {
    return adjectives.size() * nouns.size();
}

} // namespace openfloor::bot
