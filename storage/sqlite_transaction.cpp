// One use case's unit of work.
#include "storage/sqlite_transaction.hpp"

#include "storage/guard.hpp"

namespace openfloor::storage {

// IMMEDIATE takes the write lock now, so a use case that reads and then writes cannot fail half
// way with SQLITE_BUSY; waiting for the lock is bounded by busy_timeout.
sqlite_transaction::sqlite_transaction(SQLite::Database& db)
    : tx_(db, SQLite::TransactionBehavior::IMMEDIATE) {}

bot::result<void> sqlite_transaction::commit() {
    return guard("transaction.commit", [&] { tx_.commit(); });
}

} // namespace openfloor::storage
