// Rate events: counted per author from a time on, purged by age.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using SqliteRates = store_test;

TEST_F(SqliteRates, CountsOneAuthorsEventsSinceATime) {
    for (const std::int64_t t : {1'000, 2'000, 3'000}) {
        ASSERT_TRUE(store().rates().record(author(1), at_ms(t)));
    }
    ASSERT_TRUE(store().rates().record(author(2), at_ms(3'000)));
    auto counted = store().rates().count_since(author(1), at_ms(2'000));
    ASSERT_TRUE(counted.has_value());
    EXPECT_EQ(*counted, 2); // `since` is inclusive
    auto none = store().rates().count_since(author(3), at_ms(0));
    ASSERT_TRUE(none.has_value());
    EXPECT_EQ(*none, 0);
}

TEST_F(SqliteRates, PurgeRemovesEventsBeforeATime) {
    ASSERT_TRUE(store().rates().record(author(1), at_ms(1'000)));
    ASSERT_TRUE(store().rates().record(author(1), at_ms(5'000)));
    auto purged = store().rates().purge(at_ms(5'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 1);
    auto left = store().rates().count_since(author(1), at_ms(0));
    ASSERT_TRUE(left.has_value());
    EXPECT_EQ(*left, 1);
}

} // namespace
