// Configs that do not load: every problem is reported at once, with its line and key path.
#include "tests/config/config_fixture.hpp"

namespace openfloor::testing {
namespace {

using ConfigProblems = ConfigTest;
using strings = std::vector<std::string>;

TEST_F(ConfigProblems, ReportsEveryProblemWithItsLine) {
    const auto result = load(R"({
  "server": { "listen": "localhost", "max_body_bytes": 10 },
  "identity": { "secret": "short" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [
    { "key": "Eng!", "channel_id": "C1" },
    { "key": "ops", "channel_id": "", "moderation": "post" }
  ],
  "log": { "level": "verbose" }
})");
    EXPECT_FALSE(result.value);
    EXPECT_EQ(
        printed(result),
        (strings{
            R"(f:2: server.listen: must be host:port, e.g. "127.0.0.1:8080")",
            "f:2: server.max_body_bytes: must be at least 1024, got 10",
            "f:3: identity.secret: secret is 5 bytes, needs at least 32",
            R"(f:6: channels[0].key: must be 1 to 32 of a-z, 0-9, '_' and '-', got "Eng!")",
            "f:7: channels[1].channel_id: must not be empty",
            R"(f:7: channels[1].moderation: must be "none" or "pre", got "post")",
            R"(f:9: log.level: must be "trace", "debug", "info", "warn" or "error", got "verbose")",
        }));
}

TEST_F(ConfigProblems, ReportsAnUnknownKeyDeepDownAtItsLine) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": {
    "tls": {
      "cert_fille": null
    }
  },
  "chanels": [],
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1", "colour": "red" } ]
})");
    EXPECT_EQ(printed(result),
              (strings{
                  R"(f:5: server.tls.cert_fille: unknown key; did you mean "cert_file"?)",
                  R"(f:8: chanels: unknown key; did you mean "channels"?)",
                  "f:10: channels[0].colour: unknown key; expected one of key, platform, "
                  "channel_id, categories, moderation, confirm, anonymous_replies, webhook_url, "
                  "digest",
              }));
}

TEST_F(ConfigProblems, ReportsTypeErrorsAndOutOfRangeNumbers) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": { "max_body_bytes": "big", "request_timeout_ms": 2.5 },
  "outbound": { "max_attempts": 101, "channel_interval_ms": -1, "timeout_ms": 99999999999999999999 },
  "slack": { "bot_token": 7, "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1", "confirm": "yes", "categories": "mistake" } ],
  "limits": [],
  "posting": { "delay_seconds": [30, 10] },
  "drafts": { "ttl_minutes": 0 }
})");
    EXPECT_EQ(
        printed(result),
        (strings{
            "f:3: server.max_body_bytes: expected an integer, got a string",
            "f:3: server.request_timeout_ms: expected an integer, got a number with a fraction",
            "f:4: outbound.timeout_ms: must be at most 2147483647, got 1e+20",
            "f:4: outbound.max_attempts: must be between 1 and 100, got 101",
            "f:4: outbound.channel_interval_ms: must be at least 0, got -1",
            "f:5: slack.bot_token: expected a string, got an integer",
            "f:6: channels[0].categories: expected an array of strings, got a string",
            "f:6: channels[0].confirm: expected true or false, got a string",
            "f:7: limits: expected an object, got an array",
            "f:8: posting.delay_seconds: min 30 is greater than max 10",
            "f:9: drafts.ttl_minutes: must be between 1 and 1440, got 0",
        }));
}

TEST_F(ConfigProblems, ReportsARepeatedChannelKeyAtTheRepeat) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [
    { "key": "eng", "channel_id": "C1" },
    { "key": "ops", "channel_id": "C2" },
    {
      "key": "eng",
      "channel_id": "C3"
    }
  ]
})");
    EXPECT_EQ(
        printed(result),
        strings{R"(f:8: channels[2].key: duplicate channel key "eng"; first used on line 5)"});
}

TEST_F(ConfigProblems, RequiresALongEnoughSecret) {
    vars()["OPENFLOOR_SECRET"] = std::string(31, 'x');
    EXPECT_EQ(printed(load(minimal_config)),
              strings{"f:2: identity.secret: secret is 31 bytes, needs at least 32"});
}

TEST_F(ConfigProblems, RequiresTheBlockOfAChannelsPlatform) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "platform": "mattermost", "channel_id": "x" } ]
})");
    EXPECT_EQ(
        printed(result),
        strings{R"(f:4: channels[0].platform: "mattermost" but there is no mattermost block)"});
}

TEST_F(ConfigProblems, RequiresAQueueChannelForPreModeration) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [
    { "key": "eng", "channel_id": "C1",
      "moderation": "pre" }
  ],
  "moderation": { "channel": { "mattermost": "q" } }
})");
    EXPECT_EQ(
        printed(result),
        strings{R"(f:6: channels[0].moderation: "pre" needs moderation.channel.slack to be set)"});
}

TEST_F(ConfigProblems, RequiresAPlatformAChannelAndASecret) {
    const auto result = load("{\n  \"log\": {}\n}\n");
    EXPECT_EQ(printed(result),
              (strings{
                  "f:1: identity.secret: is required but missing",
                  R"(f:1: (root): needs a "slack" or a "mattermost" block (or both))",
                  "f:1: channels: at least one channel is required",
              }));
}

TEST_F(ConfigProblems, RequiresTheTokensOfTheSlackMode) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": {
    "mode": "http",
    "bot_token": "",
    "app_token": "${NOT_NEEDED_IN_HTTP_MODE}"
  },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
})");
    EXPECT_EQ(printed(result), (strings{
                                   "f:3: slack.signing_secret: is required but missing",
                                   "f:5: slack.bot_token: must not be empty",
                               }));
    EXPECT_EQ(result.notes, strings{"slack.app_token: not used in http mode"});
}

TEST_F(ConfigProblems, ChecksAddressesUrlsAndFiles) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": {
    "listen": "[::1:8080",
    "public_url": "ftp://example.com",
    "tls": { "cert_file": "/nonexistent/cert.pem" }
  },
  "outbound": { "ca_file": "/nonexistent/ca.pem" },
  "mattermost": { "url": "mattermost.example.com", "bot_token": "b", "command_token": "c" },
  "channels": [ { "key": "eng", "platform": "mattermost", "channel_id": "x",
                  "webhook_url": "https://" } ]
})");
    EXPECT_EQ(printed(result),
              (strings{
                  R"(f:4: server.listen: "[::1" is not a valid [IPv6] address)",
                  "f:5: server.public_url: must start with http:// or https://, not ftp://",
                  "f:6: server.tls.key_file: is required when cert_file is set",
                  R"(f:6: server.tls.cert_file: file "/nonexistent/cert.pem" does not exist)",
                  R"(f:8: outbound.ca_file: file "/nonexistent/ca.pem" does not exist)",
                  "f:9: mattermost.url: is not a valid absolute URL",
                  "f:11: channels[0].webhook_url: needs a host, e.g. https://example.com",
              }));
}

TEST_F(ConfigProblems, ChecksCategoriesAndTheChannelsThatUseThem) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "categories": {
    "bug":  { "label": "A bug", "keywords": ["bug", "error"] },
    "Typo": { "label": "" , "keywords": ["Error"] }
  },
  "channels": [ { "key": "eng", "channel_id": "C1",
                  "categories": ["bug", "mistake", "bug"] } ]
})");
    EXPECT_EQ(
        printed(result),
        (strings{
            "f:6: categories.Typo: category names use a-z, 0-9, '_' and '-' (at most 64)",
            "f:6: categories.Typo.label: must not be empty",
            R"(f:6: categories.Typo.keywords[0]: "Error" is already a keyword of category "bug" (line 5))",
            R"(f:9: channels[0].categories[1]: "mistake" is not a configured category (configured: bug, Typo))",
            R"(f:9: channels[0].categories[2]: "bug" is listed twice)",
        }));
}

TEST_F(ConfigProblems, ChecksTheDigestScheduleAndItsChannelOption) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1",
                  "digest": "weekly" } ],
  "digest": {
    "day": "fri",
    "time": "4pm",
    "utc_offset": "+15:00",
    "hour": 16
  }
})");
    EXPECT_EQ(
        printed(result),
        (strings{
            "f:5: channels[0].digest: expected true or false, got a string",
            R"(f:7: digest.day: must be "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" or "sunday", got "fri")",
            R"(f:8: digest.time: must be a 24-hour time of day HH:MM, 00:00 to 23:59, got "4pm")",
            R"(f:9: digest.utc_offset: must be +HH:MM or -HH:MM, -12:00 to +14:00, got "+15:00")",
            "f:10: digest.hour: unknown key; expected one of day, time, utc_offset",
        }));
}

TEST_F(ConfigProblems, RefusesTimesAndOffsetsThatAreAlmostRight) {
    for (const char* time : {"24:00", "16:60", "9:30", "16.00", "16:00:00", " 16:00", ""}) {
        const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1", "digest": true } ],
  "digest": { "time": ")" + std::string(time) + R"(" }
})");
        EXPECT_EQ(printed(result).size(), 1U) << time;
        EXPECT_FALSE(result.value) << time;
    }
    for (const char* offset : {"02:00", "+2:00", "-12:01", "+14:01", "+01:60", "Z", "UTC"}) {
        const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1", "digest": true } ],
  "digest": { "utc_offset": ")" + std::string(offset) + R"(" }
})");
        EXPECT_EQ(printed(result).size(), 1U) << offset;
        EXPECT_FALSE(result.value) << offset;
    }
}

TEST_F(ConfigProblems, ReportsARepeatedKeyInOneObject) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ],
  "locale": "en",
  "locale": "de"
})");
    EXPECT_EQ(printed(result), (strings{
                                   "f:6: locale: duplicate key; first on line 5",
                                   R"(f:6: locale: must be "en", "es" or "sv", got "de")",
                               }));
}

} // namespace
} // namespace openfloor::testing
