// The fuzz targets: each feeds arbitrary bytes through openfloor's real code for one kind of
// untrusted input, and aborts (so libFuzzer and the replay test see it) when an invariant
// breaks. The same functions run under libFuzzer (libfuzzer_main.cpp) and in the ordinary test
// build (tests/fuzz_replay), which replays corpus/<name>/ and regressions/<name>/.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace openfloor::fuzz {

// Slack: the signature check over headers and body, form and JSON decoding, and the HTTP
// endpoints' dispatch of a signed request into the core; Socket Mode frames; Web API answers.
int fuzz_slack(const std::uint8_t* data, std::size_t size);
// Mattermost: websocket frames (data.post parsed twice) into the core, catch-up post lists,
// action callbacks with their signature check, slash commands, REST answers.
int fuzz_mattermost(const std::uint8_t* data, std::size_t size);
// config::load_text over any text, with a fixed environment.
int fuzz_config(const std::uint8_t* data, std::size_t size);
// The DM grammar (bot/grammar) and the duration parser it uses.
int fuzz_grammar(const std::uint8_t* data, std::size_t size);

struct target {
    std::string_view name; // the folder under corpus/ and regressions/
    int (*run)(const std::uint8_t*, std::size_t);
};

inline constexpr std::array<target, 4> all_targets{{
    {"slack", fuzz_slack},
    {"mattermost", fuzz_mattermost},
    {"config", fuzz_config},
    {"grammar", fuzz_grammar},
}};

} // namespace openfloor::fuzz
