// A savepoint that undoes its statements unless released.
#include "storage/savepoint.hpp"

#include <SQLiteCpp/Exception.h>

namespace openfloor::storage {

// One fixed name: savepoints nest by stack order, so an inner one with the same name is fine.
savepoint::savepoint(SQLite::Database& db)
    : db_(db) {
    db_.exec("SAVEPOINT repository_call");
}

savepoint::~savepoint() {
    if (released_) {
        return;
    }
    try {
        db_.exec("ROLLBACK TO repository_call");
        db_.exec("RELEASE repository_call");
    } catch (const SQLite::Exception&) { // SQLite may already have rolled back; nothing to undo
    }
}

void savepoint::release() {
    db_.exec("RELEASE repository_call");
    released_ = true;
}

} // namespace openfloor::storage
