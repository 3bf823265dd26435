// Parses JSON with comments into a DOM and remembers the line of every key and array element,
// which nlohmann::json does not keep. Key paths look like "server.listen" and "channels[1].key".
#pragma once

#include "config/problem.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace openfloor::config::detail {

// ordered_json, because categories keep the order they are written in.
using json = nlohmann::ordered_json;
using line_map = std::map<std::string, int, std::less<>>;

// Deeper than any real config; hostile input is refused before it costs memory.
inline constexpr std::size_t max_depth = 64;

// ~basic_json flattens nested values into a std::vector, so clang-tidy sees a bad_alloc escape
// from nlohmann's noexcept destructor here; nothing of ours throws.
// NOLINTNEXTLINE(bugprone-exception-escape)
struct json_with_lines {
    json root;
    line_map lines;                // path -> line; "" is the root value
    std::vector<problem> problems; // syntax error, too deep, duplicate keys (file left empty)
    bool complete = false;         // false: root is partial and must not be validated
};

json_with_lines parse_json_with_lines(std::string_view text);

inline std::string join_path(std::string_view parent, std::string_view key) {
    std::string out(parent);
    if (!out.empty()) {
        out += '.';
    }
    // An empty key is written "" so that a problem can name it ("" alone is the root's path).
    out += key.empty() ? std::string_view(R"("")") : key;
    return out;
}

inline std::string index_path(std::string_view parent, std::size_t index) {
    return std::string(parent) + '[' + std::to_string(index) + ']';
}

} // namespace openfloor::config::detail
