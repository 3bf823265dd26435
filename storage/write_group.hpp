// Group commit. The units of work of many requests (one per use case) run inside SAVEPOINTs of
// one shared SQLite transaction, the group, and one COMMIT (one fsync) makes all of them durable.
// A unit that fails rolls back its own savepoint only; the others in the group stay.
//
// Without a scheduler each unit is a group of one: its commit() commits, as the core is used
// without an event loop (tests, one-shot commands). With one (defer()), a unit's commit() only
// releases its savepoint, the scheduler is told once per group, when it opens, and must see that
// flush() runs soon (app/ posts it on the io_context). Nobody may be told of a unit's outcome
// before the flush that holds it has returned.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

namespace openfloor::storage {

// SQLite rolled the whole group back under a failing statement (SQLITE_FULL, SQLITE_IOERR, ...):
// every unit in it is gone, and no new one starts until flush() has reported it.
class group_lost : public std::runtime_error {
public:
    group_lost()
        : std::runtime_error("the open write group was rolled back") {}
};

class write_group {
public:
    explicit write_group(SQLite::Database& db);
    // Commits an open group: its units finished, keeping them is the safe side.
    ~write_group();
    write_group(const write_group&) = delete;
    write_group& operator=(const write_group&) = delete;

    void defer(std::function<void()> schedule);

    // One unit at a time (they never nest). Throw SQLite::Exception, group_lost, or
    // std::logic_error for a nested begin.
    void begin_unit();
    void commit_unit();
    void rollback_unit() noexcept;

    // Something committed is not durable yet: a group is open (or lost and not yet reported).
    bool pending() const { return open_; }
    // Commits the open group; nothing to do when none is. Throws SQLite::Exception or group_lost
    // when the group's units were not kept (the group is closed either way).
    void flush();
    // PRAGMA wal_checkpoint(TRUNCATE), now or, while a group is open, right after its commit:
    // a checkpoint cannot fold a transaction that is still open.
    void checkpoint();

    // Outbox rows inserted in the open group: the outbox must not send them before flush().
    void note_outbox_insert(std::int64_t id);
    bool outbox_row_committed(std::int64_t id) const;

    // Transactions SQLite committed on this connection (its commit hook): groups, and any
    // statement that ran on its own.
    std::uint64_t commits() const { return commits_; }

private:
    void close();
    void run_checkpoint();

    SQLite::Database& db_;
    std::function<void()> schedule_;
    bool open_ = false;
    bool lost_ = false;
    bool in_unit_ = false;
    bool checkpoint_wanted_ = false;
    std::vector<std::int64_t> fresh_outbox_rows_;
    std::uint64_t commits_ = 0;
};

} // namespace openfloor::storage
