// After real Mattermost traffic: no trace of the author's id, name or DM channel in the database
// files, in the debug log, or in anything the bot sent into a team or moderators channel.
#include "tests/mattermost_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

class MattermostAnonymity : public mattermost_e2e {};

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
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
        EXPECT_EQ(bytes.find(dm), std::string::npos) << "DM channel in " << what;
        EXPECT_EQ(bytes.find("alice"), std::string::npos) << "author name in " << what;
        EXPECT_EQ(bytes.find(bob), std::string::npos) << "replier id in " << what;
        EXPECT_EQ(bytes.find(mm_->bot_token), std::string::npos) << "token in " << what;
    }
}

} // namespace
} // namespace openfloor::testing
