// Locks (product.md §3, §4): a moderator's `lock N` closes #N's thread to answers through the bot
// and stops its relays, and the thread says so; `unlock N` opens it again.
#include "tests/scenarios/harness.hpp"

#include <algorithm>

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;

class Locks : public scenario {
protected:
    Locks() { settings_.channels.at(2).anonymous_replies = true; }

    // alice's post #1 in #quick, delivered; returns its channel message ref.
    std::string published() {
        slash(alice, "#quick question: Is the VPN down for everyone?");
        deliver_due();
        return platform_.to("C0QUICK").back().ref;
    }

    std::size_t relays_to_alice() const {
        const auto sent = platform_.to("D0SECRETDM");
        return static_cast<std::size_t>(std::count_if(sent.begin(), sent.end(), [](const auto& s) {
            return s.job.body.kind == message_kind::relay;
        }));
    }
};

TEST_F(Locks, ALockedPostRefusesAnswersAndItsThreadSaysSo) {
    const auto ref = published();
    const auto r = slash(moderator, "lock 1");
    EXPECT_NE(r.messages.at(0).text.find("#1 is locked"), std::string::npos);
    EXPECT_TRUE(post(1)->locked);

    const auto teammate = slash(bob, "reply 1 one more thing");
    EXPECT_NE(teammate.messages.at(0).text.find("#1 is locked"), std::string::npos);
    EXPECT_NE(teammate.messages.at(0).text.find("answers are closed"), std::string::npos);
    dm(alice, "reply 1 and from me"); // a DM: the refusal goes out through the outbox
    EXPECT_FALSE(click(bob, bot::action::reply, "1").form.has_value());
    EXPECT_NE(core_->on_answer_form(bob, "1", "from the form").messages.at(0).text.find("locked"),
              std::string::npos);
    run_for(std::chrono::seconds(3));

    const auto threads = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(threads.size(), 1U) << "only the note that it is locked";
    EXPECT_EQ(threads[0].job.thread_ref, ref);
    EXPECT_EQ(threads[0].job.body.kind, message_kind::notice);
    EXPECT_NE(threads[0].job.body.text.find("locked this thread"), std::string::npos);
    EXPECT_NE(texts_to("D0SECRETDM").back().find("#1 is locked"), std::string::npos);
}

TEST_F(Locks, ALockedPostRelaysNothingAndUnlockOpensItAgain) {
    const auto ref = published();
    slash(moderator, "lock 1");
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Erin", "anyone?", "Ev-l1"});
    run_for(std::chrono::seconds(3));
    EXPECT_EQ(relays_to_alice(), 0U);

    const auto r = slash(moderator, "unlock 1");
    EXPECT_NE(r.messages.at(0).text.find("#1 is open again"), std::string::npos);
    EXPECT_FALSE(post(1)->locked);
    core_->on_thread_reply({bot::platform::slack, "C0QUICK", ref, "Erin", "now?", "Ev-l2"});
    slash(bob, "reply 1 back again");
    run_for(std::chrono::seconds(4));
    EXPECT_EQ(relays_to_alice(), 2U);
    const auto threads = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(threads.size(), 3U); // locked, opened again, bob's answer
    EXPECT_NE(threads[1].job.body.text.find("opened this thread again"), std::string::npos);
    EXPECT_EQ(threads[2].job.body.body, "back again");
}

TEST_F(Locks, OnlyModeratorsLockAndUnlock) {
    published();
    EXPECT_NE(slash(bob, "lock 1").messages.at(0).text.find("Only moderators"), std::string::npos);
    EXPECT_FALSE(post(1)->locked);
    slash(moderator, "lock 1");
    EXPECT_NE(slash(alice, "unlock 1").messages.at(0).text.find("Only moderators"),
              std::string::npos);
    EXPECT_TRUE(post(1)->locked);
}

TEST_F(Locks, LockingTwiceOrUnlockingAnOpenPostSaysSoAndChangesNothing) {
    published();
    EXPECT_NE(slash(moderator, "unlock 1").messages.at(0).text.find("#1 is not locked"),
              std::string::npos);
    slash(moderator, "lock 1");
    EXPECT_NE(slash(moderator, "lock 1").messages.at(0).text.find("#1 is already locked"),
              std::string::npos);
    EXPECT_NE(slash(moderator, "lock 9").messages.at(0).text.find("no post #9"), std::string::npos);
    run_for(std::chrono::seconds(3));
    EXPECT_EQ(platform_.of_kind(job_kind::thread_post).size(), 1U);
}

TEST_F(Locks, LocksAreAuditedAndCountedInStats) {
    published();
    slash(moderator, "lock 1");
    slash(moderator, "unlock 1");
    slash(moderator, "lock 1");
    std::vector<std::string> actions;
    for (const auto& a : store_->audit().since(bot::time_point{}).value()) {
        actions.push_back(a.action);
        EXPECT_EQ(a.number, 1);
        EXPECT_EQ(a.actor.rfind("moderator:", 0), 0U);
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"lock", "unlock", "lock"}));
    const auto stats = slash(moderator, "stats");
    EXPECT_NE(stats.messages.at(0).text.find("0 flags, 0 hidden by flags, 0 restored, 2 locked"),
              std::string::npos)
        << stats.messages.at(0).text;
}

} // namespace
} // namespace openfloor::testing
