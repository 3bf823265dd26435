// bot::transaction over SQLiteCpp's RAII Transaction: BEGIN IMMEDIATE, rolled back unless
// committed.
#pragma once

#include "bot/ports.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

namespace openfloor::storage {

class sqlite_transaction final : public bot::transaction {
public:
    // Throws SQLite::Exception when the write lock is not free within busy_timeout.
    explicit sqlite_transaction(SQLite::Database& db);
    bot::result<void> commit() override;

private:
    SQLite::Transaction tx_;
};

} // namespace openfloor::storage
