// Every connection gets the same settings before anything reads or writes: these are part of
// the reliability and retention promises (product.md §5, §6), not tuning.
#include "storage/connection.hpp"

#include "storage/migrations.hpp"

#include <SQLiteCpp/Exception.h>

#include <stdexcept>

namespace openfloor::storage {
namespace {

void configure(SQLite::Database& db, const std::string& path) {
    // First, so that switching to WAL waits for another process's lock instead of failing.
    db.exec("PRAGMA busy_timeout = 5000");
    // WAL: readers never block the writer. The answer is the mode in force; a filesystem that
    // cannot do WAL (some network mounts) keeps the old one, and we refuse rather than run on it.
    const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") {
        throw std::runtime_error(path + ": cannot switch the database to WAL mode (got \"" + mode +
                                 "\"); put it on a local filesystem");
    }
    // FULL, not WAL's usual NORMAL: NORMAL survives kill -9 but may lose the last commits on
    // power loss, and a post confirmed to its author must survive both.
    db.exec("PRAGMA synchronous = FULL");
    // Per connection and off by default in SQLite; outside any transaction, so set it here.
    db.exec("PRAGMA foreign_keys = ON");
    // Retention purges must not leave the text in the file's free pages: zero them. Debian's
    // SQLite is built with this on; other builds are not, so we never rely on the default.
    db.exec("PRAGMA secure_delete = ON");
}

} // namespace

SQLite::Database open_database(const std::string& path, int target_version) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configure(db, path);
        migrate(db, path, target_version);
        return db;
    } catch (const SQLite::Exception& e) { // SQLite's own message: no user data at startup
        throw std::runtime_error(path + ": cannot open the database: " + e.what());
    }
}

} // namespace openfloor::storage
