// Group commit in the store: units share one COMMIT once commits are deferred, each unit is
// still whole or nothing, and nothing is durable (or sent) before its group's flush.
#include "tests/storage/sqlite_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using namespace openfloor::storage_testing;
namespace bot = openfloor::bot;

class WriteGroup : public store_test {
protected:
    // Defers commits the way app/ does, but lets the test decide when to flush.
    void defer() {
        store().defer_commits([this] { ++groups_opened_; });
    }
    // One unit that inserts post `n` of workspace "T1" and commits.
    void post_in_unit(bot::post_number n) {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(store().posts().insert(sample_post("T1", n)));
        ASSERT_TRUE((*tx)->commit());
    }
    // Whether another connection (another process, or this one after a crash) sees post `n`.
    bool durable(bot::post_number n) const {
        auto db = raw();
        SQLite::Statement select(db, "SELECT COUNT(*) FROM posts WHERE workspace = 'T1' AND "
                                     "number = ?");
        select.bind(1, n);
        select.executeStep();
        return select.getColumn(0).getInt() == 1;
    }

    int groups_opened_ = 0;
};

TEST_F(WriteGroup, UnitsCommittedTogetherShareOneCommit) {
    defer();
    const auto before = store().commits();
    constexpr int units = 10;
    for (int n = 1; n <= units; ++n) {
        post_in_unit(n);
    }
    EXPECT_EQ(groups_opened_, 1);
    EXPECT_EQ(store().commits(), before); // nothing committed yet
    EXPECT_TRUE(store().pending());
    ASSERT_TRUE(store().flush());
    EXPECT_EQ(store().commits(), before + 1);
    EXPECT_FALSE(store().pending());
    for (int n = 1; n <= units; ++n) {
        EXPECT_TRUE(durable(n)) << n;
    }
}

TEST_F(WriteGroup, NothingIsDurableBeforeTheFlush) {
    defer();
    post_in_unit(1);
    EXPECT_FALSE(durable(1));
    auto seen_here = store().posts().find("T1", 1); // the connection itself reads its group
    ASSERT_TRUE(seen_here.has_value());
    EXPECT_TRUE(seen_here->has_value());
    ASSERT_TRUE(store().flush());
    EXPECT_TRUE(durable(1));
}

TEST_F(WriteGroup, AFailingUnitRollsBackOnlyItself) {
    defer();
    post_in_unit(1);
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(store().posts().insert(sample_post("T1", 2)));
        ASSERT_TRUE(store().events().remember("Ev2", at_ms(10)));
        ASSERT_FALSE(store().posts().insert(sample_post("T1", 1))); // a duplicate: refused
        // Destroyed without commit(), as the core's early return does.
    }
    post_in_unit(3);
    ASSERT_TRUE(store().flush());
    EXPECT_TRUE(durable(1));
    EXPECT_FALSE(durable(2));
    EXPECT_TRUE(durable(3));
    auto again = store().events().remember("Ev2", at_ms(10));
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(*again); // the failed unit's event id went with it
}

TEST_F(WriteGroup, AFlushThatFailsKeepsNoneOfItsUnits) {
    // A foreign key checked only at COMMIT makes the group's COMMIT itself fail.
    {
        auto db = raw();
        db.exec("CREATE TABLE nowhere (id INTEGER PRIMARY KEY)");
        db.exec("CREATE TABLE poison (ref INTEGER REFERENCES nowhere (id) "
                "DEFERRABLE INITIALLY DEFERRED)");
        db.exec("CREATE TRIGGER poison_posts AFTER INSERT ON posts WHEN NEW.workspace = 'POISON' "
                "BEGIN INSERT INTO poison VALUES (1); END");
    }
    defer();
    post_in_unit(1);
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(store().posts().insert(sample_post("POISON", 1)));
        ASSERT_TRUE((*tx)->commit()); // the unit itself is fine: the check waits for COMMIT
    }
    post_in_unit(2);
    auto flushed = store().flush();
    ASSERT_FALSE(flushed.has_value());
    EXPECT_EQ(flushed.error(), bot::error::storage_failure);
    EXPECT_FALSE(store().pending());
    EXPECT_FALSE(durable(1));
    EXPECT_FALSE(durable(2));
    post_in_unit(3); // the next group starts clean
    ASSERT_TRUE(store().flush());
    EXPECT_TRUE(durable(3));
    EXPECT_EQ(groups_opened_, 2);
}

TEST_F(WriteGroup, WithoutDeferringEachUnitCommitsOnItsOwn) {
    const auto before = store().commits();
    post_in_unit(1);
    EXPECT_TRUE(durable(1));
    post_in_unit(2);
    EXPECT_TRUE(durable(2));
    EXPECT_EQ(store().commits(), before + 2);
    EXPECT_FALSE(store().pending());
}

TEST_F(WriteGroup, OutboxRowsWaitForTheirGroup) {
    auto earlier = store().outbox().enqueue(sample_item(bot::platform::slack, at_ms(5)));
    ASSERT_TRUE(earlier.has_value());
    defer();
    std::int64_t fresh = 0;
    {
        auto tx = store().begin();
        ASSERT_TRUE(tx.has_value());
        auto id = store().outbox().enqueue(sample_item(bot::platform::slack, at_ms(5)));
        ASSERT_TRUE(id.has_value());
        fresh = *id;
        ASSERT_TRUE((*tx)->commit());
    }
    EXPECT_FALSE(store().outbox().committed(fresh));
    EXPECT_TRUE(store().outbox().committed(*earlier));
    ASSERT_TRUE(store().flush());
    EXPECT_TRUE(store().outbox().committed(fresh));
}

TEST_F(WriteGroup, ClosingTheStoreKeepsAnOpenGroup) {
    defer();
    post_in_unit(1);
    close(); // SIGTERM's path: the units in the group had finished
    EXPECT_TRUE(durable(1));
}

TEST_F(WriteGroup, ACheckpointWaitsForTheOpenGroup) {
    defer();
    post_in_unit(1);
    ASSERT_TRUE(store().checkpoint()); // cannot fold an open transaction: runs after the flush
    const std::filesystem::path wal = path() + "-wal";
    ASSERT_TRUE(store().flush());
    EXPECT_TRUE(durable(1));
    EXPECT_EQ(std::filesystem::file_size(wal), 0U); // TRUNCATE emptied it once committed
}

TEST_F(WriteGroup, UnitsStillDoNotNest) {
    defer();
    auto first = store().begin();
    ASSERT_TRUE(first.has_value());
    auto second = store().begin();
    ASSERT_FALSE(second.has_value());
    EXPECT_EQ(second.error(), bot::error::storage_failure);
}

} // namespace
