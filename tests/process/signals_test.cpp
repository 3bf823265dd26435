// Signals on the real binary (product.md §6): SIGHUP reloads a valid config without dropping
// anything and refuses an invalid one, keeping the old; SIGTERM drains and closes the database
// cleanly. The bot runs as a child process against a fake Slack (HTTP mode) in this process.
#include "tests/process/process_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <csignal>
#include <fstream>

namespace openfloor::testing {
namespace {

class Signals : public process_fixture {};

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
