// hostile_inputs: the platform-neutral bodies every adapter's decoders must survive without
// throwing: empty, truncated and bare JSON, binary bytes, broken form encoding, 10,000-deep
// nesting. Each adapter's hostile_input_test adds its own payload shapes on top.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace openfloor::testing {

inline constexpr std::size_t hostile_depth = 10'000;

// {"a":{"a":…1…}}: `depth` objects, each the value of the one around it.
inline std::string nested_objects(std::size_t depth = hostile_depth) {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) {
        out += R"({"a":)";
    }
    return out + "1" + std::string(depth, '}');
}

inline const std::vector<std::string>& generic_hostile_json() {
    static const std::vector<std::string> inputs{
        "",
        " ",
        "{",
        "}",
        "null",
        "true",
        "42",
        "\"str\"",
        "[]",
        "{}",
        std::string{'\0', '\x01', '\x02'},
        "%",
        "a=%1",
        "=&=&&=",
        std::string(hostile_depth, '[') + std::string(hostile_depth, ']'),
        std::string(hostile_depth, '{') + std::string(hostile_depth, '}'),
        nested_objects(),
        std::string(hostile_depth, '['), // never closed
    };
    return inputs;
}

// generic_hostile_json() followed by one platform's own cases.
inline std::vector<std::string> hostile_json_with(const std::vector<std::string>& platform_cases) {
    std::vector<std::string> out = generic_hostile_json();
    out.insert(out.end(), platform_cases.begin(), platform_cases.end());
    return out;
}

} // namespace openfloor::testing
