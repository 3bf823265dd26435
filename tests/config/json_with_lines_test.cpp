// The line bookkeeping under the loader: keys, array elements and numbers at line ends.
#include "config/json_with_lines.hpp"

#include <gtest/gtest.h>

namespace openfloor::config::detail {
namespace {

TEST(ConfigJsonWithLines, RecordsTheLineOfEveryKeyAndArrayElement) {
    const auto parsed = parse_json_with_lines(R"({
  // a comment with "quotes": and { braces
  "a": {
    "b": 1
  },
  "list": [
    "x",
    { "y": true },
    7
  ],
  /* multi
     line */ "c": null
})");
    ASSERT_TRUE(parsed.complete);
    EXPECT_TRUE(parsed.problems.empty());
    EXPECT_EQ(parsed.lines.at(""), 1);
    EXPECT_EQ(parsed.lines.at("a"), 3);
    EXPECT_EQ(parsed.lines.at("a.b"), 4);
    EXPECT_EQ(parsed.lines.at("list"), 6);
    EXPECT_EQ(parsed.lines.at("list[0]"), 7);
    EXPECT_EQ(parsed.lines.at("list[1]"), 8);
    EXPECT_EQ(parsed.lines.at("list[1].y"), 8);
    EXPECT_EQ(parsed.lines.at("list[2]"), 9); // the lexer read the '\n' after 7 to end it
    EXPECT_EQ(parsed.lines.at("c"), 12);
    EXPECT_EQ(parsed.root["list"][2], 7);
}

TEST(ConfigJsonWithLines, KeepsObjectKeysInFileOrder) {
    const auto parsed = parse_json_with_lines(R"({"zeta": 1, "alpha": 2})");
    ASSERT_TRUE(parsed.complete);
    EXPECT_EQ(parsed.root.begin().key(), "zeta");
}

TEST(ConfigJsonWithLines, MarksAFailedParseIncomplete) {
    const auto parsed = parse_json_with_lines("{\n\n  \"a\": tru\n}");
    EXPECT_FALSE(parsed.complete);
    ASSERT_EQ(parsed.problems.size(), 1U);
    EXPECT_EQ(parsed.problems[0].line, 3);
}

} // namespace
} // namespace openfloor::config::detail
