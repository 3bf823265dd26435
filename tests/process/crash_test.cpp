// kill -9 (product.md §6): confirmed posts wait in the outbox while the platform fails; the bot
// is killed without warning, restarted against a healthy platform, and every confirmed post is
// delivered exactly once.
#include "tests/process/process_fixture.hpp"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <vector>

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
    ASSERT_TRUE(wait([&] { return confirmations_on_disk(); }));
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"outbox.retry\"") >= 2; }));
    bot_->signal(SIGKILL);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));
    EXPECT_EQ(*bot_->exit_code(), 128 + SIGKILL);

    // The platform heals only once the new process is up: a request the old one wrote just
    // before it died still meets the failing platform, so it cannot be counted as delivered.
    start(); // the same database: the outbox survived the kill
    const std::size_t before_restart = slack_.calls.size();
    slack_.clear_faults();
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

namespace openfloor::testing {
namespace {

TEST_F(Crash, KillNineMidSendRepeatsAtMostTheSendsInFlight) {
    constexpr int posts = 12;
    write_config(false);
    // Slack takes each of the first sends and never answers in time: they are in flight.
    fake_reply stalled;
    stalled.body = R"({"ok":true,"channel":"C0ENG","ts":"1700000000.000001"})";
    stalled.delay = std::chrono::seconds(60);
    slack_.inject("chat.postMessage", stalled, 4);
    start();
    for (int i = 0; i < posts; ++i) {
        ASSERT_EQ(dm("#eng question: flight " + std::to_string(i) + " end", "EvFly" + std::to_string(i)), 200U);
    }
    ASSERT_TRUE(wait([&] { return count(bot_->output(), "\"msg\":\"post.confirmed\"") == posts; }));
    ASSERT_TRUE(wait([&] { return confirmations_on_disk(); }));
    ASSERT_TRUE(wait([&] { return slack_.calls_to("chat.postMessage").size() >= 4; }));
    std::set<std::string> in_flight;
    for (const auto& c : slack_.posts_to("C0ENG")) {
        in_flight.insert(c.body.value("text", ""));
    }
    bot_->signal(SIGKILL);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));

    const std::size_t before_restart = slack_.calls.size();
    slack_.clear_faults();
    start();
    std::map<std::string, int> after;
    ASSERT_TRUE(wait([&] {
        after.clear();
        for (std::size_t k = before_restart; k < slack_.calls.size(); ++k) {
            const auto& c = slack_.calls[k];
            if (c.method == "chat.postMessage" && c.body.value("channel", "") == "C0ENG") {
                ++after[c.body.value("text", "")];
            }
        }
        return after.size() == posts;
    }, std::chrono::seconds(30)));
    int twice = 0;
    for (const auto& [text, times] : after) {
        EXPECT_EQ(times, 1) << text;
        twice += in_flight.contains(text) ? 1 : 0;
    }
    // Only a send that reached the platform before the kill can arrive twice: at most one per
    // outbox worker.
    EXPECT_EQ(static_cast<std::size_t>(twice), in_flight.size());
    EXPECT_LE(in_flight.size(), 4U);
    std::cout << "crash-safety: kill -9 mid-send: " << posts << " confirmed, " << after.size()
              << " delivered, " << twice << " sent twice (" << in_flight.size()
              << " in flight at the kill, bound 4)\n";
}

} // namespace
} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

// Group commit under kill -9: many commands arrive at once and share commits, the bot is killed
// while the rest are still being answered, and every post whose author was answered "Your post
// is #N" is there after the restart: no answer leaves before the commit holding it has returned.
TEST_F(Crash, KillNineUnderLoadKeepsEveryPostItAnswered) {
    constexpr int commands = 60;
    write_config(false);
    start();
    struct pending {
        std::optional<transport::client_response> answer;
        bool done = false;
    };
    std::vector<pending> sent(commands);
    for (int i = 0; i < commands; ++i) { // one author each: no rate limit in the way
        auto& p = sent[static_cast<std::size_t>(i)];
        command_async("U0LOAD" + std::to_string(i),
                      "#eng question: load " + std::to_string(i) + " end", p.answer, p.done);
    }
    const auto answered_posted = [&] {
        std::set<std::string> posted;
        for (int i = 0; i < commands; ++i) {
            const auto& a = sent[static_cast<std::size_t>(i)].answer;
            if (a && a->status == 200 && a->body.find("Your post is #") != std::string::npos) {
                posted.insert("load " + std::to_string(i) + " end");
            }
        }
        return posted;
    };
    ASSERT_TRUE(wait([&] { return answered_posted().size() >= commands / 4; }));
    bot_->signal(SIGKILL);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));
    const auto confirmed = answered_posted(); // what the authors were told before the kill
    ASSERT_TRUE(wait([&] {
        return std::all_of(sent.begin(), sent.end(), [](const pending& p) { return p.done; });
    }));

    start();
    std::set<std::string> delivered;
    ASSERT_TRUE(wait(
        [&] {
            delivered.clear();
            for (const auto& c : slack_.posts_to("C0ENG")) {
                const std::string text = c.body.value("text", "");
                for (const auto& want : confirmed) {
                    if (text.find(want) != std::string::npos) {
                        delivered.insert(want);
                    }
                }
            }
            return delivered.size() == confirmed.size();
        },
        std::chrono::seconds(30)));
    std::cout << "crash-safety: kill -9 under load: " << commands << " commands at once, "
              << confirmed.size() << " answered \"posted\" before the kill, " << delivered.size()
              << " of those delivered after the restart\n";
}

} // namespace
} // namespace openfloor::testing
