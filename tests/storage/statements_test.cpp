// The statement cache: one prepared statement per SQL text, clean on every use, and a fresh one
// when the cached statement is still in use.
#include "storage/statements.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace {

using openfloor::storage::statements;

class Statements : public ::testing::Test {
protected:
    Statements() {
        db_.exec("CREATE TABLE t (n INTEGER)");
        db_.exec("INSERT INTO t VALUES (1), (2), (3)");
    }

    openfloor::testing::temp_dir dir_;
    SQLite::Database db_{dir_.file("t.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
    statements sql_{db_};
};

TEST_F(Statements, PreparesEachSqlTextOnce) {
    const SQLite::Statement* first = nullptr;
    {
        auto count = sql_.use("SELECT COUNT(*) FROM t WHERE n > ?");
        first = &*count;
        count->bind(1, 1);
        ASSERT_TRUE(count->executeStep());
        EXPECT_EQ(count->getColumn(0).getInt(), 2);
    }
    auto again = sql_.use("SELECT COUNT(*) FROM t WHERE n > ?");
    EXPECT_EQ(&*again, first);
}

TEST_F(Statements, StartsEveryUseResetAndUnbound) {
    {
        auto select = sql_.use("SELECT n FROM t WHERE n >= ? ORDER BY n");
        select->bind(1, 2);
        ASSERT_TRUE(select->executeStep()); // left half read on purpose
    }
    auto select = sql_.use("SELECT n FROM t WHERE n >= ? ORDER BY n");
    // Unbound, ? is NULL: nothing is >= NULL. A stale binding of 2 would find rows.
    EXPECT_FALSE(select->executeStep());
}

TEST_F(Statements, GivesAFreshStatementWhileTheCachedOneIsInUse) {
    auto outer = sql_.use("SELECT n FROM t ORDER BY n");
    ASSERT_TRUE(outer->executeStep());
    EXPECT_EQ(outer->getColumn(0).getInt(), 1);
    {
        auto inner = sql_.use("SELECT n FROM t ORDER BY n");
        EXPECT_NE(&*inner, &*outer);
        ASSERT_TRUE(inner->executeStep());
        EXPECT_EQ(inner->getColumn(0).getInt(), 1);
    }
    ASSERT_TRUE(outer->executeStep()); // the outer walk goes on where it was
    EXPECT_EQ(outer->getColumn(0).getInt(), 2);
}

} // namespace
