// Reply routes and relay links: round trip, replacement, purge by age.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using SqliteRoutes = store_test;

TEST_F(SqliteRoutes, RoundTripsASealedRoute) {
    const auto post = insert_post("T1", 1);
    ASSERT_TRUE(store().routes().save(post, {0xDE, 0xAD}, at_ms(1'000)));
    auto found = store().routes().find(post);
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ(**found, (openfloor::bot::bytes{0xDE, 0xAD}));
}

TEST_F(SqliteRoutes, SavingAgainReplacesTheRoute) {
    const auto post = insert_post("T1", 1);
    ASSERT_TRUE(store().routes().save(post, {0x01}, at_ms(1'000)));
    ASSERT_TRUE(store().routes().save(post, {0x02}, at_ms(2'000)));
    auto found = store().routes().find(post);
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ(**found, (openfloor::bot::bytes{0x02}));
}

TEST_F(SqliteRoutes, AnswersNothingForAPostWithoutRoute) {
    const auto post = insert_post("T1", 1);
    auto found = store().routes().find(post);
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
}

TEST_F(SqliteRoutes, ARelayLeadsBackToItsPost) {
    const auto post = insert_post("T1", 1);
    ASSERT_TRUE(store().routes().link_relay("relay-key-1", post, at_ms(1'000)));
    auto found = store().routes().find_relay("relay-key-1");
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ(**found, post);
    auto unknown = store().routes().find_relay("relay-key-2");
    ASSERT_TRUE(unknown.has_value());
    EXPECT_FALSE(unknown->has_value());
}

TEST_F(SqliteRoutes, PurgeRemovesOldRoutesAndRelays) {
    const auto old_post = insert_post("T1", 1);
    const auto new_post = insert_post("T1", 2);
    ASSERT_TRUE(store().routes().save(old_post, {0x01}, at_ms(1'000)));
    ASSERT_TRUE(store().routes().save(new_post, {0x02}, at_ms(9'000)));
    ASSERT_TRUE(store().routes().link_relay("old", old_post, at_ms(1'000)));
    ASSERT_TRUE(store().routes().link_relay("new", new_post, at_ms(9'000)));

    auto purged = store().routes().purge(at_ms(5'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 2);
    auto old_route = store().routes().find(old_post);
    ASSERT_TRUE(old_route.has_value());
    EXPECT_FALSE(old_route->has_value());
    auto old_relay = store().routes().find_relay("old");
    ASSERT_TRUE(old_relay.has_value());
    EXPECT_FALSE(old_relay->has_value());
    auto new_route = store().routes().find(new_post);
    ASSERT_TRUE(new_route.has_value());
    EXPECT_TRUE(new_route->has_value());
    auto new_relay = store().routes().find_relay("new");
    ASSERT_TRUE(new_relay.has_value());
    EXPECT_TRUE(new_relay->has_value());
}

} // namespace
