// Socket Mode frames of the C4 session: hello, an events_api envelope carrying C2, a
// slash_commands envelope, disconnect, and the acks openfloor sends back.
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"
#include "tests/slack/vectors.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openfloor::slack {
namespace {

using namespace std::chrono_literals;

template <class T>
T expect_frame(std::string_view text) {
    auto frame = decode_socket_frame(text);
    EXPECT_TRUE(frame.has_value()) << text;
    if (!frame || !std::holds_alternative<T>(*frame)) {
        ADD_FAILURE() << "unexpected frame kind: " << text;
        return {};
    }
    return std::get<T>(*frame);
}

std::string events_envelope() {
    return R"({"envelope_id":"e1a2b3c4-0000-4000-8000-000000000001","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"","payload":)" +
           std::string(vectors::c2_body) + "}";
}

TEST(SlackSocketFrames, DecodesHello) {
    const auto h = expect_frame<socket_hello>(vectors::c4_hello);
    EXPECT_EQ(h.num_connections, 1);
    EXPECT_EQ(h.approximate_connection_time, 18060s);
}

TEST(SlackSocketFrames, DecodesAnEventsEnvelopeWhosePayloadDecodesAsTheEvent) {
    const auto e = expect_frame<socket_envelope>(events_envelope());
    EXPECT_EQ(e.envelope_id, vectors::c4_envelope_id_1);
    EXPECT_EQ(e.type, "events_api");
    EXPECT_FALSE(e.accepts_response_payload);
    EXPECT_EQ(e.retry_attempt, 0);
    EXPECT_EQ(e.retry_reason, "");
    EXPECT_EQ(nlohmann::json::parse(e.payload), nlohmann::json::parse(vectors::c2_body));
    auto body = decode_events(e.payload);
    ASSERT_TRUE(body.has_value());
    ASSERT_TRUE(std::holds_alternative<event_callback>(*body));
    EXPECT_EQ(std::get<event_callback>(*body).event_id, "Ev0123ABCD");
}

TEST(SlackSocketFrames, DecodesASlashCommandEnvelope) {
    const auto e = expect_frame<socket_envelope>(vectors::c4_slash_envelope);
    EXPECT_EQ(e.envelope_id, "e1a2b3c4-0000-4000-8000-000000000002");
    EXPECT_EQ(e.type, "slash_commands");
    EXPECT_TRUE(e.accepts_response_payload);
    auto command = decode_slash_command_json(e.payload);
    ASSERT_TRUE(command.has_value());
    EXPECT_EQ(command->text, "#eng question Why?");
}

TEST(SlackSocketFrames, DecodesARetriedEnvelope) {
    const auto e = expect_frame<socket_envelope>(
        R"({"envelope_id":"x","type":"events_api","retry_attempt":2,"retry_reason":"timeout","payload":{}})");
    EXPECT_EQ(e.retry_attempt, 2);
    EXPECT_EQ(e.retry_reason, "timeout");
    EXPECT_EQ(e.payload, "{}");
}

TEST(SlackSocketFrames, DecodesDisconnect) {
    EXPECT_EQ(expect_frame<socket_disconnect>(vectors::c4_disconnect).reason, "refresh_requested");
}

TEST(SlackSocketFrames, ReturnsUnknownBodyForOtherFrames) {
    EXPECT_EQ(expect_frame<unknown_body>(R"({"type":"pong"})").type, "pong");
}

TEST(SlackSocketFrames, RefusesWrongTypes) {
    for (std::string_view text :
         {R"({"type":"hello","num_connections":"1"})", R"({"type":"hello","debug_info":[]})",
          R"({"envelope_id":"x","accepts_response_payload":"yes"})",
          R"({"envelope_id":7,"type":"events_api"})", R"({"type":"disconnect","reason":false})",
          "[]", "\"hello\""}) {
        auto frame = decode_socket_frame(text);
        ASSERT_FALSE(frame.has_value()) << text;
        EXPECT_EQ(frame.error(), make_error_code(error::malformed_payload));
    }
}

TEST(SlackSocketFrames, AcksWithTheEnvelopeIdOnly) {
    EXPECT_EQ(socket_ack(vectors::c4_envelope_id_1),
              R"({"envelope_id":"e1a2b3c4-0000-4000-8000-000000000001"})");
}

TEST(SlackSocketFrames, AcksWithAResponsePayload) {
    const nlohmann::json reply{{"response_type", "ephemeral"},
                               {"text", "Preview sent to you by DM."}};
    const auto ack =
        nlohmann::json::parse(socket_ack("e1a2b3c4-0000-4000-8000-000000000002", &reply));
    EXPECT_EQ(
        ack,
        nlohmann::json::parse(
            R"({"envelope_id":"e1a2b3c4-0000-4000-8000-000000000002","payload":{"response_type":"ephemeral","text":"Preview sent to you by DM."}})"));
}

TEST(SlackSocketFrames, AcksEvenWhenThePayloadHoldsInvalidUtf8) {
    const nlohmann::json reply{{"text", std::string("cut \xE2\x9C", 6)}};
    std::string ack;
    EXPECT_NO_THROW(ack = socket_ack("e1", &reply));
    EXPECT_TRUE(nlohmann::json::accept(ack));
}

TEST(SlackSocketFrames, RoundTripsThroughToJson) {
    const socket_hello hello{3, 3600s};
    EXPECT_EQ(expect_frame<socket_hello>(nlohmann::json(hello).dump()), hello);
    const socket_disconnect bye{"too_many_websockets"};
    EXPECT_EQ(expect_frame<socket_disconnect>(nlohmann::json(bye).dump()), bye);
    const socket_envelope envelope{"e9", "interactive", true,
                                   1,    "timeout",     R"({"type":"block_actions"})"};
    EXPECT_EQ(expect_frame<socket_envelope>(nlohmann::json(envelope).dump()), envelope);
}

} // namespace
} // namespace openfloor::slack
