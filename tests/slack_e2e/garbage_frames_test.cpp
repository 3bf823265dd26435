// Socket Mode under hostile frames (issue #6, faults): text that is not JSON, JSON of the wrong
// shape, unknown envelope types, a deep nest and an oversized frame. The bot reads past each of
// them, stays connected (or reconnects by itself), and every real event in between still makes
// exactly one post.
#include "tests/slack_e2e/fixture.hpp"

#include <string>
#include <vector>

namespace openfloor::testing {
namespace {

class SlackGarbageFrames : public slack_e2e {};

std::vector<std::string> garbage_frames() {
    return {
        "not json at all",
        "{",
        "[]",
        "null",
        R"({"type":42})",
        R"({"type":"events_api"})",                                   // no envelope, no payload
        R"({"type":"events_api","envelope_id":"g1","payload":"x"})",  // payload of the wrong type
        R"({"type":"events_api","envelope_id":"g2","payload":{"event":[]}})",
        R"({"type":"slash_commands","envelope_id":"g3","payload":{}})",
        R"({"type":"interactive","envelope_id":"g4","payload":{"type":"block_actions"}})",
        R"({"type":"no_such_type","envelope_id":"g5","payload":{}})",
        std::string(10'000, '[') + std::string(10'000, ']'),
        "{\"type\":\"events_api\",\"envelope_id\":\"g6\",\"payload\":\"" +
            std::string(300'000, 'A') + "\"}",
        "\xff\xfe\xfd invalid UTF-8",
    };
}

TEST_F(SlackGarbageFrames, EveryRealEventBetweenGarbageFramesIsPostedOnce) {
    boot(config::slack_mode::socket);
    int real = 0;
    for (const auto& frame : garbage_frames()) {
        auto socket = slack_->newest_socket();
        ASSERT_TRUE(socket) << "the bot keeps a socket open";
        socket->send(frame);
        ++real;
        event(slack_->dm_event(alice, alice_dm, "#quick real event " + std::to_string(real),
                               "EvGarbage" + std::to_string(real)));
    }
    ASSERT_TRUE(wait_for([&] {
        return slack_->posts_to("C0QUICK").size() == static_cast<std::size_t>(real);
    })) << "posted " << slack_->posts_to("C0QUICK").size() << " of " << real;
    // Nothing late arrives twice.
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), static_cast<std::size_t>(real));
    EXPECT_TRUE(wait_for([&] { return bot_->slack()->healthy(); }));
    std::printf("slack-garbage-frames: %zu garbage frames, %d real events, %zu posts, %zu "
                "sockets opened\n",
                garbage_frames().size(), real, slack_->posts_to("C0QUICK").size(),
                slack_->sockets.size());
}

} // namespace
} // namespace openfloor::testing
