// The audit log: appended rows come back oldest first from a time on.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::audit_record;
using openfloor::bot::platform;
using SqliteAudit = store_test;

audit_record entry(std::int64_t at, const std::string& action, openfloor::bot::post_number n) {
    return audit_record{0, at_ms(at), "a1b2c3d4", action, platform::slack, n, "spam"};
}

TEST_F(SqliteAudit, RoundTripsAnEntry) {
    auto a = entry(1'000, "reject", 4);
    a.where = platform::mattermost;
    ASSERT_TRUE(store().audit().append(a));
    auto rows = store().audit().since(at_ms(0));
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 1U);
    const auto& got = rows->front();
    EXPECT_GT(got.id, 0);
    EXPECT_EQ(got.at, a.at);
    EXPECT_EQ(got.actor, a.actor);
    EXPECT_EQ(got.action, a.action);
    EXPECT_EQ(got.where, platform::mattermost);
    EXPECT_EQ(got.number, 4);
    EXPECT_EQ(got.detail, a.detail);
}

TEST_F(SqliteAudit, ListsEntriesSinceATimeOldestFirst) {
    ASSERT_TRUE(store().audit().append(entry(3'000, "delete", 3)));
    ASSERT_TRUE(store().audit().append(entry(1'000, "approve", 1)));
    ASSERT_TRUE(store().audit().append(entry(2'000, "ban", 2)));
    ASSERT_TRUE(store().audit().append(entry(2'000, "unban", 2)));
    auto rows = store().audit().since(at_ms(2'000));
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 3U);
    EXPECT_EQ((*rows)[0].action, "ban");
    EXPECT_EQ((*rows)[1].action, "unban");
    EXPECT_EQ((*rows)[2].action, "delete");
}

} // namespace
