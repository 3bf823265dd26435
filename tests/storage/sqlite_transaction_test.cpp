// A use case's transaction commits whole or not at all.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using SqliteTransaction = store_test;

TEST_F(SqliteTransaction, RollsBackWhenDestroyedWithoutCommit) {
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(store().posts().insert(sample_post("T1", 1)));
        ASSERT_TRUE(store().events().remember("Ev1", at_ms(10)));
    }
    auto post = store().posts().find("T1", 1);
    ASSERT_TRUE(post.has_value());
    EXPECT_FALSE(post->has_value());
    auto again = store().events().remember("Ev1", at_ms(10));
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(*again); // the first remember was undone too
}

TEST_F(SqliteTransaction, KeepsEverythingOnceCommitted) {
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(store().posts().insert(sample_post("T1", 1)));
        ASSERT_TRUE(
            store().outbox().enqueue(sample_item(openfloor::bot::platform::slack, at_ms(5))));
        ASSERT_TRUE((*tx)->commit());
    }
    reopen();
    auto post = store().posts().find("T1", 1);
    ASSERT_TRUE(post.has_value());
    EXPECT_TRUE(post->has_value());
    auto depth = store().outbox().depth();
    ASSERT_TRUE(depth.has_value());
    EXPECT_EQ(*depth, 1);
}

TEST_F(SqliteTransaction, SurvivesAFailedStatementUntilTheCallerGivesUp) {
    auto tx = store().begin();
    ASSERT_TRUE(tx.has_value());
    ASSERT_TRUE(store().posts().insert(sample_post("T1", 1)));
    auto duplicate = store().posts().insert(sample_post("T1", 1));
    ASSERT_FALSE(duplicate.has_value());
    EXPECT_EQ(duplicate.error(), openfloor::bot::error::storage_failure);
    tx->reset(); // what OPENFLOOR_TRY's early return does
    auto post = store().posts().find("T1", 1);
    ASSERT_TRUE(post.has_value());
    EXPECT_FALSE(post->has_value());
}

TEST_F(SqliteTransaction, AllowsAnotherAfterCommit) {
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE((*tx)->commit());
    }
    auto next = store().begin();
    EXPECT_TRUE(next.has_value());
}

TEST_F(SqliteTransaction, KeepsAMultiStatementCallWholeInsideIt) {
    auto tx = store().begin();
    ASSERT_TRUE(tx.has_value());
    openfloor::bot::ban_record ban{author(7), std::nullopt, at_ms(100)};
    ASSERT_TRUE(store().authors().ban(ban));
    ASSERT_TRUE((*tx)->commit());
    auto active = store().authors().active_ban(author(7), at_ms(200));
    ASSERT_TRUE(active.has_value());
    EXPECT_TRUE(active->has_value());
}

} // namespace
