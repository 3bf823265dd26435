// parse_json's depth guard on the hostile shapes of issue #6: 100,000 unclosed or closed
// brackets and objects are refused quickly and without recursion, while brackets inside strings
// do not count and a document exactly at the limit still parses.
#include "adapters/transport/json_read.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace openfloor::testing {
namespace {

using transport::payload::default_max_json_depth;
using transport::payload::json;
using transport::payload::parse_json;

constexpr std::size_t hostile = 100'000;

std::string arrays(std::size_t depth, bool closed = true) {
    return std::string(depth, '[') + (closed ? std::string(depth, ']') : std::string());
}

std::string objects(std::size_t depth) {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) {
        out += R"({"a":)";
    }
    return out + "1" + std::string(depth, '}');
}

TEST(JsonDepth, RefusesAHundredThousandLevelsQuickly) {
    const auto began = std::chrono::steady_clock::now();
    json out;
    EXPECT_FALSE(parse_json(arrays(hostile, false), out));
    EXPECT_FALSE(parse_json(arrays(hostile), out));
    EXPECT_FALSE(parse_json(objects(hostile), out));
    EXPECT_FALSE(parse_json(R"({"event":{"text":"hi","blocks":)" + arrays(hostile) + "}}", out));
    EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(1));
}

TEST(JsonDepth, ParsesADocumentExactlyAtTheLimitAndRefusesOneDeeper) {
    json out;
    EXPECT_TRUE(parse_json(arrays(default_max_json_depth), out));
    EXPECT_FALSE(parse_json(arrays(default_max_json_depth + 1), out));
    EXPECT_TRUE(parse_json(objects(default_max_json_depth), out));
    EXPECT_FALSE(parse_json(objects(default_max_json_depth + 1), out));
}

TEST(JsonDepth, BracketsInsideStringsDoNotCount) {
    json out;
    const std::string text = R"({"text":")" + arrays(hostile) + R"(\"[[[{{{"})";
    ASSERT_TRUE(parse_json(text, out));
    EXPECT_EQ(out["text"].get<std::string>().size(), 2 * hostile + 7);
}

} // namespace
} // namespace openfloor::testing
