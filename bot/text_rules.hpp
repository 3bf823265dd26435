// Rules over what people write: length in code points and blocked words. Text is never changed
// here (no normalisation): emoji and right-to-left text pass through exactly as written.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::bot {

// Unicode code points in UTF-8 text (continuation bytes are not counted).
std::size_t code_points(std::string_view utf8);

// At most `limit` bytes of UTF-8 text, backing off so that no character is cut in two.
std::string utf8_prefix(std::string_view utf8, std::size_t limit);

// The first blocked word found as a whole word, case-insensitively (ASCII case folding; bytes of
// non-ASCII letters count as word characters, so "café" is one word).
std::optional<std::string> find_blocked_word(std::string_view text,
                                             const std::vector<std::string>& blocked);

// ASCII letters lower-cased, every other byte kept (keywords, channel keys, blocked words).
std::string lower_ascii(std::string_view s);

// Whitespace-only or empty.
bool is_blank(std::string_view text);

} // namespace openfloor::bot
