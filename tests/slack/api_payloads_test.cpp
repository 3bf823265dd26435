// Web API results: success and error answers of the methods openfloor calls (§A6).
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openfloor::slack {
namespace {

api_result decoded(std::string_view text) {
    auto r = decode_api_result(text);
    EXPECT_TRUE(r.has_value()) << text;
    return r ? *r : api_result{};
}

TEST(SlackApiResult, DecodesAPostedMessage) {
    const api_result r = decoded(
        R"({"ok":true,"channel":"C0123CHAN","ts":"1700000200.000300","message":{"type":"message",
            "user":"U0BOT0001","bot_id":"B0BOT0001","text":"#12","ts":"1700000200.000300","blocks":[]},
            "warning":"missing_charset","response_metadata":{"warnings":["missing_charset"]}})");
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.channel, "C0123CHAN");
    EXPECT_EQ(r.ts, "1700000200.000300");
    EXPECT_EQ(r.warning, "missing_charset");
    EXPECT_EQ(r.bot_id, ""); // the message's bot_id is not the caller's
}

TEST(SlackApiResult, DecodesAnError) {
    const api_result r = decoded(R"({"ok":false,"error":"ratelimited"})");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "ratelimited");
}

TEST(SlackApiResult, DecodesAuthTest) {
    const api_result r = decoded(
        R"({"ok":true,"url":"https://example.slack.com/","team":"Example","user":"openfloor",
            "team_id":"T0123ABCD","user_id":"U0BOT0001","bot_id":"B0BOT0001","is_enterprise_install":false})");
    EXPECT_EQ(r.url, "https://example.slack.com/");
    EXPECT_EQ(r.team_id, "T0123ABCD");
    EXPECT_EQ(r.user_id, "U0BOT0001");
    EXPECT_EQ(r.bot_id, "B0BOT0001");
}

TEST(SlackApiResult, DecodesTheDmChannelOfConversationsOpen) {
    const api_result r =
        decoded(R"({"ok":true,"no_op":true,"already_open":true,"channel":{"id":"D0123ABCD"}})");
    EXPECT_EQ(r.dm_channel_id, "D0123ABCD");
    EXPECT_EQ(r.channel, "");
}

TEST(SlackApiResult, DecodesConnectionsOpenViewsOpenAndPostEphemeral) {
    EXPECT_EQ(
        decoded(R"({"ok":true,"url":"wss://127.0.0.1:9443/link/?ticket=t-1&app_id=A0123ABCD"})")
            .url,
        "wss://127.0.0.1:9443/link/?ticket=t-1&app_id=A0123ABCD");
    EXPECT_EQ(decoded(R"({"ok":true,"view":{"id":"V0123ABCD","hash":"1.a","state":{"values":{}}}})")
                  .view_id,
              "V0123ABCD");
    EXPECT_EQ(decoded(R"({"ok":true,"message_ts":"1700000000.000900"})").ts, "1700000000.000900");
}

TEST(SlackApiResult, RefusesWhatIsNotAnApiAnswer) {
    for (std::string_view text :
         {"", "<html>502 Bad Gateway</html>", R"({"ok":"true"})", R"({"ok":true,"channel":7})",
          R"({"ok":true,"view":"V1"})", "[]"}) {
        auto r = decode_api_result(text);
        ASSERT_FALSE(r.has_value()) << text;
        EXPECT_EQ(r.error(), make_error_code(error::malformed_payload));
    }
}

TEST(SlackApiResult, RoundTripsThroughToJson) {
    api_result r;
    r.ok = true;
    r.ts = "1.2";
    r.channel = "C1";
    r.view_id = "V1";
    EXPECT_EQ(decoded(nlohmann::json(r).dump()), r);
    api_result dm;
    dm.ok = true;
    dm.dm_channel_id = "D1";
    EXPECT_EQ(decoded(nlohmann::json(dm).dump()), dm);
}

} // namespace
} // namespace openfloor::slack
