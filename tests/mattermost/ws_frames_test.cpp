// The bot's websocket (platforms.md §B3): the §C5 frames verbatim, replies to our requests, other
// events by their seq, and the two frames we send.
#include "adapters/mattermost/error.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "tests/mattermost/vectors.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;

template <class T>
T frame_as(std::string_view text) {
    const auto frame = decode_ws_frame(text);
    EXPECT_TRUE(frame) << text;
    if (!frame) {
        return T{};
    }
    EXPECT_TRUE(std::holds_alternative<T>(*frame)) << text;
    return std::holds_alternative<T>(*frame) ? std::get<T>(*frame) : T{};
}

TEST(MattermostWsFrames, DecodesTheC5Hello) {
    const auto hello = frame_as<ws_hello>(vectors::c5_hello);
    EXPECT_EQ(hello.connection_id, "w3kqsyrp1pgsfq6wa9aa7hh4ar");
    EXPECT_EQ(hello.server_version, "9.11.0.9.11.0.abc123.true");
    EXPECT_EQ(hello.seq, 0);
}

TEST(MattermostWsFrames, DecodesTheC5PostedWithItsPostParsedAgain) {
    const auto posted = frame_as<ws_posted>(vectors::c5_posted);
    EXPECT_EQ(posted.channel_type, "D");
    EXPECT_EQ(posted.channel_name, "4xp9fdt6rjgfxm7c8e5a1bzkqo__ouqzb1gs7pbd3bt5w8mpg1xdhe");
    EXPECT_EQ(posted.sender_name, "@alice");
    EXPECT_EQ(posted.team_id, "");
    EXPECT_EQ(posted.seq, 1);
    EXPECT_EQ(posted.post.id, "t1y8ds3k9tby3e5hjxqcw4pm7a");
    EXPECT_EQ(posted.post.create_at, 1700000000123);
    EXPECT_EQ(posted.post.user_id, std::string(vectors::alice_id));
    EXPECT_EQ(posted.post.channel_id, "9mm1c6eqqbrpjqhx8y6gk1gx5c");
    EXPECT_EQ(posted.post.root_id, "");
    EXPECT_EQ(posted.post.message, "The Q3 totals are off by 10% @channel");
    EXPECT_EQ(posted.post.type, "");
    EXPECT_FALSE(posted.post.from_bot);
}

TEST(MattermostWsFrames, PostedIgnoresTheMentionsStringAndReadsAThreadReply) {
    const json inner{{"id", "r1"},     {"root_id", "anon1"}, {"message", "thanks"},
                     {"user_id", "u"}, {"type", ""},         {"props", {{"from_bot", "true"}}}};
    const json frame{{"event", "posted"},
                     {"data",
                      {{"channel_type", "O"},
                       {"team_id", "t1"},
                       {"mentions", "[\"ouqzb1gs7pbd3bt5w8mpg1xdhe\"]"},
                       {"post", inner.dump()}}},
                     {"seq", 42}};
    const auto posted = frame_as<ws_posted>(frame.dump());
    EXPECT_EQ(posted.post.root_id, "anon1");
    EXPECT_TRUE(posted.post.from_bot);
    EXPECT_EQ(posted.team_id, "t1");
    EXPECT_EQ(posted.seq, 42);
}

TEST(MattermostWsFrames, PostedWithABadPostIsMalformed) {
    for (const std::string_view post_value :
         {R"({"post":{"id":"p"}})", R"({"post":"not json"})", R"({"post":"[1,2]"})",
          R"({"post":"{\"message\":\"no id\"}"})", R"({"post":"{\"id\":5}"})", R"({})"}) {
        const std::string frame =
            std::string(R"({"event":"posted","seq":3,"data":)") + std::string(post_value) + "}";
        const auto decoded = decode_ws_frame(frame);
        ASSERT_FALSE(decoded) << frame;
        EXPECT_EQ(decoded.error(), error::malformed_payload) << frame;
    }
    std::string deep = R"({"id":"p","props":)";
    deep += std::string(100, '[') + std::string(100, ']') + "}";
    const json frame{{"event", "posted"}, {"data", {{"post", deep}}}, {"seq", 1}};
    EXPECT_EQ(decode_ws_frame(frame.dump()).error(), error::malformed_payload);
}

TEST(MattermostWsFrames, ReadsRepliesToOurRequests) {
    const auto pong = frame_as<ws_reply>(R"({"status":"OK","seq_reply":7,"data":{"text":"pong",)"
                                         R"("version":"9.11.0","node_id":""}})");
    EXPECT_EQ(pong.seq_reply, 7);
    EXPECT_TRUE(pong.ok);
    EXPECT_EQ(pong.text, "pong");

    const auto auth = frame_as<ws_reply>(R"({"status": "OK", "seq_reply": 1})");
    EXPECT_EQ(auth.seq_reply, 1);
    EXPECT_TRUE(auth.ok);

    const auto failed = frame_as<ws_reply>(
        R"({"status":"FAIL","seq_reply":2,"error":{"id":"api.web_socket_router.bad_seq.app_error",)"
        R"("message":"Invalid sequence"}})");
    EXPECT_FALSE(failed.ok);
    EXPECT_EQ(failed.seq_reply, 2);
    EXPECT_EQ(failed.error_id, "api.web_socket_router.bad_seq.app_error");

    const auto odd = frame_as<ws_reply>(R"({"status":"OK","seq_reply":3,"data":[1],"error":"x"})");
    EXPECT_TRUE(odd.ok);
    EXPECT_EQ(odd.text, "");
}

TEST(MattermostWsFrames, OtherEventsKeepTheirNameAndSeq) {
    const auto typing = frame_as<ws_other_event>(
        R"({"event":"typing","data":{"parent_id":"","user_id":"u"},"broadcast":{},"seq":9})");
    EXPECT_EQ(typing.event, "typing");
    EXPECT_EQ(typing.seq, 9);
    const auto edited = frame_as<ws_other_event>(
        R"({"event":"post_edited","data":{"post":"not even parsed"},"seq":10})");
    EXPECT_EQ(edited.event, "post_edited");
    EXPECT_EQ(edited.seq, 10);
}

TEST(MattermostWsFrames, RefusesWhatIsNeitherEventNorReply) {
    EXPECT_EQ(decode_ws_frame(R"({"seq":1})").error(), error::unknown_payload);
    EXPECT_EQ(decode_ws_frame(R"({"event":"","seq":1})").error(), error::unknown_payload);
    EXPECT_EQ(decode_ws_frame(R"({"event":5})").error(), error::malformed_payload);
    EXPECT_EQ(decode_ws_frame(R"({"event":"typing","seq":"1"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_ws_frame(R"({"event":"hello","data":"x","seq":0})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_ws_frame(R"({"status":"OK","seq_reply":"one"})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_ws_frame(R"({"event":"typing","seq":1e30})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_ws_frame("\"hello\"").error(), error::malformed_payload);
    EXPECT_EQ(decode_ws_frame("").error(), error::malformed_payload);
}

TEST(MattermostWsFrames, BuildsTheAuthenticationChallenge) {
    const json frame = json::parse(authentication_challenge_frame(1, "tok\"en"));
    EXPECT_EQ(frame, (json{{"seq", 1},
                           {"action", "authentication_challenge"},
                           {"data", {{"token", "tok\"en"}}}}));
}

TEST(MattermostWsFrames, BuildsAPing) {
    const json frame = json::parse(ping_frame(12));
    EXPECT_EQ(frame, (json{{"seq", 12}, {"action", "ping"}}));
    EXPECT_FALSE(frame.contains("data"));
}

} // namespace
} // namespace openfloor::mattermost
