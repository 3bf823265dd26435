// Configs that load: the shipped examples, comments, ${ENV} expansion and the defaults.
#include "config/time_of_day.hpp"
#include "tests/config/config_fixture.hpp"

#include <cstdlib>
#include <filesystem>

namespace openfloor::testing {
namespace {

using ConfigLoader = ConfigTest;

std::filesystem::path source_dir() {
    // Set by CTest; the fallback serves a test binary started by hand.
    if (const char* dir = std::getenv("OPENFLOOR_TEST_SOURCE")) { // NOLINT(concurrency-mt-unsafe)
        return dir;
    }
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

TEST_F(ConfigLoader, LoadsEveryExampleCleanWhenTheEnvironmentIsSet) {
    for (const char* name :
         {"slack-socket.jsonc", "slack-http.jsonc", "mattermost.jsonc", "both.jsonc"}) {
        const auto path = (source_dir() / "config" / "examples" / name).string();
        const config::loaded result = config::load_file(path, env());
        EXPECT_EQ(printed(result), std::vector<std::string>{}) << name;
        EXPECT_TRUE(result.value.has_value()) << name;
    }
}

TEST_F(ConfigLoader, ReadsTheExamplesTheWayTheyAreWritten) {
    const auto both =
        config::load_file((source_dir() / "config/examples/both.jsonc").string(), env());
    ASSERT_TRUE(both.value);
    const config::settings& s = *both.value;
    EXPECT_EQ(s.server.listen, "[::]:8080");
    ASSERT_TRUE(s.slack && s.mattermost);
    EXPECT_EQ(s.slack->app_token.reveal(), "xapp-test");
    EXPECT_EQ(s.mattermost->command_token.reveal(), "mm-command-test");
    ASSERT_EQ(s.categories.size(), 3U);
    EXPECT_EQ(s.categories[2].name, "idea"); // file order, not alphabetical
    EXPECT_EQ(s.categories[2].keywords, std::vector<std::string>{"idea"});
    ASSERT_EQ(s.channels.size(), 2U);
    EXPECT_EQ(s.channels[1].moderation, config::moderation_mode::pre);
    EXPECT_TRUE(s.channels[0].digest);
    EXPECT_FALSE(s.channels[1].digest);
    EXPECT_EQ(s.digest.utc_offset, std::chrono::hours(1));
    EXPECT_EQ(s.channels[0].categories, (std::vector<std::string>{"mistake", "question", "idea"}));
    EXPECT_EQ(s.moderation.on_blocked_word, config::blocked_words_action::queue);
    EXPECT_EQ(s.log.format, config::log_format::text);
}

TEST_F(ConfigLoader, AcceptsLineAndBlockComments) {
    const auto result = load(R"(// leading comment
{
  /* block
     comment */
  "identity": { "secret": "${OPENFLOOR_SECRET}" }, // trailing
  "slack": { "bot_token": "b", "app_token": "a" /* inline */ },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
})");
    EXPECT_EQ(printed(result), std::vector<std::string>{});
    EXPECT_TRUE(result.value);
}

TEST_F(ConfigLoader, ReplacesWholeEnvValuesAndLeavesOtherStringsLiteral) {
    vars()["CHANNEL"] = "C42";
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "prefix-${SLACK_APP_TOKEN}" },
  "channels": [ { "key": "eng", "channel_id": "${CHANNEL}" } ]
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_EQ(result.value->identity.key.reveal(), vars()["OPENFLOOR_SECRET"]);
    EXPECT_EQ(result.value->slack->bot_token.reveal(), "xoxb-test");
    EXPECT_EQ(result.value->slack->app_token.reveal(), "prefix-${SLACK_APP_TOKEN}");
    EXPECT_EQ(result.value->channels[0].channel_id, "C42");
}

TEST_F(ConfigLoader, NamesAnUnsetEnvironmentVariable) {
    vars().erase("OPENFLOOR_SECRET");
    vars().erase("SLACK_APP_TOKEN");
    const auto result = load(minimal_config);
    EXPECT_FALSE(result.value);
    EXPECT_EQ(printed(result),
              (std::vector<std::string>{
                  "f:2: identity.secret: environment variable OPENFLOOR_SECRET is not set",
                  "f:3: slack.app_token: environment variable SLACK_APP_TOKEN is not set"}));
}

TEST_F(ConfigLoader, AppliesTheDocumentedDefaults) {
    const auto result = load(minimal_config);
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    const config::settings& s = *result.value;
    EXPECT_EQ(s.server.listen, "127.0.0.1:8080");
    EXPECT_FALSE(s.server.public_url);
    EXPECT_FALSE(s.server.tls.enabled());
    EXPECT_EQ(s.server.max_body_bytes, 1'048'576U);
    EXPECT_EQ(s.server.request_timeout, std::chrono::milliseconds(10'000));
    EXPECT_EQ(s.storage.path, "openfloor.db");
    EXPECT_EQ(s.storage.retention_days, 90);
    EXPECT_EQ(s.outbound.max_attempts, 8);
    EXPECT_EQ(s.outbound.channel_interval, std::chrono::milliseconds(1'000));
    EXPECT_EQ(s.slack->mode, config::slack_mode::socket);
    EXPECT_EQ(s.slack->api_base_url, "https://slack.com/api/");
    EXPECT_FALSE(s.mattermost);
    ASSERT_EQ(s.categories.size(), 2U);
    EXPECT_EQ(s.categories[0].name, "mistake");
    EXPECT_EQ(s.categories[1].keywords, (std::vector<std::string>{"question", "q"}));
    const config::channel_settings& c = s.channels.at(0);
    EXPECT_EQ(c.categories, (std::vector<std::string>{"mistake", "question"}));
    EXPECT_EQ(c.moderation, config::moderation_mode::none);
    EXPECT_TRUE(c.confirm);
    EXPECT_FALSE(c.anonymous_replies);
    EXPECT_EQ(s.moderation.flag_threshold, 3);
    EXPECT_EQ(s.notices, config::notices_mode::dm);
    EXPECT_EQ(s.limits.posts_per_hour, 5);
    EXPECT_EQ(s.limits.max_chars, 3000);
    EXPECT_EQ(s.posting.delay_max, std::chrono::seconds(0));
    EXPECT_EQ(s.draft_ttl, std::chrono::minutes(30));
    EXPECT_FALSE(c.digest);
    EXPECT_EQ(s.digest.day, std::chrono::Friday);
    EXPECT_EQ(s.digest.time, std::chrono::hours(16));
    EXPECT_EQ(s.digest.utc_offset, std::chrono::minutes(0));
    EXPECT_EQ(s.locale, "en");
    EXPECT_EQ(s.log.level, config::log_level::info);
    EXPECT_EQ(s.log.format, config::log_format::json);
    EXPECT_TRUE(result.notes.empty());
}

TEST_F(ConfigLoader, ReadsTheDigestScheduleAndWhichChannelsTakeIt) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}" },
  "channels": [ { "key": "eng", "channel_id": "C1", "digest": true },
                { "key": "ops", "channel_id": "C2", "digest": false } ],
  "digest": { "day": "monday", "time": "09:30", "utc_offset": "-05:30" }
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    const config::settings& s = *result.value;
    EXPECT_TRUE(s.channels.at(0).digest);
    EXPECT_FALSE(s.channels.at(1).digest);
    EXPECT_EQ(s.digest.day, std::chrono::Monday);
    EXPECT_EQ(s.digest.time, std::chrono::hours(9) + std::chrono::minutes(30));
    EXPECT_EQ(s.digest.utc_offset, -std::chrono::minutes(330));
    EXPECT_TRUE(result.notes.empty());
}

TEST_F(ConfigLoader, AcceptsTheEdgesOfTheDigestsTimeAndOffset) {
    for (const auto& [time, offset] :
         {std::pair{"00:00", "-12:00"}, std::pair{"23:59", "+14:00"}, std::pair{"12:00", "+00:00"},
          std::pair{"07:45", "-00:30"}}) {
        const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1", "digest": true } ],
  "digest": { "time": ")" + std::string(time) + R"(", "utc_offset": ")" + offset + R"(" }
})");
        ASSERT_TRUE(result.value) << time << " " << offset;
        EXPECT_EQ(config::format_time_of_day(result.value->digest.time), time);
        EXPECT_EQ(config::format_utc_offset(result.value->digest.utc_offset), offset);
    }
}

TEST_F(ConfigLoader, NotesADigestScheduleThatNoChannelTakes) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ],
  "digest": { "day": "friday" }
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_EQ(result.notes, std::vector<std::string>{
                                "digest: no channel has \"digest\": true, so no digest is posted"});
}

TEST_F(ConfigLoader, NormalizesTheTrailingSlashOfPlatformUrls) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": { "public_url": "https://bot.example.com/" },
  "slack": { "bot_token": "b", "app_token": "a", "api_base_url": "http://127.0.0.1:9000/api" },
  "mattermost": { "url": "http://127.0.0.1:9001/", "bot_token": "b", "command_token": "c" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_EQ(result.value->slack->api_base_url, "http://127.0.0.1:9000/api/");
    EXPECT_EQ(result.value->mattermost->url, "http://127.0.0.1:9001");
    EXPECT_EQ(result.value->server.public_url, "https://bot.example.com");
}

TEST_F(ConfigLoader, NotesAWebhookChannelWithoutFailing) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [
    { "key": "eng", "channel_id": "C1" },
    { "key": "guests", "channel_id": "C2", "webhook_url": "https://hooks.slack.com/services/T/B/X" }
  ]
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_EQ(result.value->channels[1].webhook_url, "https://hooks.slack.com/services/T/B/X");
    EXPECT_EQ(result.notes, std::vector<std::string>{
                                "channels[1] (guests): posts through an incoming webhook: "
                                "thread replies, relays, edits and deletes are unavailable"});
}

TEST_F(ConfigLoader, NotesThatMattermostHasNoAppHome) {
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": { "public_url": "https://bot.example.com" },
  "mattermost": { "url": "https://mm.example.com", "bot_token": "b", "command_token": "c" },
  "channels": [ { "key": "eng", "platform": "mattermost", "channel_id": "x" } ],
  "privacy": { "notices": "home" }
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_EQ(result.notes,
              std::vector<std::string>{
                  "privacy.notices: Mattermost has no App Home; notices there stay DMs"});
}

TEST_F(ConfigLoader, ServesHttpsOnlyWithBothTlsFilesPresent) {
    write("cert", "cert.pem");
    write("key", "key.pem");
    const std::string cert = dir().file("cert.pem").string();
    const std::string key = dir().file("key.pem").string();
    const auto result = load(R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "server": { "tls": { "cert_file": ")" +
                             cert + R"(", "key_file": ")" + key + R"(" } },
  "outbound": { "ca_file": ")" +
                             cert + R"(" },
  "slack": { "bot_token": "b", "app_token": "a" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
})");
    ASSERT_TRUE(result.value) << ::testing::PrintToString(printed(result));
    EXPECT_TRUE(result.value->server.tls.enabled());
    EXPECT_EQ(result.value->outbound.ca_file, cert);
}

} // namespace
} // namespace openfloor::testing
