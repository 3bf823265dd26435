// Socket Mode under hostile frames (issue #6, faults): text that is not JSON, JSON of the wrong
// shape, unknown envelope types, a deep nest and an oversized frame. The bot reads past each of
// them, stays connected (or reconnects by itself), and every real event in between still makes
// exactly one post.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/hostile_inputs.hpp"

#include <string>
#include <vector>

namespace openfloor::testing {
namespace {

class SlackGarbageFrames : public slack_e2e {};

// The generic hostile bodies every decoder must survive, then this platform's own shapes.
std::vector<std::string> garbage_frames() {
    return hostile_json_with({
        "not json at all",
        R"({"type":42})",
        R"({"type":"events_api"})",                                  // no envelope, no payload
        R"({"type":"events_api","envelope_id":"g1","payload":"x"})", // payload of the wrong type
        R"({"type":"events_api","envelope_id":"g2","payload":{"event":[]}})",
        R"({"type":"slash_commands","envelope_id":"g3","payload":{}})",
        R"({"type":"interactive","envelope_id":"g4","payload":{"type":"block_actions"}})",
        R"({"type":"no_such_type","envelope_id":"g5","payload":{}})",
        "{\"type\":\"events_api\",\"envelope_id\":\"g6\",\"payload\":\"" +
            std::string(300'000, 'A') + "\"}",
        "\xff\xfe\xfd invalid UTF-8",
    });
}

TEST_F(SlackGarbageFrames, EveryRealEventBetweenGarbageFramesIsPostedOnce) {
    boot(config::slack_mode::socket);
    int real = 0;
    int redelivered = 0;
    for (const auto& frame : garbage_frames()) {
        ASSERT_TRUE(wait_for([&] { return slack_->newest_socket() && bot_->slack()->healthy(); }))
            << "the bot keeps (or replaces) its socket by itself";
        slack_->newest_socket()->send(frame);
        ++real;
        const auto event =
            slack_->dm_event(alice, alice_dm, "#quick real event " + std::to_string(real),
                             "EvGarbage" + std::to_string(real));
        // Like Slack: an envelope that was not acked (its socket failed first: a text frame that
        // is not UTF-8 ends the connection, RFC 6455 §8.1) is sent again on the next socket.
        for (;;) {
            auto socket = slack_->newest_socket();
            const auto id = slack_->push_on(*socket, "events_api", event);
            ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value() || !socket->open; }));
            if (slack_->ack_for(id)) {
                break;
            }
            ++redelivered;
            ASSERT_TRUE(wait_for([&] {
                auto next = slack_->newest_socket();
                return next && next != socket && bot_->slack()->healthy();
            }));
        }
    }
    ASSERT_TRUE(wait_for([&] {
        return slack_->posts_to("C0QUICK").size() == static_cast<std::size_t>(real);
    })) << "posted "
        << slack_->posts_to("C0QUICK").size() << " of " << real;
    // Nothing late arrives twice.
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), static_cast<std::size_t>(real));
    EXPECT_TRUE(wait_for([&] { return bot_->slack()->healthy(); }));
    std::printf("slack-garbage-frames: %zu garbage frames, %d real events, %zu posts, %d "
                "redelivered after a socket failed, %zu sockets opened\n",
                garbage_frames().size(), real, slack_->posts_to("C0QUICK").size(), redelivered,
                slack_->sockets.size());
}

} // namespace
} // namespace openfloor::testing
