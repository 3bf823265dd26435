// Cutting escaped mrkdwn to Slack's size limits without breaking an &amp; entity, a UTF-8
// character or an "@ + zero width space" pair in two. Internal to slack/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::slack::detail {

inline constexpr std::string_view ellipsis = "\u2026";

// Pieces of at most `limit` bytes that, concatenated, give `escaped` back (each line of a piece
// starting with `line_prefix`, e.g. "> " for a quote). Cuts prefer a newline, then a space.
std::vector<std::string> split_mrkdwn(std::string_view escaped, std::size_t limit,
                                      std::string_view line_prefix = {});

// The longest prefix of whole units that fits in `limit` bytes.
std::string cut(std::string_view text, std::size_t limit);

// `text` if it fits in `limit` bytes, otherwise cut to fit with "…" at the end.
std::string truncate(std::string_view text, std::size_t limit);

} // namespace openfloor::slack::detail
