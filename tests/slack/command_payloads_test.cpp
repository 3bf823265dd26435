// Slash commands from a form body (HTTP mode: Slack's documented example, '+' and %2F) and from
// JSON (Socket Mode, C4), plus the unsigned ssl_check probe.
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"
#include "tests/slack/vectors.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openfloor::slack {
namespace {

TEST(SlackSlashCommand, DecodesSlacksDocumentedFormBody) {
    auto c = decode_slash_command_form(vectors::documented_body);
    ASSERT_TRUE(c.has_value()) << c.error().message();
    EXPECT_EQ(c->team_id, "T1DC2JH3J");
    EXPECT_EQ(c->channel_id, "G8PSS9T3V");
    EXPECT_EQ(c->channel_name, "foobar");
    EXPECT_EQ(c->user_id, "U2CERLKJA");
    EXPECT_EQ(c->command, "/webhook-collect");
    EXPECT_EQ(c->text, "");
    EXPECT_EQ(c->response_url,
              "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
    EXPECT_EQ(c->trigger_id, "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    EXPECT_EQ(c->api_app_id, "");
}

TEST(SlackSlashCommand, DecodesPlusAsSpaceAndPercentEscapes) {
    auto c = decode_slash_command_form(
        "command=%2Fopenfloor&user_id=U1&text=%23eng+question%3A+a%2Fb+1%2B1%3D2+%26+%E2%9C%85"
        "&channel_name=directmessage");
    ASSERT_TRUE(c.has_value()) << c.error().message();
    EXPECT_EQ(c->command, "/openfloor");
    EXPECT_EQ(c->text, "#eng question: a/b 1+1=2 & \u2705");
    EXPECT_EQ(c->channel_name, "directmessage");
}

TEST(SlackSlashCommand, KeepsTheFirstOfRepeatedFieldsAndIgnoresUnknownOnes) {
    auto c = decode_slash_command_form(
        "command=%2Fa&user_id=U1&command=%2Fb&is_enterprise_install=false&x");
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->command, "/a");
}

TEST(SlackSlashCommand, RefusesAFormWithoutCommandOrUser) {
    EXPECT_EQ(decode_slash_command_form("user_id=U1&text=hi").error(),
              make_error_code(error::malformed_payload));
    EXPECT_EQ(decode_slash_command_form("command=%2Fopenfloor").error(),
              make_error_code(error::malformed_payload));
    EXPECT_FALSE(decode_slash_command_form(""));
}

TEST(SlackSlashCommand, RefusesTextThatIsNotAForm) {
    for (std::string_view body : {"command=%2Fx&user_id=U1&text=%zz", "command=/x&user_id=U 1",
                                  R"({"command":"/x","user_id":"U1"})"}) {
        auto c = decode_slash_command_form(body);
        ASSERT_FALSE(c.has_value()) << body;
        EXPECT_EQ(c.error(), make_error_code(error::malformed_payload));
    }
}

TEST(SlackSlashCommand, DecodesTheSocketModePayload) {
    const auto frame = nlohmann::json::parse(vectors::c4_slash_envelope);
    auto c = decode_slash_command_json(frame.at("payload").dump());
    ASSERT_TRUE(c.has_value()) << c.error().message();
    EXPECT_EQ(c->team_id, "T0123ABCD");
    EXPECT_EQ(c->channel_id, "C0123CHAN");
    EXPECT_EQ(c->channel_name, "eng");
    EXPECT_EQ(c->user_id, "U0123ABCD");
    EXPECT_EQ(c->command, "/openfloor");
    EXPECT_EQ(c->text, "#eng question Why?");
    EXPECT_EQ(c->response_url, "https://hooks.slack.com/commands/T0123ABCD/1/x");
    EXPECT_EQ(c->trigger_id, "1.2.x");
    EXPECT_EQ(c->api_app_id, "A0123ABCD");
}

TEST(SlackSlashCommand, RefusesJsonWithWrongTypes) {
    EXPECT_EQ(decode_slash_command_json(R"({"command":"/x","user_id":"U1","text":7})").error(),
              make_error_code(error::malformed_payload));
    EXPECT_FALSE(decode_slash_command_json(R"(["command"])"));
    EXPECT_FALSE(decode_slash_command_json(R"({"command":"/x"})"));
}

TEST(SlackSlashCommand, RoundTripsThroughToJson) {
    const slash_command original{"T1",
                                 "C1",
                                 "eng",
                                 "U1",
                                 "/openfloor",
                                 "#eng q: hi & <bye>",
                                 "https://hooks.slack.com/commands/T1/1/x",
                                 "1.2.x",
                                 "A1"};
    auto back = decode_slash_command_json(nlohmann::json(original).dump());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, original);
}

TEST(SlackSlashCommand, RecognisesTheSslCheck) {
    EXPECT_TRUE(is_ssl_check("ssl_check=1&token=XXYYZZ"));
    EXPECT_TRUE(is_ssl_check("token=XXYYZZ&ssl_check=1"));
    EXPECT_FALSE(is_ssl_check("ssl_check=0"));
    EXPECT_FALSE(is_ssl_check(vectors::documented_body));
    EXPECT_FALSE(is_ssl_check("ssl_check=1 broken"));
}

} // namespace
} // namespace openfloor::slack
