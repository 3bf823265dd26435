// Moderation scenarios (product.md §4): the queue, approve, reject, delete, ban, unban, stats.
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;

class Moderation : public scenario {
protected:
    // alice posts into the pre-moderated #ops; returns after the queue item is delivered.
    void queue_post(std::string_view text) {
        dm(alice, "#ops " + std::string(text));
        deliver_due();
        click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
        run_for(std::chrono::seconds(2));
    }
};

TEST_F(Moderation, PreModeratedPostWaitsForApprovalThenReachesTheChannel) {
    queue_post("question: Who owns the billing cron?");
    EXPECT_TRUE(platform_.to("C0OPS").empty());
    const auto queue = platform_.to("C0MODS");
    ASSERT_EQ(queue.size(), 1U);
    EXPECT_EQ(queue[0].job.body.kind, message_kind::queue_item);
    EXPECT_EQ(queue[0].job.body.body, "Who owns the billing cron?");
    ASSERT_EQ(queue[0].job.body.buttons.size(), 2U);
    EXPECT_EQ(queue[0].job.body.buttons[0].action, bot::action::approve);
    EXPECT_EQ(queue[0].job.body.buttons[0].value, "1");

    auto r = click(moderator, bot::action::approve, "1");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("approved"), std::string::npos);
    run_for(std::chrono::seconds(3));

    const auto posts = platform_.to("C0OPS");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.body, "Who owns the billing cron?");
    const auto updates = platform_.of_kind(job_kind::update_queue_item);
    ASSERT_EQ(updates.size(), 1U);
    EXPECT_EQ(updates[0].job.message_ref, queue[0].ref) << "the queue item itself is updated";
    const auto notices = texts_to("D0SECRETDM");
    ASSERT_FALSE(notices.empty());
    EXPECT_NE(notices.back().find("approved"), std::string::npos);

    auto audit = store_->audit().since(bot::time_point{});
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->size(), 1U);
    EXPECT_EQ(audit->at(0).action, "approve");
    EXPECT_EQ(audit->at(0).number, 1);
    EXPECT_EQ(audit->at(0).actor.rfind("moderator:", 0), 0U);
}

TEST_F(Moderation, RejectTellsTheAuthorTheReasonAndPostsNothing) {
    queue_post("mistake: The release notes are wrong");
    auto r = slash(moderator, "reject 1 please add which release");
    ASSERT_EQ(r.messages.size(), 1U);
    run_for(std::chrono::seconds(3));
    EXPECT_TRUE(platform_.to("C0OPS").empty());
    const auto notices = texts_to("D0SECRETDM");
    ASSERT_FALSE(notices.empty());
    EXPECT_NE(notices.back().find("not approved"), std::string::npos);
    EXPECT_NE(notices.back().find("please add which release"), std::string::npos);
    EXPECT_EQ(post(1)->state, bot::post_state::rejected);
    auto again = click(moderator, bot::action::approve, "1");
    EXPECT_NE(again.messages.at(0).text.find("not waiting for review"), std::string::npos);
}

TEST_F(Moderation, NonModeratorCannotApproveAndIsToldSo) {
    queue_post("question: anything");
    auto r = click(bob, bot::action::approve, "1");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("Only moderators"), std::string::npos);
    auto slash_try = slash(bob, "approve 1");
    EXPECT_NE(slash_try.messages.at(0).text.find("Only moderators"), std::string::npos);
    deliver_due();
    EXPECT_TRUE(platform_.to("C0OPS").empty());
    EXPECT_TRUE(post(1)->awaiting_review);
}

TEST_F(Moderation, AnyoneActingInTheModeratorsChannelIsAModerator) {
    queue_post("question: from the queue");
    bot::actor member = bob;
    member.channel_id = "C0MODS";
    click(member, bot::action::approve, "1");
    deliver_due();
    EXPECT_EQ(platform_.to("C0OPS").size(), 1U);
}

TEST_F(Moderation, BanRefusesTheAuthorsNextPostUntilUnbanned) {
    slash(alice, "#quick first post");
    deliver_due();
    auto banned = slash(moderator, "ban 1 7d");
    EXPECT_NE(banned.messages.at(0).text.find("7d"), std::string::npos);

    auto refused = slash(alice, "#quick second post");
    ASSERT_EQ(refused.messages.size(), 1U);
    EXPECT_NE(refused.messages[0].text.find("paused"), std::string::npos);
    EXPECT_FALSE(post(2));
    slash(bob, "#quick bob still posts");
    EXPECT_TRUE(post(2));

    slash(moderator, "unban 1");
    slash(alice, "#quick back again");
    EXPECT_TRUE(post(3));
}

TEST_F(Moderation, TimedBanEndsByItself) {
    slash(alice, "#quick first");
    slash(moderator, "ban 1 12h");
    EXPECT_FALSE(slash(alice, "#quick during").messages.empty());
    EXPECT_FALSE(post(2));
    clock_.advance(std::chrono::hours(13));
    slash(alice, "#quick after");
    EXPECT_TRUE(post(2));
}

TEST_F(Moderation, ABadBanDurationIsExplained) {
    slash(alice, "#quick first");
    auto r = slash(moderator, "ban 1 forever-ish");
    EXPECT_NE(r.messages.at(0).text.find("did not understand"), std::string::npos);
    slash(alice, "#quick still allowed");
    EXPECT_TRUE(post(2));
}

TEST_F(Moderation, ModeratorDeleteRemovesThePostAndKeepsATombstone) {
    slash(alice, "#quick to be removed");
    deliver_due();
    const auto ref = platform_.to("C0QUICK").at(0).ref;
    slash(moderator, "delete 1 off-topic");
    clock_.advance(std::chrono::seconds(2)); // past the channel pacing
    deliver_due();
    const auto deletes = platform_.of_kind(job_kind::delete_post);
    ASSERT_EQ(deletes.size(), 1U);
    EXPECT_EQ(deletes[0].job.message_ref, ref);
    auto tomb = post(1);
    ASSERT_TRUE(tomb);
    EXPECT_EQ(tomb->state, bot::post_state::deleted);
    EXPECT_NE(texts_to("D0SECRETDM").back().find("off-topic"), std::string::npos);
}

TEST_F(Moderation, DeletingAPostStillInTheOutboxMeansItIsNeverSent) {
    settings_.posting.delay_min = std::chrono::seconds(30);
    settings_.posting.delay_max = std::chrono::seconds(30);
    slash(alice, "#quick second thoughts");
    slash(alice, "delete 1");
    clock_.advance(std::chrono::seconds(31));
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());
    EXPECT_EQ(post(1)->state, bot::post_state::deleted);
}

TEST_F(Moderation, StatsCountPostsOutcomesAndReplyTime) {
    slash(alice, "#quick one");
    slash(bob, "#quick q: two");
    queue_post("question: three");
    slash(moderator, "reject 3");
    run_for(std::chrono::seconds(3));
    const auto first = platform_.to("C0QUICK").at(0);
    clock_.advance(std::chrono::minutes(10));
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", first.ref, "Bob", "answer", "Ev-r"});
    auto r = slash(moderator, "stats 7");
    ASSERT_EQ(r.messages.size(), 1U);
    const auto& text = r.messages[0].text;
    EXPECT_NE(text.find("#quick · I noticed a mistake: 1"), std::string::npos) << text;
    EXPECT_NE(text.find("#quick · I have a question: 1"), std::string::npos) << text;
    EXPECT_NE(text.find("3 posts"), std::string::npos) << text;
    EXPECT_NE(text.find("1 rejected"), std::string::npos) << text;
    EXPECT_NE(text.find("first reply"), std::string::npos) << text;
    auto refused = slash(bob, "stats");
    EXPECT_NE(refused.messages.at(0).text.find("Only moderators"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing
