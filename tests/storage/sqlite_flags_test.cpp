// Flags: one per flagger and post, counted, cleared by a restore, purged by retention, and gone
// with their post.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace openfloor::storage_testing;

class SqliteFlags : public store_test {
protected:
    // Keyed hashes are 64 hex digits; the table refuses anything else.
    static std::string flagger(char c) { return std::string(64, c); }
};

TEST_F(SqliteFlags, CountsEachFlaggerOncePerPost) {
    const auto post = insert_post("T1", 1);
    auto first = store().flags().add(post, flagger('a'), at_ms(1'000));
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(*first);
    auto repeat = store().flags().add(post, flagger('a'), at_ms(2'000));
    ASSERT_TRUE(repeat.has_value());
    EXPECT_FALSE(*repeat) << "the same flagger again";
    auto second = store().flags().add(post, flagger('b'), at_ms(3'000));
    ASSERT_TRUE(second.has_value());
    EXPECT_TRUE(*second);

    auto count = store().flags().count(post);
    ASSERT_TRUE(count.has_value());
    EXPECT_EQ(*count, 2);
}

TEST_F(SqliteFlags, KeepsEachPostsFlagsApart) {
    const auto one = insert_post("T1", 1);
    const auto two = insert_post("T1", 2);
    ASSERT_TRUE(store().flags().add(one, flagger('a'), at_ms(1'000)));
    auto other_post = store().flags().add(two, flagger('a'), at_ms(1'000));
    ASSERT_TRUE(other_post.has_value());
    EXPECT_TRUE(*other_post);
    auto count = store().flags().count(two);
    ASSERT_TRUE(count.has_value());
    EXPECT_EQ(*count, 1);
}

TEST_F(SqliteFlags, ClearStartsAPostsCountAgain) {
    const auto one = insert_post("T1", 1);
    const auto two = insert_post("T1", 2);
    ASSERT_TRUE(store().flags().add(one, flagger('a'), at_ms(1'000)));
    ASSERT_TRUE(store().flags().add(one, flagger('b'), at_ms(1'000)));
    ASSERT_TRUE(store().flags().add(two, flagger('a'), at_ms(1'000)));
    auto cleared = store().flags().clear(one);
    ASSERT_TRUE(cleared.has_value());
    EXPECT_EQ(*cleared, 2);
    EXPECT_EQ(store().flags().count(one).value(), 0);
    EXPECT_EQ(store().flags().count(two).value(), 1) << "another post's flags stay";
    auto again = store().flags().add(one, flagger('a'), at_ms(2'000));
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(*again) << "after a restore the same person may flag again";
}

TEST_F(SqliteFlags, PurgeRemovesOnlyOlderFlags) {
    const auto post = insert_post("T1", 1);
    ASSERT_TRUE(store().flags().add(post, flagger('a'), at_ms(1'000)));
    ASSERT_TRUE(store().flags().add(post, flagger('b'), at_ms(5'000)));
    auto purged = store().flags().purge(at_ms(2'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 1);
    EXPECT_EQ(store().flags().count(post).value(), 1);
}

TEST_F(SqliteFlags, RefusesAFlaggerThatIsNotAKeyedHash) {
    const auto post = insert_post("T1", 1);
    auto added = store().flags().add(post, "U0SOMEONE", at_ms(1'000));
    ASSERT_FALSE(added.has_value());
    EXPECT_EQ(added.error(), openfloor::bot::error::storage_failure);
}

TEST_F(SqliteFlags, RefusesAFlagOnAPostThatDoesNotExist) {
    auto added = store().flags().add(4242, flagger('a'), at_ms(1'000));
    EXPECT_FALSE(added.has_value());
}

TEST_F(SqliteFlags, GoesWithItsPost) {
    const auto post = insert_post("T1", 1);
    ASSERT_TRUE(store().flags().add(post, flagger('a'), at_ms(1'000)));
    auto db = raw();
    db.exec("PRAGMA foreign_keys = ON");
    SQLite::Statement del(db, "DELETE FROM posts WHERE id = ?");
    del.bind(1, post);
    del.exec();
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM flags").getInt(), 0);
}

} // namespace
