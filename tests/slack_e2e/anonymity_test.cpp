// After real Slack traffic: no trace of the author's id or DM channel in the database files, in
// the debug log, or in anything the bot sent into a team or moderators channel.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

class SlackAnonymity : public slack_e2e {};

TEST_F(SlackAnonymity, NoFlowLeavesTheAuthorBehind) {
    boot(config::slack_mode::socket);
    event(slack_->dm_event(alice, alice_dm, "#eng mistake: totals", "EvX1"));
    ASSERT_TRUE(wait_for([&] { return !draft_in(alice_dm).empty(); }));
    click(alice, alice_dm, "openfloor_confirm", draft_in(alice_dm));
    command(alice, "C0ENG", "#ops question: rota?");
    event(slack_->dm_event(alice, alice_dm, "#quick question: staging?", "EvX2"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0ENG").size() == 1 &&
                                      slack_->posts_to("C0QUICK").size() == 1; }));
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0ENG", ts, "which tab?", "EvX3"));
    event(slack_->dm_event(alice, alice_dm, "reply 1 the summary", "EvX4", "1700000600.000100"));
    command(moderator, "C0MODS", "ban 3 1d");
    command(moderator, "C0MODS", "unban 3");
    ASSERT_TRUE(wait_for([&] {
        for (const auto& c : slack_->posts_to("C0ENG")) {
            if (c.body.contains("thread_ts")) {
                return true;
            }
        }
        return false;
    }));

    for (const auto& call : slack_->calls) {
        const std::string channel = call.body.is_object() ? call.body.value("channel", "") : "";
        if (channel.rfind('C', 0) == 0) { // team and moderators channels
            EXPECT_EQ(call.body.dump().find(alice), std::string::npos) << call.body.dump();
            EXPECT_EQ(call.body.dump().find(alice_dm), std::string::npos) << call.body.dump();
        }
    }
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
        EXPECT_EQ(bytes.find(alice_dm), std::string::npos) << "DM channel in " << what;
    }
    EXPECT_FALSE(log_.empty());
}

} // namespace
} // namespace openfloor::testing
