// write_group: BEGIN IMMEDIATE once per group, a SAVEPOINT per unit, one COMMIT per flush.
#include "storage/write_group.hpp"

#include "bot/log.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <sqlite3.h>

namespace openfloor::storage {
namespace {

int count_commit(void* counter) {
    ++*static_cast<std::uint64_t*>(counter);
    return 0; // 0: let the commit go ahead
}

// Whether the connection is outside any transaction, i.e. SQLite ended the group itself.
bool autocommit(SQLite::Database& db) {
    return sqlite3_get_autocommit(db.getHandle()) != 0;
}

} // namespace

write_group::write_group(SQLite::Database& db)
    : db_(db) {
    sqlite3_commit_hook(db_.getHandle(), &count_commit, &commits_);
}

write_group::~write_group() {
    try {
        flush();
    } catch (const std::exception&) { // closing anyway; SQLite rolls back what is left
    }
    sqlite3_commit_hook(db_.getHandle(), nullptr, nullptr);
}

void write_group::defer(std::function<void()> schedule) {
    schedule_ = std::move(schedule);
}

void write_group::begin_unit() {
    if (in_unit_) {
        throw std::logic_error("write_group: units do not nest");
    }
    if (lost_) {
        throw group_lost();
    }
    if (!open_) {
        // IMMEDIATE takes the write lock now, so a unit that reads and then writes cannot fail
        // half way with SQLITE_BUSY; waiting for the lock is bounded by busy_timeout.
        db_.exec("BEGIN IMMEDIATE");
        open_ = true;
        if (schedule_) {
            schedule_();
        }
    }
    try {
        db_.exec("SAVEPOINT unit");
    } catch (const SQLite::Exception&) {
        if (!schedule_) {
            rollback_unit(); // the group was opened for this unit alone
        }
        throw;
    }
    in_unit_ = true;
}

void write_group::commit_unit() {
    db_.exec("RELEASE unit"); // throws with the unit still open: the caller rolls it back
    in_unit_ = false;
    if (!schedule_) {
        flush(); // a group of one
    }
}

void write_group::rollback_unit() noexcept {
    in_unit_ = false;
    if (!open_ || lost_) {
        return;
    }
    try {
        if (schedule_) {
            db_.exec("ROLLBACK TO unit");
            db_.exec("RELEASE unit");
        } else {
            db_.exec("ROLLBACK");
            close();
        }
    } catch (const SQLite::Exception&) { // SQLite may already have rolled back: checked below
    }
    if (open_ && autocommit(db_)) {
        // The group's other units went with it: their callers learn it from flush().
        lost_ = true;
        bot::log::error("storage.group_lost");
    }
}

void write_group::flush() {
    if (!open_) {
        return;
    }
    if (lost_) {
        close();
        throw group_lost();
    }
    try {
        db_.exec("COMMIT");
    } catch (const SQLite::Exception&) {
        if (!autocommit(db_)) {
            try { // nothing of the group is kept: its callers are told it failed
                db_.exec("ROLLBACK");
            } catch (const SQLite::Exception&) { // closing the connection rolls back
            }
        }
        close();
        throw;
    }
    close();
    if (checkpoint_wanted_) {
        try { // the group is durable whatever the checkpoint does
            run_checkpoint();
        } catch (const SQLite::Exception& e) {
            bot::log::warn("storage.checkpoint_failed", {{"sqlite_code", e.getErrorCode()}});
        }
    }
}

void write_group::checkpoint() {
    if (open_) {
        checkpoint_wanted_ = true;
        return;
    }
    run_checkpoint();
}

void write_group::run_checkpoint() {
    checkpoint_wanted_ = false;
    db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void write_group::close() {
    open_ = false;
    lost_ = false;
    fresh_outbox_rows_.clear();
}

void write_group::note_outbox_insert(std::int64_t id) {
    if (open_) {
        fresh_outbox_rows_.push_back(id);
    }
}

bool write_group::outbox_row_committed(std::int64_t id) const {
    return !open_ || std::find(fresh_outbox_rows_.begin(), fresh_outbox_rows_.end(), id) ==
                         fresh_outbox_rows_.end();
}

} // namespace openfloor::storage
