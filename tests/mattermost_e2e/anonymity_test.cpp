// After real Mattermost traffic: no trace of the author's id, name or DM channel in the database
// files, in the debug log, in /metrics, in anything the bot sent into a team or moderators
// channel, or in any request to Mattermost but those addressed back to the author.
#include "tests/mattermost_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

#include <iostream>

namespace openfloor::testing {
namespace {

class MattermostAnonymity : public mattermost_e2e {
protected:
    // A request that goes back to `user` alone: opening their DM, reading or posting in it, or
    // an ephemeral post only they see.
    static bool addressed_to(const mm_call& call, const std::string& user, const std::string& dm) {
        if (call.path == "/api/v4/channels/direct") {
            return call.body.is_array() && call.body.size() == 2 &&
                   (call.body[0] == user || call.body[1] == user);
        }
        if (call.path == "/api/v4/posts/ephemeral") {
            return call.body.is_object() && call.body.value("user_id", "") == user;
        }
        if (call.path.starts_with("/api/v4/channels/" + dm + "/")) {
            return true; // a catch-up reading the DM
        }
        return call.body.is_object() && call.body.value("channel_id", "") == dm;
    }
};

TEST_F(MattermostAnonymity, NoFlowLeavesTheAuthorBehind) {
    boot();
    mm_->dm_post(alice, "#eng mistake: totals");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    ASSERT_EQ(click(mm_->last_post_with_buttons(dm), "openfloor_confirm", alice).status, 200U);
    command_answer(alice, town_square, "#ops question: rota?");
    ASSERT_TRUE(wait_for([&] { return mm_->last_post_with_buttons(dm) != ""; }));
    mm_->dm_post(alice, "post");
    mm_->dm_post(alice, "#quick question: staging?");
    ASSERT_TRUE(wait_for_post(quick, "staging"));
    const std::string first = post_id_of(1);
    ASSERT_FALSE(first.empty());
    mm_->thread_reply(bob, "bob", eng, first, "which tab?");
    ASSERT_TRUE(wait_for_post(dm, "which tab"));
    mm_->dm_post(alice, "reply 1 the summary");
    ASSERT_TRUE(wait_for_post(eng, "the summary"));
    command_answer(moderator, town_square, "ban 3 1d");
    command_answer(moderator, town_square, "unban 3");
    mm_->forget_connections = true;
    ASSERT_TRUE(mm_->drop_socket());
    mm_->dm_post(alice, "#quick question: after a catch-up");
    ASSERT_TRUE(wait_for_post(quick, "after a catch-up"));
    ASSERT_TRUE(wait_for([&] { return log_.find("mattermost.caught_up") != std::string::npos; }));

    for (const auto& channel : {eng, ops, quick, mods}) {
        for (const auto& p : mm_->posts_in(channel)) {
            if (p.value("user_id", "") != mm_->bot_user_id) {
                continue;
            }
            const std::string text = p.dump();
            EXPECT_EQ(text.find(alice), std::string::npos) << text;
            EXPECT_EQ(text.find(dm), std::string::npos) << text;
            EXPECT_EQ(text.find("alice"), std::string::npos) << text;
        }
    }
    std::size_t to_alice = 0;
    for (const auto& call : mm_->calls) {
        const std::string sent = call.method + " " + call.target + " " + call.body.dump();
        if (sent.find(alice) == std::string::npos && sent.find(dm) == std::string::npos) {
            continue;
        }
        ++to_alice;
        EXPECT_TRUE(addressed_to(call, alice, dm)) << "the author, sent elsewhere: " << sent;
    }
    EXPECT_GT(to_alice, 0U) << "the scan saw the author's own messages";
    const auto metrics = get("/metrics");
    EXPECT_EQ(metrics.status, 200U);
    for (const auto& secret : {alice, dm, std::string("alice"), bob, moderator, eng, quick,
                               std::string("totals"), mm_->bot_token}) {
        EXPECT_EQ(metrics.body.find(secret), std::string::npos) << secret << " in /metrics";
    }
    std::size_t scanned = 0;
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        scanned += bytes.size();
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
        EXPECT_EQ(bytes.find(dm), std::string::npos) << "DM channel in " << what;
        EXPECT_EQ(bytes.find("alice"), std::string::npos) << "author name in " << what;
        EXPECT_EQ(bytes.find(bob), std::string::npos) << "replier id in " << what;
        EXPECT_EQ(bytes.find(mm_->bot_token), std::string::npos) << "token in " << what;
    }
    // The figure SECURITY.md quotes.
    std::cout << "anonymity(mattermost): " << mm_->calls.size()
              << " requests to the platform scanned, " << to_alice
              << " carried the author and all went back to the author; " << scanned
              << " bytes of database, -wal, -shm and debug log and " << metrics.body.size()
              << " bytes of /metrics hold no author id or DM channel\n";
}

} // namespace
} // namespace openfloor::testing
