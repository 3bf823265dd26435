// The weekly digest (README "Weekly digest") against the real core and a real SQLite file: what
// it counts, where a week begins and ends, who gets one, and that a week goes out once, restarts
// and a late start included.
#include "bot/digest.hpp"
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

class Digest : public scenario {
protected:
    Digest() {
        settings_.limits.posts_per_hour = 100;
        settings_.outbound.channel_interval = std::chrono::milliseconds(0);
        settings_.channels.at(2).digest = true; // #quick: posts at once, without a preview
        week_end_ = bot::last_week_end(settings_.digest, clock_.now()) + 2 * bot::digest_week;
    }

    void advance_to(bot::time_point t) {
        ASSERT_GE(t, clock_.now());
        clock_.advance(std::chrono::duration_cast<std::chrono::milliseconds>(t - clock_.now()));
    }

    // A post in #quick by `who`, published now; its number.
    bot::post_number publish(std::string_view category, std::string_view text,
                             const bot::actor& who) {
        const auto r = slash(who, "#quick " + std::string(category) + ": " + std::string(text));
        deliver_due();
        EXPECT_GT(r.published, 0) << text;
        auto p = post(r.published);
        EXPECT_TRUE(p && p->state == bot::post_state::posted) << text;
        return r.published;
    }

    void reply_to(bot::post_number n) {
        const auto p = post(n);
        ASSERT_TRUE(p && p->message_ref);
        core_->on_thread_reply({bot::platform::slack, "C0QUICK", *p->message_ref, "Bob",
                                "here is how", "Ev-reply-" + std::to_string(n)});
        deliver_due();
    }

    int due_digests() {
        const bot::digest_round round = core_->post_due_digests();
        deliver_due();
        return round.queued;
    }

    std::vector<sent_job> digests() const { return platform_.of_kind(job_kind::channel_notice); }

    std::string say(bot::text_id id) const { return bot::texts("en").say(id); }

    // A Friday 16:00 UTC (the default schedule), two weeks or less ahead of the clock.
    bot::time_point week_end_;
};

TEST_F(Digest, CountsTheWeeksPostsAndRepliesPerCategoryWithoutNamingAnyone) {
    advance_to(week_end_ - days(3));
    const auto first = publish("mistake", "the totals on page 3 are off", alice);
    publish("mistake", "the backup job skipped Sunday", bob);
    const auto asked = publish("question", "who owns the staging certificates?", alice);
    reply_to(first);
    reply_to(asked);

    advance_to(week_end_);
    const bot::digest_round round = core_->post_due_digests();
    EXPECT_EQ(round.queued, 1);
    EXPECT_EQ(round.next_check, week_end_ + bot::digest_week);
    deliver_due();

    const auto sent = digests();
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_EQ(sent[0].job.channel_id, "C0QUICK");
    EXPECT_EQ(sent[0].job.body.kind, bot::message_kind::notice);
    const std::string& text = sent[0].job.body.text;
    EXPECT_EQ(text, say(bot::text_id::digest_heading) +
                        "\n• I noticed a mistake: 2, 1 with a reply"
                        "\n• I have a question: 1, 1 with a reply\n" +
                        say(bot::text_id::digest_closing));
    EXPECT_TRUE(sent[0].job.body.body.empty());
    for (const char* private_bit :
         {"U0SECRETALICE", "D0SECRETDM", "U0BOB", "Bob", "totals", "staging", "#1", "#3"}) {
        EXPECT_EQ(text.find(private_bit), std::string::npos) << private_bit << " in:\n" << text;
    }
}

TEST_F(Digest, OnlyChannelsThatOptedInGetOne) {
    settings_.channels.at(2).digest = false;
    advance_to(week_end_ - hours(1));
    publish("mistake", "a mistake in #quick", alice);
    advance_to(week_end_);
    EXPECT_EQ(due_digests(), 0);
    EXPECT_TRUE(digests().empty());
    auto depth = store_->outbox().depth();
    ASSERT_TRUE(depth);
    EXPECT_EQ(*depth, 0);

    settings_.channels.at(0).digest = true; // #eng, which had no post this week
    EXPECT_EQ(due_digests(), 1);
    const auto sent = digests();
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_EQ(sent[0].job.channel_id, "C0ENG");
    EXPECT_EQ(sent[0].job.body.text, say(bot::text_id::digest_quiet)) << "its own counts";
}

TEST_F(Digest, AWeekCountsWhatAppearedFromItsStartUntilItsEnd) {
    advance_to(week_end_ - bot::digest_week - minutes(1));
    publish("mistake", "last week", alice);
    advance_to(week_end_ - bot::digest_week);
    publish("question", "the first minute of the week", alice);
    advance_to(week_end_ - minutes(1));
    publish("question", "the last minute of the week", alice);
    advance_to(week_end_);
    publish("mistake", "the first minute of the next week", alice);
    EXPECT_EQ(due_digests(), 1);

    advance_to(week_end_ + bot::digest_week);
    EXPECT_EQ(due_digests(), 1);
    const auto sent = digests();
    ASSERT_EQ(sent.size(), 2U);
    const std::string& week = sent[0].job.body.text;
    EXPECT_NE(week.find("• I have a question: 2, 0 with a reply"), std::string::npos) << week;
    EXPECT_EQ(week.find("I noticed a mistake"), std::string::npos) << week;
    const std::string& next = sent[1].job.body.text;
    EXPECT_NE(next.find("• I noticed a mistake: 1, 0 with a reply"), std::string::npos) << next;
    EXPECT_EQ(next.find("I have a question"), std::string::npos) << next;
}

TEST_F(Digest, GoesOutOnceAWeekAcrossRestarts) {
    advance_to(week_end_ - days(1));
    publish("question", "is the VPN down?", alice);
    advance_to(week_end_);
    EXPECT_EQ(due_digests(), 1);
    EXPECT_EQ(due_digests(), 0) << "asked again at once";
    restart();
    EXPECT_EQ(due_digests(), 0) << "after a restart";
    advance_to(week_end_ + hours(3));
    restart();
    EXPECT_EQ(due_digests(), 0) << "a restart later that day";
    EXPECT_EQ(digests().size(), 1U);

    advance_to(week_end_ + bot::digest_week);
    EXPECT_EQ(due_digests(), 1);
    EXPECT_EQ(digests().size(), 2U);
}

TEST_F(Digest, ADigestQueuedBeforeACrashIsDeliveredOnceAfterIt) {
    advance_to(week_end_);
    EXPECT_EQ(core_->post_due_digests().queued, 1); // queued, not delivered: then the crash
    restart();
    EXPECT_EQ(core_->post_due_digests().queued, 0);
    deliver_due();
    EXPECT_EQ(digests().size(), 1U);
}

TEST_F(Digest, ALateStartCatchesUpWithinADayAndSkipsAWeekThatEndedLongerAgo) {
    advance_to(week_end_ + hours(23));
    EXPECT_EQ(due_digests(), 1) << "down for the week end, up the same day";

    advance_to(week_end_ + bot::digest_week + hours(25));
    const bot::digest_round round = core_->post_due_digests();
    EXPECT_EQ(round.queued, 0) << "a day late is too late";
    EXPECT_EQ(round.next_check, week_end_ + 2 * bot::digest_week);
    advance_to(round.next_check);
    EXPECT_EQ(due_digests(), 1);
    EXPECT_EQ(digests().size(), 2U);
}

TEST_F(Digest, AQuietWeekGetsOneGentleLine) {
    advance_to(week_end_);
    EXPECT_EQ(due_digests(), 1);
    const auto sent = digests();
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_EQ(sent[0].job.body.text, say(bot::text_id::digest_quiet));
}

TEST_F(Digest, APostTakenDownIsNotCounted) {
    advance_to(week_end_ - days(2));
    publish("mistake", "stays up", alice);
    const auto removed = publish("mistake", "taken down", bob);
    slash(moderator, "delete " + std::to_string(removed));
    deliver_due();
    ASSERT_EQ(post(removed)->state, bot::post_state::deleted);
    advance_to(week_end_);
    EXPECT_EQ(due_digests(), 1);
    const std::string text = digests().at(0).job.body.text;
    EXPECT_NE(text.find("• I noticed a mistake: 1, 0 with a reply"), std::string::npos) << text;
}

TEST_F(Digest, MovingTheScheduleNeverMakesTwoInAWeek) {
    advance_to(week_end_); // a Friday
    EXPECT_EQ(due_digests(), 1);
    settings_.digest.day = std::chrono::Monday;
    advance_to(week_end_ + days(3)); // the Monday after: three days on
    EXPECT_EQ(due_digests(), 0);
    advance_to(week_end_ + days(10)); // the Monday after that
    EXPECT_EQ(due_digests(), 1);
    EXPECT_EQ(digests().size(), 2U);
}

TEST_F(Digest, AWebhookChannelGetsItThroughItsWebhook) {
    settings_.channels.at(2).webhook_url = "https://hooks.example.com/quick";
    advance_to(week_end_);
    EXPECT_EQ(due_digests(), 1);
    const auto sent = digests();
    ASSERT_EQ(sent.size(), 1U);
    EXPECT_EQ(sent[0].job.webhook_url, "https://hooks.example.com/quick");
}

} // namespace
} // namespace openfloor::testing
