// Broken and hostile files: each becomes problems with a line, never a crash or a throw.
#include "tests/config/config_fixture.hpp"

#include <random>

namespace openfloor::testing {
namespace {

using ConfigHostileInput = ConfigTest;
using strings = std::vector<std::string>;

TEST_F(ConfigHostileInput, ReportsASyntaxErrorAtItsLine) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" }
  "channels": []
})");
    EXPECT_FALSE(result.value);
    EXPECT_EQ(printed(result),
              strings{"f:4: (json): syntax error while parsing object - unexpected string literal; "
                      "expected '}'"});
}

TEST_F(ConfigHostileInput, ReportsAnUnterminatedStringAtItsOwnLine) {
    const auto result = load("{\n  \"locale\": \"en\n}\n");
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].line, 2);
    EXPECT_EQ(result.problems[0].path, "(json)");
}

TEST_F(ConfigHostileInput, ReportsAnUnreadableFile) {
    const auto missing = config::load_file(dir().file("nope.jsonc").string(), env());
    ASSERT_EQ(missing.problems.size(), 1U);
    EXPECT_EQ(config::format(missing.problems[0]),
              dir().file("nope.jsonc").string() +
                  ":0: (file): cannot read: No such file or directory");

    const auto directory = config::load_file(dir().path().string(), env());
    ASSERT_EQ(directory.problems.size(), 1U);
    EXPECT_EQ(directory.problems[0].path, "(file)");
    EXPECT_FALSE(directory.value);
}

TEST_F(ConfigHostileInput, RefusesDeepNestingWithoutCrashing) {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    const auto result = load(deep);
    EXPECT_EQ(printed(result), strings{"f:1: (json): nested deeper than 64 levels"});

    std::string objects;
    for (int i = 0; i < 70; ++i) {
        objects += R"({"a":)";
    }
    EXPECT_EQ(printed(load(objects)), strings{"f:1: (json): nested deeper than 64 levels"});
}

TEST_F(ConfigHostileInput, ReportsNumbersTooLargeForAnyType) {
    const auto result = load("{\n\"server\": { \"max_body_bytes\": 1e999 }\n}");
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].line, 2);
    EXPECT_NE(result.problems[0].message.find("number overflow"), std::string::npos);

    const auto big = load(R"({"server": {"max_body_bytes": 18446744073709551615}})");
    EXPECT_NE(::testing::PrintToString(printed(big))
                  .find("server.max_body_bytes: must be at most 9223372036854775807, got "
                        "18446744073709551615"),
              std::string::npos);
}

TEST_F(ConfigHostileInput, ReportsInvalidUtf8) {
    const auto result = load("{\n\"locale\": \"e\xff\xfe\"\n}");
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].line, 2);
    EXPECT_NE(result.problems[0].message.find("UTF-8"), std::string::npos);
    // Whatever the bytes, what we print is plain ASCII.
    for (const char c : result.problems[0].message) {
        EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(c);
    }
}

TEST_F(ConfigHostileInput, SurvivesEmptyAndNonObjectFiles) {
    EXPECT_EQ(load("").problems.size(), 1U);
    EXPECT_EQ(load("// only a comment\n").problems.size(), 1U);
    EXPECT_EQ(printed(load("[1, 2]")), strings{"f:1: (root): expected an object, got an array"});
    EXPECT_EQ(printed(load(std::string("{\"a\":\0}", 7))).size(), 1U);
    EXPECT_EQ(printed(load("{} {}")).size(), 1U); // trailing content
}

TEST_F(ConfigHostileInput, SurvivesRandomBytes) {
    std::mt19937 random(20240601); // fixed seed: a failure reproduces
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 200; ++round) {
        std::string junk(static_cast<std::size_t>(round * 7 + 1), '\0');
        for (char& c : junk) {
            c = static_cast<char>(byte(random));
        }
        const auto result = config::load_text(junk, "junk", env());
        EXPECT_FALSE(result.value);
        EXPECT_FALSE(result.problems.empty());
    }
}

TEST_F(ConfigHostileInput, SurvivesEveryCutAndMangledVersionOfAGoodConfig) {
    // Every prefix of a good config, and the config with each byte replaced by a brace.
    for (std::size_t cut = 0; cut < minimal_config.size(); ++cut) {
        const auto prefix = config::load_text(minimal_config.substr(0, cut), "cut", env());
        EXPECT_FALSE(prefix.value);
        std::string mangled = minimal_config;
        mangled[cut] = '{';
        const auto m = config::load_text(mangled, "mangled", env());
        EXPECT_EQ(m.value.has_value(), m.problems.empty());
    }
}

TEST_F(ConfigHostileInput, ReportsWrongTypesForWholeBlocks) {
    const auto result = load(R"({
  "identity": "secret",
  "slack": [],
  "channels": {},
  "categories": 3,
  "moderation": { "channel": "C1", "moderators": [1] },
  "posting": { "delay_seconds": [1] }
})");
    EXPECT_EQ(printed(result),
              (strings{
                  "f:2: identity: expected an object, got a string",
                  "f:3: slack: expected an object, got an array",
                  "f:4: channels: expected an array of channels, got an object",
                  "f:5: categories: expected an object of categories, got an integer",
                  "f:6: moderation.channel: expected an object, got a string",
                  "f:6: moderation.moderators[0]: expected a string, got an integer",
                  "f:7: posting.delay_seconds: needs exactly two integers [min, max], got 1",
              }));
}

} // namespace
} // namespace openfloor::testing
