// A start after a crash: a schema upgrade killed half-way (a real SIGKILL in a child process,
// its DDL written but not committed) leaves the old version, which the next start upgrades
// properly; a file that is not a database fails with a clear error naming it. Never silently
// wrong.
#include "storage/migrations.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace {

using openfloor::storage::sqlite_store;

bool has_column(const std::string& path, const std::string& table, const std::string& column) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table);
    q.bind(2, column);
    return q.executeStep() && q.getColumn(0).getInt() == 1;
}

TEST(TornStart, AnUpgradeKilledHalfWayLeavesTheOldVersionAndTheNextStartFinishesIt) {
    openfloor::testing::temp_dir dir;
    const std::string path = dir.file("openfloor.db").string();
    sqlite_store::migrate_to(path, 1);

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The upgrade's first steps run, then the process dies before COMMIT.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("BEGIN IMMEDIATE");
        db.exec("ALTER TABLE posts ADD COLUMN first_reply_at INTEGER");
        db.exec("ALTER TABLE posts ADD COLUMN half_done INTEGER");
        db.exec("PRAGMA user_version = 2");
        ::raise(SIGKILL);
        ::_exit(0); // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_EQ(WTERMSIG(status), SIGKILL);

    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1) << "the torn upgrade is gone";
    }
    EXPECT_FALSE(has_column(path, "posts", "half_done"));

    sqlite_store store(path); // the next start
    EXPECT_EQ(store.schema_version(), openfloor::storage::latest_schema_version());
    EXPECT_TRUE(has_column(path, "posts", "first_reply_at"));
    EXPECT_FALSE(has_column(path, "posts", "half_done"));
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(TornStart, AFileThatIsNotADatabaseFailsWithAClearError) {
    openfloor::testing::temp_dir dir;
    const std::string path = dir.file("openfloor.db").string();
    {
        std::ofstream garbage(path, std::ios::binary);
        garbage << std::string(8192, '\x5a');
    }
    try {
        sqlite_store store(path);
        FAIL() << "a garbage file opened as a database";
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        EXPECT_EQ(message.rfind(path, 0), 0U) << message;
    }
}

} // namespace
