// Opening the file: connection settings, schema version, refusing what it cannot run on.
#include "storage/migrations.hpp"
#include "storage/sqlite_store.hpp"
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace {

using openfloor::storage::latest_schema_version;
using openfloor::storage::sqlite_store;
using SqliteStore = openfloor::storage_testing::store_test;

std::string open_error(const std::string& path) {
    try {
        sqlite_store store(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST_F(SqliteStore, CreatesTheFileWhenMissing) {
    EXPECT_TRUE(std::filesystem::exists(path()));
    EXPECT_EQ(store().schema_version(), latest_schema_version());
}

TEST_F(SqliteStore, KeepsTheFileInWalMode) {
    auto db = raw();
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStore, RecordsTheLatestSchemaVersionInTheFile) {
    auto db = raw();
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), latest_schema_version());
}

TEST_F(SqliteStore, EnforcesForeignKeys) {
    auto route = store().routes().save(4242, {0x01}, openfloor::storage_testing::at_ms(1));
    ASSERT_FALSE(route.has_value()); // there is no post 4242
    EXPECT_EQ(route.error(), openfloor::bot::error::storage_failure);
}

TEST_F(SqliteStore, RefusesAFileWithANewerSchema) {
    close();
    raw().exec("PRAGMA user_version = 7");
    const std::string expected = path() + ": database schema version 7 is newer than this " +
                                 "openfloor (" + std::to_string(latest_schema_version()) +
                                 "); upgrade openfloor";
    EXPECT_EQ(open_error(path()), expected);
}

TEST_F(SqliteStore, ReopensAnUpToDateFileWithoutMigrating) {
    ASSERT_TRUE(store().posts().insert(openfloor::storage_testing::sample_post("T1", 1)));
    reopen();
    EXPECT_EQ(store().schema_version(), latest_schema_version());
    auto found = store().posts().find("T1", 1);
    ASSERT_TRUE(found.has_value());
    EXPECT_TRUE(found->has_value());
}

TEST_F(SqliteStore, NamesThePathWhenItCannotOpen) {
    const std::string missing_dir = dir().file("no-such-dir/openfloor.db").string();
    const std::string message = open_error(missing_dir);
    EXPECT_EQ(message.rfind(missing_dir + ": cannot open the database", 0), 0U) << message;
}

TEST_F(SqliteStore, RefusesToBeginASecondTransaction) {
    auto first = store().begin();
    ASSERT_TRUE(first.has_value());
    auto second = store().begin();
    ASSERT_FALSE(second.has_value());
    EXPECT_EQ(second.error(), openfloor::bot::error::storage_failure);
}

} // namespace
