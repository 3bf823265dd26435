// Makes one repository call of several statements atomic, inside a begin() transaction or not.
// SQLiteCpp 3.2.1's Savepoint only rolls back TO the savepoint on destruction and never releases
// it, which leaves an outermost savepoint's transaction open; this one always releases.
#pragma once

#include <SQLiteCpp/Database.h>

namespace openfloor::storage {

class savepoint {
public:
    explicit savepoint(SQLite::Database& db);
    ~savepoint();
    savepoint(const savepoint&) = delete;
    savepoint& operator=(const savepoint&) = delete;

    void release(); // keep the changes

private:
    SQLite::Database& db_;
    bool released_ = false;
};

} // namespace openfloor::storage
