// Signals on the real binary (product.md §6): SIGHUP reloads a valid config without dropping
// anything and refuses an invalid one, keeping the old; SIGTERM drains and closes the database
// cleanly. The bot runs as a child process against a fake Slack (HTTP mode) in this process.
#include "adapters/slack/signature.hpp"
#include "adapters/transport/http_client.hpp"
#include "tests/fakes/fake_slack.hpp"
#include "tests/process/bot_process.hpp"
#include "tests/support/e2e.hpp"
#include "tests/support/run_until.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/beast/http/verb.hpp>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <iostream>

namespace openfloor::testing {
namespace {

constexpr const char* signing_secret = "process-test-signing-secret";

class Signals : public ::testing::Test {
protected:
    ~Signals() override {
        if (HasFailure() && bot_) {
            bot_->pump();
            std::cerr << "---- the bot's output ----\n" << bot_->output();
        }
    }

    // The config file: #eng always, #ops only when `with_ops`.
    void write_config(bool with_ops, int timeout_ms = 2000) {
        std::ofstream out(config_path_, std::ios::trunc);
        out << R"({
  "server": { "listen": "127.0.0.1:0" },
  "storage": { "path": ")" << dir_.file("openfloor.db").string() << R"(" },
  "identity": { "secret": "process-test-secret-0123456789abcdef" },
  "outbound": { "timeout_ms": )" << timeout_ms << R"(, "channel_interval_ms": 0 },
  "slack": { "mode": "http", "bot_token": ")" << slack_.bot_token << R"(",
             "signing_secret": ")" << signing_secret << R"(",
             "api_base_url": ")" << slack_.api_base_url() << R"(" },
  "channels": [ { "key": "eng", "channel_id": "C0ENG", "confirm": false } )"
            << (with_ops ? R"(, { "key": "ops", "channel_id": "C0OPS", "confirm": false } )" : "")
            << R"( ],
  "limits": { "posts_per_hour": 100 },
  "log": { "level": "debug" }
})";
    }

    void start() {
        bot_ = std::make_unique<bot_process>(OPENFLOOR_BINARY,
                                             std::vector<std::string>{"run", "--config", config_path_});
        ASSERT_TRUE(wait([&] { return bot_->port().has_value(); })) << "the bot did not start";
        port_ = *bot_->port();
    }

    bool wait(const std::function<bool()>& condition,
              std::chrono::milliseconds deadline = std::chrono::seconds(15)) {
        return run_until(ioc_, [&] {
            bot_->pump();
            return condition();
        }, deadline);
    }

    // A DM event, signed as Slack signs it.
    unsigned dm(const std::string& text, const std::string& event_id) {
        const std::string body = slack_.dm_event("U0AUTHOR", "D0AUTHOR", text, event_id).dump();
        const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
        transport::client_request req;
        req.method = transport::http::verb::post;
        req.url = "http://127.0.0.1:" + std::to_string(port_) + "/slack/events";
        req.body = body;
        req.headers = {{"Content-Type", "application/json"},
                       {"X-Slack-Request-Timestamp", ts},
                       {"X-Slack-Signature", slack::sign(signing_secret, ts, body)}};
        std::optional<transport::client_response> out;
        bool done = false;
        asio::co_spawn(ioc_, send_request(client_, std::move(req), out, done), asio::detached);
        EXPECT_TRUE(wait([&] { return done; }));
        return out ? out->status : 0U;
    }

    asio::io_context ioc_{1};
    temp_dir dir_;
    fake_slack slack_{ioc_};
    config::outbound_settings outbound_;
    transport::http_client client_{ioc_, outbound_};
    std::string config_path_ = dir_.file("openfloor.jsonc").string();
    std::unique_ptr<bot_process> bot_;
    unsigned short port_ = 0;
};

TEST_F(Signals, HangupAppliesAValidConfigAndRefusesAnInvalidOne) {
    write_config(false);
    start();
    ASSERT_EQ(dm("#ops question: before the reload", "EvHup1"), 200U);
    ASSERT_TRUE(wait([&] { return slack_.posts_to("D0AUTHOR").size() == 1; }));
    EXPECT_TRUE(slack_.posts_to("C0OPS").empty()); // #ops is not configured yet

    write_config(true);
    bot_->signal(SIGHUP);
    ASSERT_TRUE(wait([&] { return bot_->said("\"msg\":\"config.reloaded\""); }));
    ASSERT_EQ(dm("#ops question: after the reload", "EvHup2"), 200U);
    ASSERT_TRUE(wait([&] { return slack_.posts_to("C0OPS").size() == 1; }));

    // A broken file is refused with its problem, and the running config stays.
    {
        std::ofstream broken(config_path_, std::ios::trunc);
        broken << "{ \"identity\": { \"secret\": \"short\" } ";
    }
    bot_->signal(SIGHUP);
    ASSERT_TRUE(wait([&] { return bot_->said("\"msg\":\"config.reload_refused\""); }));
    ASSERT_EQ(dm("#ops question: still configured", "EvHup3"), 200U);
    ASSERT_TRUE(wait([&] { return slack_.posts_to("C0OPS").size() == 2; }));

    // A change that needs a restart is named, not applied.
    write_config(true, 3000);
    bot_->signal(SIGHUP);
    ASSERT_TRUE(wait([&] { return bot_->said("\"msg\":\"config.needs_restart\""); }));
    EXPECT_TRUE(bot_->said("outbound.ca_file/timeout_ms"));
    EXPECT_FALSE(bot_->exit_code().has_value()) << "the bot is still running";
    // Reloading kept the connection count down to what requests needed: nothing was dropped.
    EXPECT_TRUE(slack_.calls_to("auth.test").size() == 1) << "no reconnect on reload";
}

TEST_F(Signals, TerminateDrainsAndLeavesAConsistentDatabase) {
    write_config(false);
    start();
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(dm("#eng question: number " + std::to_string(i), "EvTerm" + std::to_string(i)), 200U);
    }
    ASSERT_TRUE(wait([&] { return slack_.posts_to("C0ENG").size() == 5; }));
    bot_->signal(SIGTERM);
    ASSERT_TRUE(wait([&] { return bot_->exit_code().has_value(); }));
    EXPECT_EQ(*bot_->exit_code(), 0);
    EXPECT_TRUE(bot_->said("\"msg\":\"openfloor.stopped\""));

    SQLite::Database db(dir_.file("openfloor.db").string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM posts WHERE state = 'posted'").getInt(), 5);
    // Closed cleanly: the WAL was checkpointed into the file and removed.
    EXPECT_FALSE(std::filesystem::exists(dir_.file("openfloor.db-wal")) &&
                 std::filesystem::file_size(dir_.file("openfloor.db-wal")) > 0);
}

} // namespace
} // namespace openfloor::testing
