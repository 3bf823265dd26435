// Processed events: the first delivery is new, a repeat is not, until purged.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using SqliteEvents = store_test;

TEST_F(SqliteEvents, RemembersAKeyOnlyTheFirstTime) {
    auto first = store().events().remember("slack:Ev0001", at_ms(10'000));
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(*first);
    auto repeat = store().events().remember("slack:Ev0001", at_ms(20'000));
    ASSERT_TRUE(repeat.has_value());
    EXPECT_FALSE(*repeat);
    auto other = store().events().remember("slack:Ev0002", at_ms(10'000));
    ASSERT_TRUE(other.has_value());
    EXPECT_TRUE(*other);
}

TEST_F(SqliteEvents, StillRemembersAfterARestart) {
    ASSERT_TRUE(store().events().remember("slack:Ev0001", at_ms(10'000)));
    reopen();
    auto repeat = store().events().remember("slack:Ev0001", at_ms(10'000));
    ASSERT_TRUE(repeat.has_value());
    EXPECT_FALSE(*repeat);
}

TEST_F(SqliteEvents, PurgeForgetsExpiredKeys) {
    ASSERT_TRUE(store().events().remember("old", at_ms(1'000)));
    ASSERT_TRUE(store().events().remember("new", at_ms(9'000)));
    auto purged = store().events().purge(at_ms(5'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 1);
    auto old_again = store().events().remember("old", at_ms(20'000));
    ASSERT_TRUE(old_again.has_value());
    EXPECT_TRUE(*old_again);
    auto new_again = store().events().remember("new", at_ms(20'000));
    ASSERT_TRUE(new_again.has_value());
    EXPECT_FALSE(*new_again);
}

} // namespace
