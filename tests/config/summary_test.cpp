// The `openfloor check` summary: what an operator needs to see, and never a secret.
#include "tests/config/config_fixture.hpp"

namespace openfloor::testing {
namespace {

using ConfigSummary = ConfigTest;

TEST_F(ConfigSummary, ShowsTheDigestAndTheChannelsThatTakeIt) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}" },
  "channels": [ { "key": "eng", "channel_id": "C1", "digest": true },
                { "key": "ops", "channel_id": "C2" } ],
  "digest": { "day": "thursday", "time": "15:30", "utc_offset": "+01:00" }
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    const std::string text = config::summary(*result.value);
    EXPECT_NE(text.find("eng: slack C1, moderation none, confirm yes, categories mistake, "
                        "question, weekly digest\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("ops: slack C2, moderation none, confirm yes, categories mistake, "
                        "question\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("digest: thursdays at 15:30 (UTC+01:00)\n"), std::string::npos) << text;
}

TEST_F(ConfigSummary, SaysNothingOfADigestNoChannelTakes) {
    const auto result = load(minimal_config);
    ASSERT_TRUE(result.value);
    EXPECT_EQ(config::summary(*result.value).find("digest"), std::string::npos);
}

TEST_F(ConfigSummary, ShowsPlatformsChannelsAndCategoriesButNoSecrets) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "storage": { "path": "/var/lib/openfloor/db.sqlite" },
  "slack": { "mode": "http", "bot_token": "${SLACK_BOT_TOKEN}",
             "signing_secret": "${SLACK_SIGNING_SECRET}" },
  "channels": [ { "key": "eng", "channel_id": "C1", "confirm": false } ]
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    const std::string text = config::summary(*result.value);
    for (const char* expected :
         {"slack (http mode", "listen: 127.0.0.1:8080", "database: /var/lib/openfloor/db.sqlite",
          "eng: slack C1, moderation none, confirm no", "mistake: \"I noticed a mistake\"",
          "***"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing:\n" << text;
    }
    for (const auto& [name, value] : vars()) {
        EXPECT_EQ(text.find(value), std::string::npos) << name << " leaked:\n" << text;
    }
}

} // namespace
} // namespace openfloor::testing
