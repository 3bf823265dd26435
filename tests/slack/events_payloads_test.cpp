// decode_events: url_verification (C1), a DM event (C2), thread replies, subtypes and bot
// messages, other event types, and to_json round trips for fake platforms.
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"
#include "tests/slack/vectors.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace openfloor::slack {
namespace {

class SlackEvents : public ::testing::Test {
protected:
    static event_callback callback(std::string_view text) {
        auto body = decode_events(text);
        EXPECT_TRUE(body.has_value()) << text;
        if (!body || !std::holds_alternative<event_callback>(*body)) {
            ADD_FAILURE() << "not an event_callback: " << text;
            return {};
        }
        return std::get<event_callback>(*body);
    }

    static std::string wrap(std::string_view event) {
        return R"({"type":"event_callback","team_id":"T0123ABCD","event_id":"Ev1","event_time":1,"event":)" +
               std::string(event) + "}";
    }
};

TEST_F(SlackEvents, DecodesUrlVerification) {
    auto body = decode_events(vectors::c1_body);
    ASSERT_TRUE(body.has_value());
    ASSERT_TRUE(std::holds_alternative<url_verification>(*body));
    EXPECT_EQ(std::get<url_verification>(*body).challenge,
              "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST_F(SlackEvents, DecodesTheDirectMessageVector) {
    const event_callback e = callback(vectors::c2_body);
    EXPECT_EQ(e.team_id, "T0123ABCD");
    EXPECT_EQ(e.event_id, "Ev0123ABCD");
    EXPECT_EQ(e.event_time, 1700000000);
    EXPECT_EQ(e.api_app_id, "A0123ABCD");
    const message_event& m = e.event;
    EXPECT_EQ(m.type, "message");
    EXPECT_EQ(m.subtype, "");
    EXPECT_EQ(m.channel, "D0123ABCD");
    EXPECT_EQ(m.channel_type, "im");
    EXPECT_EQ(m.user, "U0123ABCD");
    EXPECT_EQ(m.bot_id, "");
    EXPECT_EQ(m.text, "The Q3 totals are off by 10% &amp; nobody noticed <!here>");
    EXPECT_EQ(m.ts, "1700000000.000100");
    EXPECT_EQ(m.thread_ts, "");
    EXPECT_EQ(m.team, "T0123ABCD");
    EXPECT_EQ(m.client_msg_id, "5f0c3d2e-1111-4222-8333-944445555666");
    EXPECT_FALSE(m.is_thread_reply());
}

TEST_F(SlackEvents, DecodesAThreadReplyInAChannel) {
    const event_callback e = callback(wrap(
        R"({"type":"message","channel":"C0123CHAN","user":"U0456BOB","text":"Which report?",
            "ts":"1700000300.000400","thread_ts":"1700000200.000300","parent_user_id":"U0BOT0001",
            "channel_type":"channel","event_ts":"1700000300.000400","team":"T0123ABCD"})"));
    EXPECT_EQ(e.event.channel, "C0123CHAN");
    EXPECT_EQ(e.event.user, "U0456BOB");
    EXPECT_EQ(e.event.thread_ts, "1700000200.000300");
    EXPECT_EQ(e.event.channel_type, "channel");
    EXPECT_TRUE(e.event.is_thread_reply());
}

TEST_F(SlackEvents, TellsAThreadParentFromAReply) {
    const event_callback e = callback(wrap(
        R"({"type":"message","channel":"C1","user":"U1","text":"x","ts":"1.2","thread_ts":"1.2"})"));
    EXPECT_FALSE(e.event.is_thread_reply());
}

TEST_F(SlackEvents, KeepsTheSubtypeOfAnEditedMessage) {
    const event_callback e = callback(wrap(
        R"({"type":"message","subtype":"message_changed","channel":"D1","hidden":true,
            "message":{"type":"message","user":"U1","text":"new","ts":"1.1","edited":{"user":"U1","ts":"1.3"}},
            "previous_message":{"type":"message","user":"U1","text":"old","ts":"1.1"},
            "event_ts":"1.3","ts":"1.3","channel_type":"im"})"));
    EXPECT_EQ(e.event.subtype, "message_changed");
    EXPECT_EQ(e.event.user, ""); // the author sits inside `message`, which we do not act on
    EXPECT_EQ(e.event.ts, "1.3");
}

TEST_F(SlackEvents, KeepsTheBotIdOfABotMessage) {
    const event_callback e = callback(wrap(
        R"({"type":"message","subtype":"bot_message","text":"hi","ts":"1.1","bot_id":"B0BOT0001",
            "username":"openfloor","channel":"C1","channel_type":"channel"})"));
    EXPECT_EQ(e.event.subtype, "bot_message");
    EXPECT_EQ(e.event.bot_id, "B0BOT0001");
}

TEST_F(SlackEvents, KeepsTheBotIdOfAnAppMessageWithoutSubtype) {
    const event_callback e = callback(wrap(
        R"({"type":"message","user":"U0BOT0001","bot_id":"B0BOT0001","app_id":"A1","text":"#12","ts":"1.1",
            "channel":"C1","channel_type":"channel","bot_profile":{"id":"B0BOT0001","name":"openfloor"}})"));
    EXPECT_EQ(e.event.subtype, "");
    EXPECT_EQ(e.event.bot_id, "B0BOT0001");
    EXPECT_EQ(e.event.user, "U0BOT0001");
}

TEST_F(SlackEvents, KeepsTheSubtypeOfAChannelJoin) {
    const event_callback e = callback(wrap(
        R"({"type":"message","subtype":"channel_join","user":"U2","text":"<@U2> has joined the channel",
            "ts":"1.1","channel":"C1","channel_type":"channel","inviter":"U1"})"));
    EXPECT_EQ(e.event.subtype, "channel_join");
    EXPECT_EQ(e.event.user, "U2");
}

TEST_F(SlackEvents, KeepsOnlyTheTypeAndUserOfOtherEvents) {
    const event_callback home = callback(wrap(
        R"({"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","view":{"id":"V1"}})"));
    EXPECT_EQ(home.event.type, "app_home_opened");
    EXPECT_EQ(home.event.user, "U1");
    EXPECT_EQ(home.event.channel, "D1");
    EXPECT_EQ(home.event.tab, "home");
    // team_join's user is an object; that is no reason to refuse the delivery.
    const event_callback join =
        callback(wrap(R"({"type":"team_join","user":{"id":"U9","name":"new"},"event_ts":"1.1"})"));
    EXPECT_EQ(join.event.type, "team_join");
    EXPECT_EQ(join.event.user, "");
}

TEST_F(SlackEvents, ReturnsUnknownBodyForOtherTypes) {
    auto body = decode_events(R"({"type":"app_rate_limited","minute_rate_limited":1})");
    ASSERT_TRUE(body.has_value());
    ASSERT_TRUE(std::holds_alternative<unknown_body>(*body));
    EXPECT_EQ(std::get<unknown_body>(*body).type, "app_rate_limited");
}

TEST_F(SlackEvents, RefusesAnEventCallbackWithoutItsEvent) {
    EXPECT_EQ(decode_events(R"({"type":"event_callback","event_id":"Ev1"})").error(),
              make_error_code(error::malformed_payload));
    EXPECT_EQ(decode_events(R"({"type":"event_callback","event":"message"})").error(),
              make_error_code(error::malformed_payload));
}

TEST_F(SlackEvents, RefusesWrongTypesInAMessageEvent) {
    for (std::string_view event :
         {R"({"type":"message","text":42})", R"({"type":"message","ts":1700000000.0001})",
          R"({"type":"message","user":{"id":"U1"}})", R"({"type":["message"]})"}) {
        auto body = decode_events(wrap(event));
        ASSERT_FALSE(body.has_value()) << event;
        EXPECT_EQ(body.error(), make_error_code(error::malformed_payload));
    }
    EXPECT_FALSE(decode_events(R"({"type":"event_callback","event_time":"soon","event":{}})"));
}

TEST_F(SlackEvents, TreatsNullAsAbsent) {
    const event_callback e =
        callback(wrap(R"({"type":"message","text":null,"ts":"1.1","subtype":null})"));
    EXPECT_EQ(e.event.text, "");
    EXPECT_EQ(e.event.subtype, "");
}

TEST_F(SlackEvents, RoundTripsThroughToJson) {
    event_callback original;
    original.team_id = "T1";
    original.event_id = "Ev9";
    original.event_time = 1700000000;
    original.api_app_id = "A1";
    original.event = {"message",   "",    "C1",  "channel", "U1", "",
                      "a &amp; b", "1.2", "1.1", "T1",      "m1"};
    const std::string text = nlohmann::json(original).dump();
    EXPECT_EQ(callback(text), original);

    auto challenge = decode_events(nlohmann::json(url_verification{"xyz"}).dump());
    ASSERT_TRUE(challenge.has_value());
    EXPECT_EQ(std::get<url_verification>(*challenge).challenge, "xyz");
}

} // namespace
} // namespace openfloor::slack
