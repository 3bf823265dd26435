// Home documents: one sealed blob per key, replaced in place, listed for retention, removed; and
// a table that keeps no time and no rowid beside them.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace openfloor::storage_testing;

class SqliteHomes : public store_test {
protected:
    // Keys are keyed hashes, 64 hex digits; the table refuses anything else.
    static std::string key(char c) { return std::string(64, c); }
};

TEST_F(SqliteHomes, SavesFindsAndReplacesADocument) {
    ASSERT_TRUE(store().homes().save(key('a'), {0x01, 0x02}));
    ASSERT_TRUE(store().homes().save(key('a'), {0x03}));
    auto found = store().homes().find(key('a'));
    ASSERT_TRUE(found.has_value());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ(**found, (openfloor::bot::bytes{0x03}));
    auto missing = store().homes().find(key('b'));
    ASSERT_TRUE(missing.has_value());
    EXPECT_FALSE(missing->has_value());
}

TEST_F(SqliteHomes, ListsEveryKeyAndRemovesOne) {
    ASSERT_TRUE(store().homes().save(key('b'), {0x01}));
    ASSERT_TRUE(store().homes().save(key('a'), {0x01}));
    auto keys = store().homes().keys();
    ASSERT_TRUE(keys.has_value());
    EXPECT_EQ(*keys, (std::vector<std::string>{key('a'), key('b')}));
    ASSERT_TRUE(store().homes().remove(key('a')));
    keys = store().homes().keys();
    ASSERT_TRUE(keys.has_value());
    EXPECT_EQ(*keys, (std::vector<std::string>{key('b')}));
}

TEST_F(SqliteHomes, RefusesAKeyThatIsNotAKeyedHash) {
    EXPECT_FALSE(store().homes().save("U0ALICE", {0x01}).has_value());
}

TEST_F(SqliteHomes, KeepsNoTimeAndNoRowidBesideTheDocument) {
    auto db = raw();
    SQLite::Statement columns(db, "SELECT name FROM pragma_table_info('home_documents')");
    std::vector<std::string> names;
    while (columns.executeStep()) {
        names.push_back(columns.getColumn(0).getString());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"key", "sealed"}));
    EXPECT_THROW(db.exec("SELECT rowid FROM home_documents"), SQLite::Exception);
}

} // namespace
