// Authors and bans: upsert, permanent and timed bans, expiry, unban.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::ban_record;
using SqliteAuthors = store_test;

TEST_F(SqliteAuthors, TouchingTwiceIsHarmless) {
    ASSERT_TRUE(store().authors().touch(author(1), at_ms(1'000)));
    EXPECT_TRUE(store().authors().touch(author(1), at_ms(2'000)));
}

TEST_F(SqliteAuthors, BansAnAuthorNeverSeenBefore) {
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), std::nullopt, at_ms(1'000)}));
    auto active = store().authors().active_ban(author(1), at_ms(999'999'999));
    ASSERT_TRUE(active.has_value() && active->has_value());
    EXPECT_TRUE((*active)->author == author(1));
    EXPECT_FALSE((*active)->until.has_value()); // permanent
    EXPECT_EQ((*active)->created_at, at_ms(1'000));
}

TEST_F(SqliteAuthors, ATimedBanExpires) {
    ASSERT_TRUE(store().authors().touch(author(1), at_ms(500)));
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), at_ms(5'000), at_ms(1'000)}));
    auto during = store().authors().active_ban(author(1), at_ms(4'999));
    ASSERT_TRUE(during.has_value() && during->has_value());
    EXPECT_EQ((*during)->until, at_ms(5'000));
    auto after = store().authors().active_ban(author(1), at_ms(5'000));
    ASSERT_TRUE(after.has_value());
    EXPECT_FALSE(after->has_value());
}

TEST_F(SqliteAuthors, BanningAgainReplacesTheBan) {
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), at_ms(5'000), at_ms(1'000)}));
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), std::nullopt, at_ms(2'000)}));
    auto active = store().authors().active_ban(author(1), at_ms(10'000));
    ASSERT_TRUE(active.has_value() && active->has_value());
    EXPECT_FALSE((*active)->until.has_value());
    EXPECT_EQ((*active)->created_at, at_ms(2'000));
}

TEST_F(SqliteAuthors, UnbanSaysWhetherThereWasABan) {
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), std::nullopt, at_ms(1'000)}));
    auto first = store().authors().unban(author(1));
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(*first);
    auto second = store().authors().unban(author(1));
    ASSERT_TRUE(second.has_value());
    EXPECT_FALSE(*second);
    auto active = store().authors().active_ban(author(1), at_ms(2'000));
    ASSERT_TRUE(active.has_value());
    EXPECT_FALSE(active->has_value());
}

TEST_F(SqliteAuthors, BansAreKeptPerAuthor) {
    ASSERT_TRUE(store().authors().ban(ban_record{author(1), std::nullopt, at_ms(1'000)}));
    auto other = store().authors().active_ban(author(2), at_ms(2'000));
    ASSERT_TRUE(other.has_value());
    EXPECT_FALSE(other->has_value());
}

} // namespace
