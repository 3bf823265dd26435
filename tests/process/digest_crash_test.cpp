// kill -9 and the weekly digest: its week is recorded in the transaction that queues it, so a bot
// killed while the platform fails the digest's send delivers it once after a restart, and never
// queues that week again.
#include "config/enum_names.hpp"
#include "config/time_of_day.hpp"
#include "tests/process/process_fixture.hpp"

#include <csignal>

namespace openfloor::testing {
namespace {

class DigestCrash : public process_fixture {
protected:
    // A schedule whose week ended at the last whole minute (UTC): due as the bot starts.
    static std::string due_now() {
        const auto now = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
        const auto day = std::chrono::floor<std::chrono::days>(now);
        return R"({ "day": ")" +
               std::string(config::detail::name_of(config::detail::weekday_names,
                                                   std::chrono::weekday(day))) +
               R"(", "time": ")" + config::format_time_of_day(now - day) + R"(" })";
    }

    // chat.postMessage calls into #eng since call `from` whose text contains `needle`.
    int posts_with(std::size_t from, const std::string& needle) const {
        int n = 0;
        for (std::size_t k = from; k < slack_.calls.size(); ++k) {
            const auto& c = slack_.calls[k];
            if (c.method == "chat.postMessage" && c.body.value("channel", "") == "C0ENG" &&
                c.body.value("text", "").find(needle) != std::string::npos) {
                ++n;
            }
        }
        return n;
    }
};

TEST_F(DigestCrash, KillNineNeitherLosesNorRepeatsTheWeeklyDigest) {
    write_config(false, 2000, due_now());
    slack_.inject("chat.postMessage", fake_slack::server_error(503), 100'000);
    start();
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"digest.queued\"") == 1; }));
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"outbox.retry\"") >= 1; }));
    bot_->signal(SIGKILL);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));
    EXPECT_EQ(*bot_->exit_code(), 128 + SIGKILL);

    start(); // the same database: the queued digest and its recorded week survived the kill
    const std::size_t before_restart = slack_.calls.size();
    slack_.clear_faults();
    // A post made after the restart: once it is in, the restarted bot's look at the digest
    // (which runs as it starts) is long done.
    ASSERT_EQ(dm("#eng question: after the restart", "EvDigestKill"), 200U);
    const std::string quiet_week = "Nothing was raised here this week";
    ASSERT_TRUE(wait(
        [&] {
            return posts_with(before_restart, quiet_week) >= 1 &&
                   posts_with(before_restart, "after the restart") == 1;
        },
        std::chrono::seconds(30)));
    EXPECT_EQ(posts_with(before_restart, quiet_week), 1);
    EXPECT_EQ(count(bot_->output(), "\"msg\":\"digest.queued\""), 0) << "the week was recorded";
}

} // namespace
} // namespace openfloor::testing
