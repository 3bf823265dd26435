// bot::transaction as one unit of the store's write group: a SAVEPOINT, rolled back unless
// committed, and durable once its group is flushed (storage/write_group.hpp).
#pragma once

#include "bot/ports.hpp"
#include "storage/write_group.hpp"

namespace openfloor::storage {

class sqlite_transaction final : public bot::transaction {
public:
    // Throws what write_group::begin_unit throws (the write lock not free within busy_timeout,
    // a nested unit, a lost group).
    explicit sqlite_transaction(write_group& group);
    ~sqlite_transaction() override;
    sqlite_transaction(const sqlite_transaction&) = delete;
    sqlite_transaction& operator=(const sqlite_transaction&) = delete;

    bot::result<void> commit() override;

private:
    write_group& group_;
    bool committed_ = false;
};

} // namespace openfloor::storage
