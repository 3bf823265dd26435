// The weekly digest over Slack, end to end: posts and a thread reply during the week, the bot
// restarted after the week's end on the same database, and the digest arriving in the team
// channel once, with its counts and nothing of anyone.
#include "tests/slack_e2e/fixture.hpp"
#include "tests/support/e2e.hpp"

namespace openfloor::testing {
namespace {

using namespace std::chrono_literals;

class SlackDigest : public slack_e2e {
protected:
    // The first minute boundary two days from now: the end of the week the test posts in.
    const std::chrono::sys_time<std::chrono::minutes> week_end_ =
        std::chrono::ceil<std::chrono::minutes>(std::chrono::system_clock::now()) +
        std::chrono::days(2);

    void SetUp() override {
        boot(config::slack_mode::socket, nullptr, [this](config::settings& s) {
            s.channels.at(2).digest = true; // #quick (C0QUICK), which posts without a preview
            const auto day = std::chrono::floor<std::chrono::days>(week_end_);
            s.digest.day = std::chrono::weekday(day);
            s.digest.time = week_end_ - day;
        });
    }

    std::optional<bot::post_record> stored(bot::post_number n) {
        auto p = bot_->store().posts().find("slack", n);
        return p ? *p : std::nullopt;
    }
};

TEST_F(SlackDigest, ArrivesOnceInTheTeamChannelWithTheWeeksCountsAndNoUserId) {
    event(
        slack_->dm_event(alice, alice_dm, "#quick mistake: the totals on page 3 are off", "EvD1"));
    event(slack_->dm_event(alice, alice_dm, "#quick question: who owns staging?", "EvD2",
                           "1700000100.000100"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 2; }));
    const std::string ts = channel_ts_of(1);
    ASSERT_FALSE(ts.empty());
    event(slack_->thread_reply_event(bob, "C0QUICK", ts, "it is the currency column", "EvD3"));
    ASSERT_TRUE(wait_for([&] {
        const auto p = stored(1);
        return p && p->first_reply_at.has_value();
    }));

    // The process is down when the week ends and comes back a minute later.
    clock_.advance(
        std::chrono::duration_cast<std::chrono::milliseconds>(week_end_ + 1min - clock_.now()));
    restart_bot();
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 3; }));
    const auto digest = slack_->posts_to("C0QUICK")[2].body;
    const std::string text = all_text(digest);
    EXPECT_NE(text.find("• I noticed a mistake: 1, 1 with a reply"), std::string::npos) << text;
    EXPECT_NE(text.find("• I have a question: 1, 0 with a reply"), std::string::npos) << text;
    EXPECT_NE(text.find("healthy teams"), std::string::npos) << text;
    EXPECT_FALSE(digest.contains("thread_ts"));
    const std::string sent = digest.dump();
    for (const std::string& private_bit : {alice, alice_dm, bob, moderator, std::string("totals"),
                                           std::string("staging"), std::string("currency")}) {
        EXPECT_EQ(sent.find(private_bit), std::string::npos) << private_bit << " in " << sent;
    }
    const auto last = bot_->store().digests().last_week(bot::platform::slack, "C0QUICK");
    ASSERT_TRUE(last && *last);
    EXPECT_EQ(**last, bot::time_point(week_end_));

    // Another restart in the same week sends nothing more: a post made after it arrives alone.
    restart_bot();
    event(slack_->dm_event(alice, alice_dm, "#quick question: after the digest", "EvD4",
                           "1700000200.000100"));
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() >= 4; }));
    ASSERT_TRUE(wait_for([&] { return bot_->idle(); }));
    const auto posts = slack_->posts_to("C0QUICK");
    ASSERT_EQ(posts.size(), 4U);
    EXPECT_NE(all_text(posts[3].body).find("after the digest"), std::string::npos);
    for (const auto& [what, bytes] : stored_bytes(settings_.storage.path, log_)) {
        EXPECT_EQ(bytes.find(alice), std::string::npos) << "author id in " << what;
    }
}

} // namespace
} // namespace openfloor::testing
