// The Mattermost websocket under hostile frames (issue #6, faults): text that is not JSON, events
// of the wrong shape (a `posted` whose post is not JSON, or JSON of the wrong types), unknown
// events, replies to nothing, a deep nest and an oversized frame. The bot reads past each of
// them, keeps (or replaces) its socket by itself, and every real post in between is made once.
#include "tests/mattermost_e2e/fixture.hpp"
#include "tests/support/hostile_inputs.hpp"

#include <string>
#include <vector>

namespace openfloor::testing {
namespace {

class MattermostGarbageFrames : public mattermost_e2e {};

// The generic hostile bodies every decoder must survive, then this platform's own shapes.
std::vector<std::string> garbage_frames() {
    return hostile_json_with({
        "not json at all",
        R"({"event":42})",
        R"({"event":"posted"})",
        R"({"event":"posted","data":{"post":"{not json"}})",
        R"({"event":"posted","data":{"post":"{\"id\":7,\"message\":[]}"}})",
        R"({"event":"posted","data":{"post":"{}","channel_type":"D"}})",
        R"({"event":"hello","data":{"connection_id":17}})",
        R"({"status":"OK","seq_reply":999999})",
        R"({"event":"no_such_event","data":{},"broadcast":{}})",
        R"({"event":"posted","data":{"post":")" + std::string(300'000, 'A') + R"("}})",
        "\xff\xfe\xfd invalid UTF-8",
    });
}

TEST_F(MattermostGarbageFrames, EveryRealPostBetweenGarbageFramesIsMadeOnce) {
    boot();
    int real = 0;
    for (const auto& frame : garbage_frames()) {
        ASSERT_TRUE(wait_for([&] { return mm_->newest_socket() != nullptr; }))
            << "the bot keeps a socket open";
        mm_->newest_socket()->send(frame);
        ++real;
        mm_->dm_post(alice, "#quick question: real post " + std::to_string(real) + " end");
    }
    ASSERT_TRUE(wait_for([&] { return bot_posts_in(quick) == static_cast<std::size_t>(real); }))
        << "posted " << bot_posts_in(quick) << " of " << real;
    run_until(
        ioc_, [] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(bot_posts_in(quick), static_cast<std::size_t>(real)) << "nothing made twice";
    for (int i = 1; i <= real; ++i) {
        EXPECT_TRUE(bot_post_in(quick, "real post " + std::to_string(i) + " end").has_value()) << i;
    }
    EXPECT_TRUE(wait_for([&] { return bot_->mattermost()->healthy(); }));
    std::printf("mattermost-garbage-frames: %zu garbage frames, %d real posts, %zu made, %zu "
                "sockets opened\n",
                garbage_frames().size(), real, bot_posts_in(quick), mm_->sockets_opened());
}

} // namespace
} // namespace openfloor::testing
