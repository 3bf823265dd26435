// kill -9 (product.md §6): confirmed posts wait in the outbox while the platform fails; the bot
// is killed without warning, restarted against a healthy platform, and every confirmed post is
// delivered exactly once.
#include "tests/process/process_fixture.hpp"

#include <csignal>
#include <iostream>
#include <map>

namespace openfloor::testing {
namespace {

class Crash : public process_fixture {};

TEST_F(Crash, KillNineLosesNoConfirmedPostAndDoublesNone) {
    constexpr int posts = 12;
    write_config(false);
    slack_.inject("chat.postMessage", fake_slack::server_error(503), 100'000);
    start();
    for (int i = 0; i < posts; ++i) {
        ASSERT_EQ(dm("#eng question: crash " + std::to_string(i) + " end", "EvKill" + std::to_string(i)), 200U);
    }
    // Every post is confirmed (committed) before the author is told; wait for the last one.
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"post.confirmed\"") == posts; }));
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"outbox.retry\"") >= 2; }));
    bot_->signal(SIGKILL);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));
    EXPECT_EQ(*bot_->exit_code(), 128 + SIGKILL);

    const std::size_t before_restart = slack_.calls.size();
    slack_.clear_faults();
    start(); // the same database: the outbox survived the kill
    std::map<std::string, int> delivered;
    ASSERT_TRUE(wait([&] {
        delivered.clear();
        for (std::size_t k = before_restart; k < slack_.calls.size(); ++k) {
            const auto& c = slack_.calls[k];
            if (c.method == "chat.postMessage" && c.body.value("channel", "") == "C0ENG") {
                ++delivered[c.body.value("text", "")];
            }
        }
        return delivered.size() == posts;
    }, std::chrono::seconds(30)));
    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(300));
    int duplicates = 0;
    for (const auto& [text, times] : delivered) {
        duplicates += times - 1;
    }
    EXPECT_EQ(duplicates, 0);
    // The figure SECURITY.md quotes.
    std::cout << "crash-safety: " << posts << " confirmed, " << delivered.size()
              << " delivered after kill -9, " << duplicates << " duplicates\n";
}

} // namespace
} // namespace openfloor::testing
