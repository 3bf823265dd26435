// Upgrading a file in place: a version-1 file, written by an older openfloor, keeps its rows.
#include "storage/migrations.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/storage/sqlite_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using namespace openfloor::storage_testing;
using openfloor::storage::sqlite_store;

class SqliteMigrations : public ::testing::Test {
protected:
    // What openfloor at schema version 1 wrote: no first_reply_at column yet.
    void write_version_one_post() {
        SQLite::Database db(path(), SQLite::OPEN_READWRITE);
        SQLite::Statement insert(
            db, "INSERT INTO posts (platform, workspace, number, channel_key, channel_id, "
                "category, text, state, awaiting_review, author_seal, message_ref, queue_ref, "
                "created_at, posted_at) VALUES ('slack', 'T1', 1, 'mistakes', 'C0TEAM', "
                "'question', ?, 'posted', 0, x'0102', '1700000000.000100', NULL, ?, ?)");
        insert.bind(1, "Old text");
        insert.bind(2, std::int64_t{1'700'000'000'000});
        insert.bind(3, std::int64_t{1'700'000'001'000});
        insert.exec();
    }

    const std::string& path() const { return path_; }

    int file_version() const {
        SQLite::Database db(path(), SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA user_version").getInt();
    }

private:
    openfloor::testing::temp_dir dir_;
    std::string path_ = dir_.file("openfloor.db").string();
};

TEST_F(SqliteMigrations, BuildsAnOlderFileOnRequest) {
    sqlite_store::migrate_to(path(), 1);
    EXPECT_EQ(file_version(), 1);
}

TEST_F(SqliteMigrations, UpgradesAVersionOneFileInPlaceKeepingItsPosts) {
    sqlite_store::migrate_to(path(), 1);
    write_version_one_post();

    sqlite_store store(path());
    EXPECT_EQ(store.schema_version(), openfloor::storage::latest_schema_version());
    EXPECT_EQ(file_version(), openfloor::storage::latest_schema_version());

    auto found = store.posts().find("T1", 1);
    ASSERT_TRUE(found.has_value());
    ASSERT_TRUE(found->has_value());
    const auto& post = **found;
    EXPECT_EQ(post.text, "Old text");
    EXPECT_EQ(post.state, openfloor::bot::post_state::posted);
    EXPECT_EQ(post.message_ref, "1700000000.000100");
    EXPECT_EQ(post.posted_at, at_ms(1'700'000'001'000));
    EXPECT_FALSE(post.first_reply_at.has_value());
}

TEST_F(SqliteMigrations, LetsAnUpgradedPostTakeTheNewColumn) {
    sqlite_store::migrate_to(path(), 1);
    write_version_one_post();
    sqlite_store store(path());
    auto found = store.posts().find("T1", 1);
    ASSERT_TRUE(found.has_value() && found->has_value());

    auto post = **found;
    post.first_reply_at = at_ms(1'700'000'002'000);
    ASSERT_TRUE(store.posts().update(post));
    auto again = store.posts().find("T1", 1);
    ASSERT_TRUE(again.has_value() && again->has_value());
    EXPECT_EQ((*again)->first_reply_at, at_ms(1'700'000'002'000));
    auto next = store.posts().next_number("T1");
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next, 2);
}

TEST_F(SqliteMigrations, UpgradesAVersionThreeFileToFlagsAndLocks) {
    sqlite_store::migrate_to(path(), 3);
    write_version_one_post(); // the posts columns of version 1 are all a version 3 post has too
    ASSERT_EQ(file_version(), 3);

    sqlite_store store(path());
    EXPECT_EQ(file_version(), openfloor::storage::latest_schema_version());
    auto found = store.posts().find("T1", 1);
    ASSERT_TRUE(found.has_value() && found->has_value());
    auto post = **found;
    EXPECT_FALSE(post.hidden) << "a post from before flags is shown";
    EXPECT_FALSE(post.locked);

    post.hidden = true;
    post.locked = true;
    ASSERT_TRUE(store.posts().update(post));
    auto flagged = store.flags().add(post.id, std::string(64, 'f'), at_ms(1'700'000'003'000));
    ASSERT_TRUE(flagged.has_value());
    EXPECT_TRUE(*flagged);
    auto again = store.posts().find("T1", 1);
    ASSERT_TRUE(again.has_value() && again->has_value());
    EXPECT_TRUE((*again)->hidden);
    EXPECT_TRUE((*again)->locked);
    EXPECT_EQ(store.flags().count(post.id).value(), 1);
}

TEST_F(SqliteMigrations, LeavesANewerFileUntouchedWhenRefusing) {
    sqlite_store::migrate_to(path(), openfloor::storage::latest_schema_version());
    {
        SQLite::Database db(path(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    EXPECT_THROW(sqlite_store store(path()), std::runtime_error);
    EXPECT_EQ(file_version(), 99);
}

TEST_F(SqliteMigrations, RejectsAnUnknownTargetVersion) {
    EXPECT_THROW(sqlite_store::migrate_to(path(), openfloor::storage::latest_schema_version() + 1),
                 std::invalid_argument);
}

} // namespace

TEST_F(SqliteMigrations, UpgradesAVersionFourFileToHomeDocuments) {
    sqlite_store::migrate_to(path(), 4);
    write_version_one_post();
    ASSERT_EQ(file_version(), 4);

    sqlite_store store(path());
    EXPECT_EQ(file_version(), 5);
    auto found = store.posts().find("T1", 1);
    ASSERT_TRUE(found.has_value() && found->has_value()) << "the posts survive the upgrade";
    ASSERT_TRUE(store.homes().save(std::string(64, 'h'), {0x01}));
    auto keys = store.homes().keys();
    ASSERT_TRUE(keys.has_value());
    EXPECT_EQ(keys->size(), 1U);
}
