// Hostile input never throws out of a decoder: malformed JSON, wrong types, 10,000-deep nesting,
// 100,000-character texts, invalid UTF-8, binary bytes. Each gets a result, never an exception.
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/render.hpp"
#include "tests/support/hostile_inputs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace openfloor::slack {
namespace {

// The generic list, then Slack's own shapes: Events API, interactivity and Socket Mode
// payloads with wrong types, form-encoded payloads, and invalid UTF-8 in a text.
const std::vector<std::string>& hostile_inputs() {
    static const std::vector<std::string> inputs = openfloor::testing::hostile_json_with({
        "{\"type\":",
        R"({"type":null})",
        R"({"type":1})",
        R"({"type":{"a":1}})",
        R"({"type":"event_callback","event":null})",
        R"({"type":"event_callback","event":[]})",
        R"({"type":"block_actions","actions":"x"})",
        R"({"type":"view_submission","view":1})",
        R"({"type":"hello","debug_info":{"approximate_connection_time":"long"}})",
        R"({"envelope_id":"x","payload":[1,2,3]})",
        R"({"ok":true,"channel":{"id":9}})",
        "{\"text\":\"\xff\xfe\"}",
        std::string(R"({"a":")") + '\0' + R"("})",
        "payload=%7B%22type%22%3A%22block_actions%22",
        "payload=%FF%FE",
        "payload",
        R"({"type":"url_verification","challenge":["x"]})",
        R"({"envelope_id":"x","type":"events_api","payload":)" +
            openfloor::testing::nested_objects() + "}",
    });
    return inputs;
}

TEST(SlackHostileInput, NoDecoderThrows) {
    for (const std::string& input : hostile_inputs()) {
        EXPECT_NO_THROW({
            static_cast<void>(decode_events(input));
            static_cast<void>(decode_slash_command_form(input));
            static_cast<void>(decode_slash_command_json(input));
            static_cast<void>(is_ssl_check(input));
            static_cast<void>(decode_interactive_form(input));
            static_cast<void>(decode_interactive_json(input));
            static_cast<void>(decode_socket_frame(input));
            static_cast<void>(decode_api_result(input));
        }) << input.substr(0, 80);
    }
}

TEST(SlackHostileInput, RefusesDeeplyNestedJsonAsMalformed) {
    const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
    EXPECT_EQ(decode_events(deep).error(), make_error_code(error::malformed_payload));
    std::string nested_event = R"({"type":"event_callback","event":{"type":"message","x":)";
    nested_event += std::string(10'000, '[') + std::string(10'000, ']') + "}}";
    EXPECT_EQ(decode_events(nested_event).error(), make_error_code(error::malformed_payload));
}

TEST(SlackHostileInput, KeepsBracketsInsideStringsOutOfTheDepthCount) {
    const std::string text = std::string(10'000, '[') + "\\\"" + std::string(10'000, '{');
    const std::string body = R"({"type":"event_callback","event":{"type":"message","text":")" +
                             text + R"(","ts":"1.1"}})";
    auto decoded = decode_events(body);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(std::get<event_callback>(*decoded).event.text,
              std::string(10'000, '[') + "\"" + std::string(10'000, '{'));
}

TEST(SlackHostileInput, DecodesAHundredThousandCharacterText) {
    const std::string text(100'000, 'x');
    const std::string body =
        R"({"type":"event_callback","event":{"type":"message","text":")" + text + R"("}})";
    auto decoded = decode_events(body);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(std::get<event_callback>(*decoded).event.text.size(), 100'000U);
}

TEST(SlackHostileInput, RendersAHundredThousandCharacterBodyWithinSlackLimits) {
    bot::message m;
    m.kind = bot::message_kind::channel_post;
    m.body = std::string(50'000, '&') + std::string(50'000, '@');
    m.number = 1;
    nlohmann::json blocks;
    ASSERT_NO_THROW(blocks = blocks_for(m));
    EXPECT_LE(blocks.size(), 50U);
    for (const auto& block : blocks) {
        if (block.at("type") == "section") {
            EXPECT_LE(block.at("text").at("text").get<std::string>().size(), 3000U);
        }
    }
    EXPECT_LE(fallback_text(m).size(), 3000U);
}

} // namespace
} // namespace openfloor::slack
