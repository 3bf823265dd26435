// Two-way thread scenarios (product.md §3): relays to the author, answers as the author.
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;

class Threads : public scenario {
protected:
    // alice's post #1 in #quick, delivered; returns its channel message ref.
    std::string published() {
        slash(alice, "#quick question: Is the VPN down for everyone?");
        deliver_due();
        return platform_.to("C0QUICK").at(0).ref;
    }
};

TEST_F(Threads, AThreadReplyIsRelayedToTheAuthorWithThePostNumber) {
    const auto ref = published();
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "Yes, since 9:00", "Ev-1"});
    deliver_due();
    const auto relays = platform_.to("D0SECRETDM");
    ASSERT_EQ(relays.size(), 1U); // the slash command's answers were ephemeral
    const auto& relay = relays[0].job.body;
    EXPECT_EQ(relay.kind, message_kind::relay);
    EXPECT_EQ(relay.number, 1);
    EXPECT_NE(relay.text.find("#1"), std::string::npos);
    EXPECT_NE(relay.text.find("Bob"), std::string::npos);
    EXPECT_EQ(relay.body, "Yes, since 9:00");
}

TEST_F(Threads, ARepliedEventDeliveredTwiceIsRelayedOnce) {
    const auto ref = published();
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "once", "Ev-same"});
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "once", "Ev-same"});
    run_for(std::chrono::seconds(3));
    EXPECT_EQ(platform_.to("D0SECRETDM").size(), 1U);
}

TEST_F(Threads, RepliesUnderOtherMessagesAreIgnored) {
    published();
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", "ts-unknown", "Bob", "hi", "Ev-2"});
    core_->on_thread_reply({bot::platform::slack, "C0OTHER", "ts-1", "Bob", "hi", "Ev-3"});
    run_for(std::chrono::seconds(3));
    EXPECT_TRUE(platform_.to("D0SECRETDM").empty());
}

TEST_F(Threads, TheAuthorAnswersIntoTheThreadAsAuthorOfN) {
    const auto ref = published();
    dm(alice, "reply 1 Thanks, I will wait then");
    run_for(std::chrono::seconds(2)); // the thread is in the same channel: paced
    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].job.channel_id, "C0QUICK");
    EXPECT_EQ(answers[0].job.thread_ref, ref);
    EXPECT_EQ(answers[0].job.body.kind, message_kind::thread_answer);
    EXPECT_EQ(answers[0].job.body.body, "Thanks, I will wait then");
    EXPECT_EQ(answers[0].job.body.text, "— author of #1");
    EXPECT_NE(texts_to("D0SECRETDM").back().find("thread of #1"), std::string::npos);
}

TEST_F(Threads, TheAuthorCanAnswerInTheThreadOfTheRelayedDm) {
    const auto ref = published();
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Bob", "Which office?", "Ev-4"});
    deliver_due();
    const auto relay_ref = platform_.to("D0SECRETDM").back().ref;
    core_->on_relay_answer(alice, relay_ref, "Berlin", "Ev-5");
    run_for(std::chrono::seconds(2));
    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].job.thread_ref, ref);
    EXPECT_EQ(answers[0].job.body.body, "Berlin");
    // Someone else answering in their own DM under the same ref reaches nothing.
    core_->on_relay_answer(bob, relay_ref, "not mine", "Ev-6");
    run_for(std::chrono::seconds(2));
    EXPECT_EQ(platform_.of_kind(job_kind::thread_post).size(), 1U);
}

TEST_F(Threads, AnAnswerWaitsUntilItsPostIsInTheChannel) {
    settings_.posting.delay_min = std::chrono::seconds(5);
    settings_.posting.delay_max = std::chrono::seconds(5);
    slash(alice, "#quick delayed question");
    slash(alice, "reply 1 and a follow-up");
    deliver_due();
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
    run_for(std::chrono::seconds(8));
    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].job.thread_ref, platform_.to("C0QUICK").at(0).ref);
}

TEST_F(Threads, SomeoneElsesReplyNIsRefusedWithTheReason) {
    published();
    auto r = slash(bob, "reply 1 pretending to be the author");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("Only the author of #1"), std::string::npos);
    EXPECT_NE(r.messages[0].text.find("not turned on"), std::string::npos);
    deliver_due();
    EXPECT_TRUE(platform_.of_kind(job_kind::thread_post).empty());
}

TEST_F(Threads, OnlyTheAuthorCanDeleteTheirPost) {
    published();
    auto refused = slash(bob, "delete 1");
    EXPECT_NE(refused.messages.at(0).text.find("Only the author of #1"), std::string::npos);
    EXPECT_EQ(post(1)->state, bot::post_state::posted);
    auto ok = slash(alice, "delete 1");
    EXPECT_NE(ok.messages.at(0).text.find("removed"), std::string::npos);
    EXPECT_EQ(post(1)->state, bot::post_state::deleted);
    clock_.advance(std::chrono::seconds(2));
    deliver_due();
    EXPECT_EQ(platform_.of_kind(job_kind::delete_post).size(), 1U);
}

TEST_F(Threads, ReplyToAPostThatDoesNotExistSaysSo) {
    auto r = slash(alice, "reply 42 hello");
    EXPECT_NE(r.messages.at(0).text.find("no post #42"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing
